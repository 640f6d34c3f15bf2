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
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: runs an event's effect and records the event's id in the same
 * transaction, so a redelivered event has no second effect.
 *
 * <p>A malformed event (no CloudEvents headers, data not JSON) is nacked without being applied;
 * an event whose effect keeps failing is nacked after {@code ostsee.inbox.max-attempts}; an
 * effect that fails because the database is unavailable waits for it (never nacked for that).
 * With the channel's {@code failure-strategy=dead-letter-queue} a nacked record goes to the
 * dead-letter topic and the partition moves on.
 *
 * <p>Use it from a blocking {@code @Incoming} method that takes a poll's batch of records (the
 * channel configured with {@code batch=true}): the batch's events apply in one transaction, so a
 * consumer catching up on a backlog commits once per poll instead of once per event:
 * <pre>{@code
 * @Incoming("projects") @Blocking
 * CompletionStage<Void> on(KafkaRecordBatch<String, String> b) { return inbox.handleBatch(b, routes); }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** The longest pause between two tries of one event (a database restart is waited out in these steps). */
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private static final String CLAIM = "INSERT INTO inbox_event (source, id, type, processed_at) "
            + "VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING";
    /** A batch's inbox rows at once; the ones that were new come back (a repeated id only once). */
    private static final String CLAIM_BATCH = "INSERT INTO inbox_event (source, id, type, processed_at) "
            + "SELECT s, i, t, now() FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS e(s, i, t) "
            + "ON CONFLICT DO NOTHING RETURNING source, id";

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

    /** The consumer's thread was interrupted (the service stops) while a batch waited or retried. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** A record of a batch and the event it carries. */
    private record Parsed(KafkaRecord<String, String> record, IncomingEvent event, String topic) {}

    /**
     * Applies a poll's batch of events (see {@link #handleBatch(KafkaRecordBatch, Set, EventHandler)})
     * with their routes.
     */
    public CompletionStage<Void> handleBatch(KafkaRecordBatch<String, String> batch, EventRoutes routes) {
        return handleBatch(batch, routes.types(), routes);
    }

    /**
     * Applies a poll's batch of events in one transaction, each once per event id (the inbox rows
     * of the whole batch are claimed with one statement; an event already processed, or twice in
     * the batch, has no second effect). Types outside {@code types} are skipped, a malformed
     * record goes to the dead-letter topic on its own. If the transaction fails because the
     * database is unavailable, the whole batch waits and is tried again; if it fails otherwise,
     * its events are applied one by one, each in its own transaction with its retries, so only
     * the failing one goes to the dead-letter topic.
     */
    public CompletionStage<Void> handleBatch(
            KafkaRecordBatch<String, String> batch, Set<String> types, EventHandler handler) {
        List<Parsed> events = new ArrayList<>();
        // The records to dead-letter and why: nacked after the batch's events, in the records' order.
        java.util.Map<KafkaRecord<String, String>, Throwable> failed = new java.util.IdentityHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            IncomingKafkaRecordMetadata<?, ?> kafka =
                    record.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
            String topic = kafka == null ? "unknown" : kafka.getTopic();
            if (types != null && kafka != null) {
                String type = CloudEventHeaders.value(kafka.getHeaders(), CloudEventHeaders.TYPE);
                if (type != null && !types.contains(type)) {
                    registry.counter("ostsee.inbox.consumed", "topic", topic, "outcome", "ignored")
                            .increment();
                    continue;
                }
            }
            try {
                events.add(new Parsed(
                        record,
                        kafka == null
                                ? IncomingEvent.parse(null, record.getPayload(), topic, -1, -1, mapper)
                                : IncomingEvent.parse(
                                        kafka.getHeaders(),
                                        record.getPayload(),
                                        topic,
                                        kafka.getPartition(),
                                        kafka.getOffset(),
                                        mapper),
                        topic));
            } catch (MalformedEventException e) {
                LOG.warnf(
                        "Malformed event on %s (%s): %s; sending it to the dead-letter topic",
                        topic, position(kafka), e.getMessage());
                deadLettered(topic, "malformed");
                failed.put(record, e);
            }
        }
        try {
            if (!events.isEmpty()) {
                failed.putAll(applyBatch(events, handler));
            }
        } catch (Interrupted e) {
            // The service stops: nothing of the batch is acknowledged or dead-lettered; it comes
            // again to whoever takes the partition (the inbox drops what was applied already).
            return CompletableFuture.completedFuture(null);
        }
        // Only now, after the batch's events: a dead-lettered record is acknowledged, and were it
        // its partition's last one, the offset committed would pass events not yet applied.
        List<CompletionStage<Void>> nacked = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            Throwable reason = failed.get(record);
            if (reason != null) {
                nacked.add(record.nack(reason));
            }
        }
        return CompletableFuture.allOf(nacked.stream()
                        .map(CompletionStage::toCompletableFuture)
                        .toArray(CompletableFuture[]::new))
                .thenCompose(done -> batch.ack());
    }

    /** The batch in one transaction; the records of events that failed on their own, and why. */
    private java.util.Map<KafkaRecord<String, String>, Throwable> applyBatch(
            List<Parsed> events, EventHandler handler) {
        long backoff = config.retryBackoff().toMillis();
        while (true) {
            List<Span> spans = new ArrayList<>();
            try {
                Set<Parsed> applied = QuarkusTransaction.requiringNew().call(() -> applyAll(events, handler, spans));
                spans.forEach(span -> TraceContext.end(span, null));
                for (Parsed p : events) {
                    registry.counter(
                                    "ostsee.inbox.consumed",
                                    "topic",
                                    p.topic(),
                                    "outcome",
                                    applied.contains(p) ? "applied" : "duplicate")
                            .increment();
                }
                registry.summary(
                                "ostsee.inbox.batch.size",
                                "topic",
                                events.get(0).topic())
                        .record(events.size());
                return java.util.Map.of();
            } catch (RuntimeException e) {
                spans.forEach(span -> TraceContext.end(span, e)); // rolled back: none of them took effect
                if (DatabaseUnavailable.causedBy(e)) {
                    LOG.warnf(
                            "A batch of %d events waits: the database is unavailable (%s); trying again in %d ms",
                            events.size(), e.getMessage(), backoff);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new Interrupted();
                    }
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                    continue;
                }
                LOG.warnf("A batch of %d events failed (%s); applying them one by one", events.size(), e.getMessage());
                java.util.Map<KafkaRecord<String, String>, Throwable> failed = new java.util.IdentityHashMap<>();
                for (Parsed p : events) {
                    Throwable failure = applyOne(p, handler);
                    if (failure != null) {
                        failed.put(p.record(), failure);
                    }
                }
                return failed;
            }
        }
    }

    /**
     * In the caller's transaction: claims the batch's event ids at once, applies the ones claimed,
     * in order, each with a span (ended by the caller once the commit's outcome is known). After
     * each effect the session is flushed and cleared: the next event reads the database as the
     * last one left it (not an entity a bulk statement has changed meanwhile), and a flush checks
     * one event's entities, not the whole batch's. Consecutive events that only keep replicas
     * ({@link EventRoutes#replicates}) are the exception: such a run is applied together (its
     * replicas loaded with one query, written with one flush), as no bulk statement runs among them.
     */
    private Set<Parsed> applyAll(List<Parsed> events, EventHandler handler, List<Span> spans) {
        Set<String> claimed = claim(events);
        Set<Parsed> applied = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        EventRoutes routes = config.replicaRuns() && handler instanceof EventRoutes r ? r : null;
        List<Parsed> run = new ArrayList<>();
        for (Parsed p : events) {
            if (!claimed.remove(p.event().source() + "\u0000" + p.event().id())) {
                continue; // processed before, or earlier in this batch
            }
            if (routes != null && routes.replicates(p.event())) {
                run.add(p);
                continue;
            }
            applyRun(run, routes, spans, applied);
            inSpan(p, spans, () -> {
                handler.handle(p.event());
                entityManager.flush();
                entityManager.clear();
            });
            applied.add(p);
        }
        applyRun(run, routes, spans, applied);
        return applied;
    }

    /** A run of replica events (see {@link #applyAll}), then one flush; the run is emptied. */
    private void applyRun(List<Parsed> run, EventRoutes routes, List<Span> spans, Set<Parsed> applied) {
        if (run.isEmpty()) {
            return;
        }
        java.util.Map<IncomingEvent, Parsed> byEvent = new java.util.IdentityHashMap<>();
        run.forEach(p -> byEvent.put(p.event(), p));
        routes.replicate(
                run.stream().map(Parsed::event).toList(), (event, effect) -> inSpan(byEvent.get(event), spans, effect));
        entityManager.flush();
        entityManager.clear();
        registry.summary("ostsee.inbox.replica.run.size", "topic", run.get(0).topic())
                .record(run.size());
        applied.addAll(run);
        run.clear();
    }

    /** Runs one event's effect within its consumer span (ended by the caller once the commit's outcome is known). */
    private void inSpan(Parsed p, List<Span> spans, Runnable effect) {
        Span span = span(p);
        spans.add(span);
        try (Scope ignored = span.makeCurrent()) {
            effect.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        }
    }

    /** Inserts the inbox rows of the batch with one statement; returns the (source, id) pairs that were new. */
    private Set<String> claim(List<Parsed> events) {
        String[] sources = new String[events.size()];
        String[] ids = new String[events.size()];
        String[] types = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            sources[i] = events.get(i).event().source();
            ids[i] = events.get(i).event().id();
            types[i] = events.get(i).event().type();
        }
        return entityManager.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(CLAIM_BATCH)) {
                insert.setArray(1, connection.createArrayOf("varchar", sources));
                insert.setArray(2, connection.createArrayOf("varchar", ids));
                insert.setArray(3, connection.createArrayOf("varchar", types));
                Set<String> claimed = new HashSet<>();
                try (java.sql.ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getString(1) + "\u0000" + rows.getString(2));
                    }
                }
                return claimed;
            }
        });
    }

    /** One event of a failed batch on its own, with its retries; the failure that stays, or null. */
    private Throwable applyOne(Parsed p, EventHandler handler) {
        Span span = span(p);
        try (Scope ignored = span.makeCurrent()) {
            Throwable failure = applyWithRetries(handler, p.event(), p.topic());
            TraceContext.end(span, failure);
            return failure;
        } catch (Interrupted e) {
            TraceContext.end(span, e);
            throw e;
        }
    }

    private Span span(Parsed p) {
        IncomingKafkaRecordMetadata<?, ?> kafka =
                p.record().getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        return trace.startMessagingSpan(
                trace.extract(kafka == null ? null : kafka.getHeaders()),
                SpanKind.CONSUMER,
                p.topic(),
                p.event().id(),
                p.event().type());
    }

    /**
     * Applies the event in its own transaction, trying again after a failure (a database that is
     * unavailable is waited for; any other failure is tried {@code max-attempts} times). Returns
     * null once applied (or found processed before), else the failure that sends it to the
     * dead-letter topic.
     */
    private Throwable applyWithRetries(EventHandler handler, IncomingEvent event, String topic) {
        long backoff = config.retryBackoff().toMillis();
        for (int attempt = 1; ; ) {
            try {
                boolean applied = apply(event, handler);
                registry.counter("ostsee.inbox.consumed", "topic", topic, "outcome", applied ? "applied" : "duplicate")
                        .increment();
                return null;
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
                    return e;
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
                    throw new Interrupted(); // stopping: not the event's fault, no dead letter
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
