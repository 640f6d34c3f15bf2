package de.kielregion.kooperation.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver (the protocol a collector speaks on port 4318): the services export
 * their spans to it as protobuf {@code ExportTraceServiceRequest}s, parsed with the OpenTelemetry
 * protocol's own classes, and tests read what arrived.
 */
public final class OtlpReceiver {

    /** One received span; ids in lower-case hex as in a traceparent header. */
    public record ReceivedSpan(
            String service, String traceId, String spanId, String parentSpanId, String name, String kind) {}

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", this::traces);
        server.createContext("/", exchange -> {
            try (exchange) {
                refused.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
    }

    /** What the services take as OTEL_EXPORTER_OTLP_ENDPOINT. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** What arrived, for a failure message: how many spans, and requests to other paths. */
    public String summary() {
        return spans.size() + " spans received; requests elsewhere: " + refused;
    }

    public void stop() {
        server.stop(0);
    }

    private void traces(HttpExchange exchange) {
        try {
            receive(exchange);
        } catch (Throwable e) {
            // The JDK's server would swallow it: keep it for the failure message.
            refused.add(exchange.getRequestURI() + " failed: " + e);
            exchange.close();
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            HexFormat hex = HexFormat.of();
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name"))
                        .map(KeyValue::getValue)
                        .map(v -> v.getStringValue())
                        .findFirst()
                        .orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span s : scope.getSpansList()) {
                        spans.add(new ReceivedSpan(
                                service,
                                hex.formatHex(s.getTraceId().toByteArray()),
                                hex.formatHex(s.getSpanId().toByteArray()),
                                hex.formatHex(s.getParentSpanId().toByteArray()),
                                s.getName(),
                                s.getKind().name()));
                    }
                }
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                exchange.getResponseBody().write(response);
            }
        }
    }
}
