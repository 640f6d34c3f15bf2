package de.kielregion.kooperation.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The trace context survives the outbox row and the Kafka record, and is nothing with tracing off. */
class TraceContextTest {

    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final TraceContext trace = new TraceContext(sdk);

    @Test
    void theWritersContextGoesThroughTheOutboxRowAndTheRecordToTheConsumer() {
        Span request = sdk.getTracer("test").spanBuilder("PUT /partners").startSpan();
        String row;
        try (Scope ignored = request.makeCurrent()) {
            row = trace.capture();
        }
        SpanContext writer = request.getSpanContext();
        assertEquals("traceparent=00-" + writer.getTraceId() + "-" + writer.getSpanId() + "-01\n", row);

        // The relay: a publish span under the row's context, its traceparent on the record.
        Context restored = trace.restore(row);
        SpanContext fromRow = Span.fromContext(restored).getSpanContext();
        assertEquals(writer.getTraceId(), fromRow.getTraceId());
        assertEquals(writer.getSpanId(), fromRow.getSpanId());
        assertTrue(fromRow.isSampled());
        Span publish = trace.startMessagingSpan(restored, SpanKind.PRODUCER, "cooperation.partners.v1", "e1", "t");
        RecordHeaders headers = new RecordHeaders();
        trace.inject(Context.root().with(publish), headers);
        trace.inject(Context.root().with(publish), headers); // written twice: still one header
        assertEquals(
                1,
                java.util.stream.StreamSupport.stream(
                                headers.headers("traceparent").spliterator(), false)
                        .count());

        // The consumer: same trace, the publish span as parent.
        SpanContext received = Span.fromContext(trace.extract(headers)).getSpanContext();
        assertEquals(writer.getTraceId(), received.getTraceId());
        assertEquals(publish.getSpanContext().getSpanId(), received.getSpanId());
        assertTrue(received.isRemote());
    }

    @Test
    void theFirstSpansSamplingDecisionTravelsThroughTheOutboxAndTheRecord() {
        // As configured (quarkus.otel.traces.sampler=parentbased_traceidratio): the writer's
        // service keeps no new trace, the relay's and the consumer's would keep every new one.
        OpenTelemetrySdk none = sdk(Sampler.parentBased(Sampler.traceIdRatioBased(0.0)));
        OpenTelemetrySdk all = sdk(Sampler.parentBased(Sampler.traceIdRatioBased(1.0)));
        TraceContext writer = new TraceContext(none);
        TraceContext keepsAll = new TraceContext(all);
        Span request = none.getTracer("test").spanBuilder("PUT /partners").startSpan();
        assertFalse(request.getSpanContext().isSampled());
        String row;
        try (Scope ignored = request.makeCurrent()) {
            row = writer.capture();
        }
        // The decision is written down with the trace (flags 00) ...
        assertEquals(
                "traceparent=00-" + request.getSpanContext().getTraceId() + "-"
                        + request.getSpanContext().getSpanId() + "-00\n",
                row);
        // ... so the relay, though it keeps every new trace, does not record this one ...
        Span publish = keepsAll.startMessagingSpan(
                keepsAll.restore(row), SpanKind.PRODUCER, "cooperation.partners.v1", "e1", "t");
        assertFalse(publish.isRecording());
        assertEquals(
                request.getSpanContext().getTraceId(), publish.getSpanContext().getTraceId());
        // ... nor the consumer behind the record.
        RecordHeaders headers = new RecordHeaders();
        keepsAll.inject(Context.root().with(publish), headers);
        Span process = keepsAll.startMessagingSpan(
                keepsAll.extract(headers), SpanKind.CONSUMER, "cooperation.partners.v1", "e1", "t");
        assertFalse(process.isRecording());
        assertEquals(
                request.getSpanContext().getTraceId(), process.getSpanContext().getTraceId());

        // A kept trace is kept through a service that keeps no new trace.
        TraceContext keepsNone = writer;
        Span kept = all.getTracer("test").spanBuilder("PUT /partners").startSpan();
        assertTrue(kept.getSpanContext().isSampled());
        String keptRow;
        try (Scope ignored = kept.makeCurrent()) {
            keptRow = keepsAll.capture();
        }
        Span keptPublish = keepsNone.startMessagingSpan(
                keepsNone.restore(keptRow), SpanKind.PRODUCER, "cooperation.partners.v1", "e3", "t");
        assertTrue(keptPublish.isRecording());
        assertTrue(keptPublish.getSpanContext().isSampled());
    }

    private static OpenTelemetrySdk sdk(Sampler sampler) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(
                        SdkTracerProvider.builder().setSampler(sampler).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    @Test
    void withoutTracingNothingIsCapturedOrWritten() {
        TraceContext off = new TraceContext(OpenTelemetry.noop());
        assertNull(off.capture());
        RecordHeaders headers = new RecordHeaders();
        off.inject(Context.current(), headers);
        assertFalse(headers.iterator().hasNext());
        // and no context outside a span, unreadable or missing text: a new trace (root context)
        assertNull(trace.capture());
        assertFalse(Span.fromContext(trace.restore("traceparent=garbage"))
                .getSpanContext()
                .isValid());
        assertFalse(Span.fromContext(trace.restore(null)).getSpanContext().isValid());
        assertFalse(Span.fromContext(trace.extract(null)).getSpanContext().isValid());
    }
}
