package de.kielregion.kooperation.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.platform.db.DatabaseUnavailable;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: runs an event's effect and records the event's id in the same
 * transaction, so a redelivered event has no second effect.
 *
 * <p>A malformed event (no CloudEvents headers, data not JSON) is nacked at once; an event
 * whose effect keeps failing is nacked after {@code ostsee.inbox.max-attempts}. With the
 * channel's {@code failure-strategy=dead-letter-queue} a nacked record goes to the
 * dead-letter topic and the partition moves on.
 *
 * <p>Use it from a blocking {@code @Incoming} method that takes a {@code Message<String>}:
 * <pre>{@code
 * @Incoming("projects") @Blocking
 * CompletionStage<Void> on(Message<String> m) { return inbox.handle(m, this::apply); }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** The longest pause between two tries of one event (a database restart is waited out in these steps). */
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private static final String CLAIM = "INSERT INTO inbox_event (source, id, type, processed_at) "
            + "VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING";

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final InboxConfig config;
    private final MeterRegistry registry;
    private final TraceContext trace;

    Inbox(
            EntityManager entityManager,
            ObjectMapper mapper,
            InboxConfig config,
            MeterRegistry registry,
            TraceContext trace) {
        this.trace = trace;
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
    }

    /** Parses the message as a CloudEvent and applies {@code handler} once per event id. */
    public CompletionStage<Void> handle(Message<String> message, EventHandler handler) {
        return handle(message, null, handler);
    }

    /**
     * Applies the event with its route, once per event id; a type without a route is
     * acknowledged at once (see {@link #handle(Message, Set, EventHandler)}).
     */
    public CompletionStage<Void> handle(Message<String> message, EventRoutes routes) {
        return handle(message, routes.types(), routes);
    }

    /**
     * Like {@link #handle(Message, EventHandler)}, for a consumer that reacts to some of a
     * topic's event types only: an event of another type ({@code ce_type} header) is
     * acknowledged at once, without parsing, transaction or inbox row (a tolerant reader has
     * nothing to do with it, and a topic carries many types: this keeps them from costing a
     * transaction each). {@code null} means every type.
     */
    public CompletionStage<Void> handle(Message<String> message, Set<String> types, EventHandler handler) {
        IncomingKafkaRecordMetadata<?, ?> kafka =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        String topic = kafka == null ? "unknown" : kafka.getTopic();
        if (types != null && kafka != null) {
            String type = CloudEventHeaders.value(kafka.getHeaders(), CloudEventHeaders.TYPE);
            if (type != null && !types.contains(type)) {
                registry.counter("ostsee.inbox.consumed", "topic", topic, "outcome", "ignored")
                        .increment();
                return message.ack();
            }
        }
        IncomingEvent event;
        try {
            event = kafka == null
                    ? IncomingEvent.parse(null, message.getPayload(), topic, -1, -1, mapper)
                    : IncomingEvent.parse(
                            kafka.getHeaders(),
                            message.getPayload(),
                            topic,
                            kafka.getPartition(),
                            kafka.getOffset(),
                            mapper);
        } catch (MalformedEventException e) {
            LOG.warnf(
                    "Malformed event on %s (%s): %s; sending it to the dead-letter topic",
                    topic, position(kafka), e.getMessage());
            deadLettered(topic, "malformed");
            return message.nack(e);
        }
        // The producer's trace goes on here: a process span under the record's traceparent,
        // current while the effect runs and commits (and while it records events of its own).
        Span span = trace.startMessagingSpan(
                trace.extract(kafka == null ? null : kafka.getHeaders()),
                SpanKind.CONSUMER,
                topic,
                event.id(),
                event.type());
        Throwable failure = null;
        try (Scope ignored = span.makeCurrent()) {
            return process(message, handler, event, topic);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            TraceContext.end(span, failure);
        }
    }

    private CompletionStage<Void> process(
            Message<String> message, EventHandler handler, IncomingEvent event, String topic) {
        long backoff = config.retryBackoff().toMillis();
        for (int attempt = 1; ; ) {
            try {
                boolean applied = apply(event, handler);
                registry.counter("ostsee.inbox.consumed", "topic", topic, "outcome", applied ? "applied" : "duplicate")
                        .increment();
                return message.ack();
            } catch (RuntimeException e) {
                boolean unavailable = DatabaseUnavailable.causedBy(e);
                if (!unavailable && (e instanceof MalformedEventException || attempt >= config.maxAttempts())) {
                    LOG.errorf(
                            e,
                            "Event %s (%s) on %s failed after %d attempt(s); sending it to the dead-letter topic",
                            event.id(),
                            event.type(),
                            topic,
                            attempt);
                    deadLettered(topic, e instanceof MalformedEventException ? "malformed" : "failed");
                    Span.current().recordException(e);
                    Span.current().setStatus(StatusCode.ERROR, "dead-lettered: " + e.getMessage());
                    return message.nack(e);
                }
                if (unavailable) {
                    // Not the event's fault: it waits (and the partition behind it) until the
                    // database is back, however long that takes; it never counts as an attempt.
                    LOG.warnf(
                            "Event %s (%s) waits: the database is unavailable (%s); trying again in %d ms",
                            event.id(), event.type(), e.getMessage(), backoff);
                } else {
                    LOG.warnf(
                            "Event %s (%s) failed (attempt %d of %d): %s",
                            event.id(), event.type(), attempt, config.maxAttempts(), e.getMessage());
                    attempt++;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return message.nack(ie);
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * Applies {@code handler} to {@code event} unless the event was processed before; the
     * record of processing and the effect commit together. Returns whether it applied.
     */
    public boolean apply(IncomingEvent event, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = entityManager
                    .createNativeQuery(CLAIM)
                    .setParameter(1, event.source())
                    .setParameter(2, event.id())
                    .setParameter(3, event.type())
                    .executeUpdate();
            if (claimed == 0) {
                return false;
            }
            handler.handle(event);
            return true;
        });
    }

    private void deadLettered(String topic, String reason) {
        registry.counter("ostsee.inbox.deadlettered", "topic", topic, "reason", reason)
                .increment();
    }

    private static String position(IncomingKafkaRecordMetadata<?, ?> kafka) {
        return kafka == null
                ? "no Kafka metadata"
                : "partition " + kafka.getPartition() + ", offset " + kafka.getOffset();
    }
}
