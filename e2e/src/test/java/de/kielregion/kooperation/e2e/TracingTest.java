package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.Topics;
import de.kielregion.kooperation.e2e.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * One trace across the event flow, as an operator follows it: the services export to a real
 * OTLP/HTTP receiver; a request that starts a trace (its own traceparent, as a gateway would send
 * it) shows up in partners-service (HTTP request, publish from the outbox) and, through Kafka, in
 * the services that consume the event, each consumer span a child of the publish span.
 */
class TracingTest {

    @Test
    void aRequestIsFollowedThroughTheOutboxAndKafkaIntoTheConsumingServices() {
        Suite suite = Suite.get();
        HexFormat hex = HexFormat.of();
        byte[] traceBytes = new byte[16];
        byte[] spanBytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(traceBytes);
        ThreadLocalRandom.current().nextBytes(spanBytes);
        String traceId = hex.formatHex(traceBytes);
        String callerSpan = hex.formatHex(spanBytes);

        suite.as("partners", Suite.COORDINATOR)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("name", "Trace " + UUID.randomUUID(), "type", "CITY", "country", "SE"))
                .when()
                .post("/partners")
                .then()
                .statusCode(201);

        String publish = Topics.PARTNERS + " publish";
        String process = Topics.PARTNERS + " process";
        try {
            Suite.await(
                    Duration.ofSeconds(30),
                    "spans of trace " + traceId + " from partners-, projects- and memberships-service",
                    () -> has(suite.traces().spans(traceId), "partners-service", "SPAN_KIND_SERVER", null)
                            && has(suite.traces().spans(traceId), "partners-service", "SPAN_KIND_PRODUCER", publish)
                            && has(suite.traces().spans(traceId), "projects-service", "SPAN_KIND_CONSUMER", process)
                            && has(
                                    suite.traces().spans(traceId),
                                    "memberships-service",
                                    "SPAN_KIND_CONSUMER",
                                    process));
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; " + suite.traces().summary() + "; of this trace: "
                            + suite.traces().spans(traceId),
                    e);
        }

        List<ReceivedSpan> spans = suite.traces().spans(traceId);
        ReceivedSpan server = find(spans, "partners-service", "SPAN_KIND_SERVER", null);
        assertEquals(callerSpan, server.parentSpanId(), "the HTTP span continues the caller's trace");
        ReceivedSpan published = find(spans, "partners-service", "SPAN_KIND_PRODUCER", publish);
        assertTrue(
                spans.stream()
                        .anyMatch(s -> s.spanId().equals(published.parentSpanId())
                                && s.service().equals("partners-service")),
                "the publish span hangs under a span of the request that wrote the outbox row: " + spans);
        for (String consumer : List.of("projects-service", "memberships-service")) {
            ReceivedSpan processed = find(spans, consumer, "SPAN_KIND_CONSUMER", process);
            assertEquals(
                    published.spanId(),
                    processed.parentSpanId(),
                    consumer + " processes the event as a child of partners-service's publish span");
        }
    }

    private static boolean has(List<ReceivedSpan> spans, String service, String kind, String name) {
        return spans.stream().anyMatch(s -> matches(s, service, kind, name));
    }

    private static ReceivedSpan find(List<ReceivedSpan> spans, String service, String kind, String name) {
        return spans.stream()
                .filter(s -> matches(s, service, kind, name))
                .findFirst()
                .orElseThrow();
    }

    private static boolean matches(ReceivedSpan s, String service, String kind, String name) {
        return s.service().equals(service)
                && s.kind().equals(kind)
                && (name == null || s.name().equals(name));
    }
}
