package de.kielregion.kooperation.platform.outbox;

import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import de.kielregion.kooperation.platform.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents and marks them published once the
 * broker acknowledged them (idempotent producer, acks=all).
 *
 * <p>Ordering per aggregate: one relay at a time holds a PostgreSQL advisory lock for the
 * topic while it publishes a batch in outbox order, so several instances of a service never
 * publish one aggregate's events in parallel. An instance that does not get the lock leaves
 * the work to the one that has it.
 *
 * <p>Latency: {@link Outbox} wakes the relay right after its transaction commits; a periodic
 * sweep picks up whatever a crash, a broker outage or another instance left behind. While
 * the broker is down, batches fail and are retried with back-off; rows stay unpublished, so
 * nothing is lost and writers are never blocked.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?)";
    // A statement of its own after the lock: its snapshot then sees what the previous holder committed.
    private static final String SELECT_BATCH = "SELECT id, aggregatetype, aggregateid, type, payload::text, created_at,"
            + " tracingspancontext "
            + "FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?";
    private static final String MARK_PUBLISHED =
            "UPDATE outbox_event SET published_at = clock_timestamp() WHERE id = ANY (?)";
    private static final String COUNT_BACKLOG = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL";
    private static final String PRUNE = "DELETE FROM outbox_event WHERE published_at < ?";

    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);

    @Inject
    OutboxConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    TraceContext trace;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private final Semaphore signal = new Semaphore(0);
    private volatile Instant failingSince;
    private volatile String lastFailure;
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running;
    private Thread worker;
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics producerMetrics;
    private Timer latency;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled on this instance (ostsee.outbox.enabled=false)");
            return;
        }
        latency = Timer.builder("ostsee.outbox.publish.latency")
                .description("Time from an event's recording in the outbox to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        published = Counter.builder("ostsee.outbox.published")
                .description("Events published to Kafka and marked in the outbox")
                .register(registry);
        failures = Counter.builder("ostsee.outbox.publish.failures")
                .description("Relay attempts that failed (broker unreachable, timeout); the rows are retried")
                .register(registry);
        Gauge.builder("ostsee.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows committed but not yet acknowledged by the broker")
                .register(registry);
        producer = new KafkaProducer<>(producerConfig());
        // The relay's own producer in /q/metrics too (kafka_producer_*: record errors, retries,
        // request latency, buffer use), beside the channels' clients that Quarkus binds itself.
        producerMetrics = new KafkaClientMetrics(producer, List.of(Tag.of("client", "outbox-relay")));
        producerMetrics.bindTo(registry);
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        signal.release();
        if (worker != null) {
            try {
                worker.join(config.sendTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look for new rows now (called after a commit that recorded events). */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Since when the relay has failed to publish (broker unreachable), or null while it works. */
    public Instant failingSince() {
        return failingSince;
    }

    public String lastFailure() {
        return lastFailure;
    }

    /** Rows committed but not yet published, as of the relay's last count (about once a second). */
    public long backlog() {
        return backlog.get();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> p = new HashMap<>(kafkaConfig);
        int sendTimeoutMs = (int) config.sendTimeout().toMillis();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.topic());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        // No linger: the relay sends a whole batch at once, so records batch up by themselves.
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeoutMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, sendTimeoutMs / 2));
        // send() blocks while it has no metadata (broker down since start): bound that wait.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000, sendTimeoutMs));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        long nextBacklogRefresh = 0;
        long nextPrune = System.nanoTime();
        while (running) {
            try {
                int count = publishBatch();
                backoff = Duration.ZERO;
                failingSince = null;
                lastFailure = null;
                long now = System.nanoTime();
                if (now - nextBacklogRefresh >= 0) {
                    refreshBacklog();
                    nextBacklogRefresh = now + BACKLOG_REFRESH.toNanos();
                }
                if (count >= config.batchSize()) {
                    continue;
                }
                if (now - nextPrune >= 0) {
                    prune();
                    nextPrune = now + config.pruneInterval().toNanos();
                }
                if (signal.tryAcquire(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                if (failingSince == null) {
                    failingSince = Instant.now();
                }
                lastFailure = rootMessage(e);
                backoff = backoff.isZero() ? MIN_BACKOFF : min(backoff.multipliedBy(2), config.maxBackoff());
                LOG.warnf(
                        "Outbox relay could not publish (%s); the events stay in the outbox, retrying in %d ms",
                        rootMessage(e), backoff.toMillis());
                try {
                    refreshBacklog();
                } catch (RuntimeException ignored) {
                    // the database may be the problem; the gauge keeps its last value
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    int publishBatch() {
        BatchResult result = QuarkusTransaction.requiringNew()
                .timeout((int) config.sendTimeout().plusSeconds(30).toSeconds())
                .call(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        if (!tryLock(connection)) {
                            return BatchResult.EMPTY;
                        }
                        List<Row> rows = selectBatch(connection);
                        if (rows.isEmpty()) {
                            return BatchResult.EMPTY;
                        }
                        BatchResult sent = send(rows);
                        markPublished(connection, sent.acknowledged());
                        return sent;
                    }
                });
        published.increment(result.acknowledged().size());
        if (result.failure() != null) {
            throw new RelayException(result.failure());
        }
        return result.acknowledged().size();
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(TRY_LOCK)) {
            s.setLong(1, lockKey(config.topic()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The next batch in outbox (insert) order. */
    private List<Row> selectBatch(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SELECT_BATCH)) {
            s.setInt(1, config.batchSize());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            rs.getString(7)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the rows and waits for the broker. Of an aggregate whose event failed, no later
     * event counts as published, so a retry re-sends them in order.
     */
    private BatchResult send(List<Row> rows) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        Instant[] ackTimes = new Instant[rows.size()];
        Exception failure = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int index = i;
            // The writer's trace goes on: a publish span under the context kept in the row, and
            // its traceparent on the record for the consumers.
            Span span = trace.startMessagingSpan(
                    trace.restore(row.traceContext()),
                    SpanKind.PRODUCER,
                    config.topic(),
                    row.id().toString(),
                    row.type());
            try {
                ProducerRecord<String, byte[]> record = toRecord(row);
                trace.inject(Context.current().with(span), record.headers());
                futures.add(producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        ackTimes[index] = Instant.now();
                    }
                    TraceContext.end(span, error);
                }));
            } catch (RuntimeException e) {
                TraceContext.end(span, e);
                // No metadata (broker unreachable) or a closed producer: the rest waits for the retry.
                failure = e;
                break;
            }
        }
        List<Row> acknowledged = new ArrayList<>(futures.size());
        Set<String> failedAggregates = new HashSet<>();
        for (int i = 0; i < futures.size(); i++) {
            Row row = rows.get(i);
            try {
                futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!failedAggregates.contains(row.aggregateId())) {
                    acknowledged.add(row);
                    Instant ack = ackTimes[i] != null ? ackTimes[i] : Instant.now();
                    latency.record(Duration.between(row.createdAt(), ack));
                }
            } catch (ExecutionException | TimeoutException e) {
                failedAggregates.add(row.aggregateId());
                failure = failure != null ? failure : e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failedAggregates.add(row.aggregateId());
                failure = failure != null ? failure : e;
            }
        }
        return new BatchResult(acknowledged, failure);
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        return CloudEventHeaders.record(
                config.topic(),
                row.aggregateId(),
                CloudEventHeaders.event(
                        row.id().toString(),
                        config.source(),
                        row.type(),
                        row.aggregateId(),
                        row.aggregateType(),
                        row.createdAt(),
                        row.payload().getBytes(StandardCharsets.UTF_8)));
    }

    private void markPublished(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(MARK_PUBLISHED)) {
            s.setArray(
                    1,
                    connection.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
            s.executeUpdate();
        }
    }

    private void refreshBacklog() {
        backlog.set(QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement s = connection.prepareStatement(COUNT_BACKLOG);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private void prune() {
        int deleted = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement s = connection.prepareStatement(PRUNE)) {
                s.setTimestamp(1, Timestamp.from(Instant.now().minus(config.retention())));
                return s.executeUpdate();
            }
        });
        if (deleted > 0) {
            LOG.debugf("Pruned %d published outbox rows older than %s", deleted, config.retention());
        }
    }

    /** The advisory lock that one relay of a topic holds while it publishes a batch. */
    static long lockKey(String topic) {
        return ("ostsee-outbox-relay:" + topic).hashCode();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private record Row(
            UUID id,
            String aggregateType,
            String aggregateId,
            String type,
            String payload,
            Instant createdAt,
            String traceContext) {}

    private record BatchResult(List<Row> acknowledged, Exception failure) {
        static final BatchResult EMPTY = new BatchResult(List.of(), null);
    }

    /** A batch was only partly acknowledged; the rest stays in the outbox. */
    static final class RelayException extends RuntimeException {
        RelayException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
