package de.kielregion.kooperation.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context (OpenTelemetry) carried where a thread cannot carry it: into an outbox
 * row (Debezium's {@code tracingspancontext} column: the propagator's fields as
 * {@link Properties} text), onto a Kafka record ({@code traceparent} header) and back out of it.
 * With tracing off ({@code OTEL_SDK_DISABLED}, the default outside production) every method is a
 * cheap no-op: nothing is captured, no header is written, spans are not recorded.
 */
@ApplicationScoped
public class TraceContext {

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header h : headers) {
                keys.add(h.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header h = headers == null ? null : headers.lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Properties> PROPERTIES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Properties p) {
            return p.stringPropertyNames();
        }

        @Override
        public String get(Properties p, String key) {
            return p == null ? null : p.getProperty(key);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    TraceContext(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("de.kielregion.kooperation.platform");
    }

    /** The current trace context as Properties text for an outbox row, or null without one. */
    public String capture() {
        TreeMap<String, String> fields = new TreeMap<>();
        propagator.inject(Context.current(), fields, (map, key, value) -> map.put(key, value));
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        fields.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /** The context stored by {@link #capture()}; the root context for null or unreadable text. */
    public Context restore(String captured) {
        if (captured == null || captured.isBlank()) {
            return Context.root();
        }
        Properties fields = new Properties();
        try {
            fields.load(new StringReader(captured));
        } catch (IOException | IllegalArgumentException e) {
            return Context.root();
        }
        return propagator.extract(Context.root(), fields, PROPERTIES);
    }

    /** The context a producer put on a Kafka record (its {@code traceparent} header), or the root context. */
    public Context extract(Headers headers) {
        return headers == null ? Context.root() : propagator.extract(Context.root(), headers, KAFKA_HEADERS);
    }

    /** Writes {@code context} onto a Kafka record as {@code traceparent} (and {@code tracestate}). */
    public void inject(Context context, Headers headers) {
        propagator.inject(context, headers, (h, key, value) -> {
            h.remove(key);
            h.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Starts a messaging span ({@code "<topic> publish"} or {@code "<topic> process"}) under {@code parent}. */
    public Span startMessagingSpan(Context parent, SpanKind kind, String topic, String eventId, String eventType) {
        return tracer.spanBuilder(topic + (kind == SpanKind.PRODUCER ? " publish" : " process"))
                .setParent(parent)
                .setSpanKind(kind)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", kind == SpanKind.PRODUCER ? "send" : "process")
                .setAttribute("messaging.message.id", eventId == null ? "" : eventId)
                .setAttribute("cloudevents.event_type", eventType == null ? "" : eventType)
                .startSpan();
    }

    /** Ends {@code span}, marked as failed with {@code error} when there is one. */
    public static void end(Span span, Throwable error) {
        if (error != null) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        }
        span.end();
    }
}
