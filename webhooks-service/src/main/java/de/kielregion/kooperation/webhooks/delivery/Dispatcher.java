package de.kielregion.kooperation.webhooks.delivery;

import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import de.kielregion.kooperation.webhooks.WebhooksConfig;
import de.kielregion.kooperation.webhooks.security.SecretBox;
import de.kielregion.kooperation.webhooks.security.Signatures;
import de.kielregion.kooperation.webhooks.security.TargetPolicy;
import de.kielregion.kooperation.webhooks.subscription.ContentMode;
import de.kielregion.kooperation.webhooks.subscription.Subscriptions;
import de.kielregion.kooperation.webhooks.subscription.Wakeup;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Delivers what is due. One thread claims due deliveries (a lease, {@code FOR UPDATE SKIP
 * LOCKED}, so several instances share the work), only the oldest pending one of each
 * (subscription, aggregate) so that an aggregate's events arrive in order; sends them without
 * waiting for each other (at most {@code max-in-flight} at once); and records the answers in
 * batches: 2xx delivered, 410 the receiver unsubscribed, anything else tried again after a
 * backoff, and when nothing succeeded for the give-up time the subscription is disabled and its
 * owner mailed. Every attempt is kept for the owner to see.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final JsonFormat JSON = new JsonFormat();

    /**
     * Claims due deliveries: per active subscription at most {@code ?1} candidates (in the order
     * they are due, read from the head of its index, so that a long queue costs no more than a short
     * one and a subscription with a backlog does not crowd out the others), of them all the {@code
     * ?2} longest due; only those are locked ({@code SKIP LOCKED}: another instance's claim takes
     * others) and leased, after checking again that nobody leased them meanwhile.
     */
    private static final String CLAIM = "WITH candidate AS ("
            + " SELECT c.subscription_id, c.event_seq FROM webhook_subscription s CROSS JOIN LATERAL ("
            + "   SELECT d.subscription_id, d.event_seq, d.next_attempt_at FROM webhook_delivery d"
            + "   WHERE d.subscription_id = s.id AND d.status = 'PENDING' AND d.next_attempt_at <= now()"
            + "   AND (d.lease_until IS NULL OR d.lease_until < now())"
            + "   AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.subscription_id = d.subscription_id"
            + "     AND p.aggregate_key = d.aggregate_key AND p.status = 'PENDING'"
            // an earlier one waits, or a later one is on its way (a replay made an earlier one pending again)
            + "     AND (p.event_seq < d.event_seq OR p.lease_until > now()))"
            + "   ORDER BY d.next_attempt_at, d.event_seq LIMIT ?) c"
            + " WHERE s.status = 'ACTIVE' ORDER BY c.next_attempt_at, c.event_seq LIMIT ?),"
            + " due AS (SELECT d.subscription_id, d.event_seq FROM webhook_delivery d"
            + "   JOIN candidate ON d.subscription_id = candidate.subscription_id AND d.event_seq = candidate.event_seq"
            + "   WHERE d.status = 'PENDING' AND (d.lease_until IS NULL OR d.lease_until < now())"
            + "   FOR UPDATE OF d SKIP LOCKED),"
            + " claimed AS (UPDATE webhook_delivery d SET lease_until = now() + ? * interval '1 millisecond',"
            + "   attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, now())"
            + "   FROM due WHERE d.subscription_id = due.subscription_id AND d.event_seq = due.event_seq"
            + "   RETURNING d.subscription_id, d.event_seq, d.attempts, d.first_attempt_at)"
            + " SELECT c.subscription_id, c.event_seq, c.attempts, c.first_attempt_at, e.id, e.source, e.type,"
            + " e.subject, e.aggregate_type, e.time, e.data, e.shareholders, s.target_url, s.content_mode,"
            + " s.shareholder, s.secret, s.previous_secret, s.previous_secret_until"
            + " FROM claimed c JOIN webhook_event e ON e.seq = c.event_seq"
            + " JOIN webhook_subscription s ON s.id = c.subscription_id";

    /** The most deliveries of one subscription one claim takes. */
    static final int PER_SUBSCRIPTION = 50;

    /**
     * A delivery done (delivered, or skipped by the filter) leaves the queue: the queue holds only
     * what waits, so claiming stays cheap however many events went through (the attempts keep the
     * history; a replay queues an event again).
     */
    private static final String DELIVERED = "DELETE FROM webhook_delivery WHERE subscription_id = ? AND event_seq = ?";

    private static final String AGAIN = "UPDATE webhook_delivery SET next_attempt_at = ?, lease_until = NULL"
            + " WHERE subscription_id = ? AND event_seq = ?";
    /** An attempt, unless its subscription was deleted meanwhile (its answer then has nowhere to go). */
    private static final String ATTEMPT = "INSERT INTO webhook_attempt (subscription_id, event_id, event_type,"
            + " attempt, attempted_at, outcome, status_code, latency_ms, response, error)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM webhook_subscription WHERE id = ?)";
    /** A receiver that answered again after failing: what waits for it need not wait for its backoff. */
    private static final String RECOVERED = "UPDATE webhook_delivery SET next_attempt_at = now()"
            + " WHERE subscription_id = ANY (?) AND status = 'PENDING' AND next_attempt_at > now()"
            + " AND lease_until IS NULL";

    /** A claimed delivery with what it needs to be sent. */
    record Work(
            UUID subscription,
            long seq,
            int attempt,
            Instant firstAttempt,
            CloudEvent event,
            Set<String> shareholders,
            String target,
            ContentMode mode,
            String filter,
            byte[] secret,
            byte[] previousSecret,
            Instant previousUntil) {}

    /** A claimed delivery and how it went. */
    record Result(Work work, String outcome, Sender.Answer answer, Instant at) {}

    private final AgroalDataSource dataSource;
    private final WebhooksConfig config;
    private final Sender sender;
    private final TargetPolicy targets;
    private final SecretBox secrets;
    private final Subscriptions subscriptions;
    private final Wakeup wakeup;
    private final MeterRegistry metrics;
    private final Backoff backoff;
    private final Timer claims;
    private final Timer records;
    private final io.micrometer.core.instrument.DistributionSummary claimed;
    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Deliveries that left the queue since its last vacuum (see {@link #vacuum()}). */
    private final java.util.concurrent.atomic.AtomicLong doneSinceVacuum = new java.util.concurrent.atomic.AtomicLong();

    private volatile boolean running;
    private Thread thread;

    Dispatcher(
            AgroalDataSource dataSource,
            WebhooksConfig config,
            Sender sender,
            TargetPolicy targets,
            SecretBox secrets,
            Subscriptions subscriptions,
            Wakeup wakeup,
            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.sender = sender;
        this.targets = targets;
        this.secrets = secrets;
        this.subscriptions = subscriptions;
        this.wakeup = wakeup;
        this.metrics = metrics;
        this.backoff = new Backoff(config.retry().initial(), config.retry().max());
        metrics.gauge("ostsee.webhooks.in-flight", inFlight);
        this.claims = Timer.builder("ostsee.webhooks.dispatcher.claim")
                .description("One claim of due deliveries (a transaction)")
                .register(metrics);
        this.records = Timer.builder("ostsee.webhooks.dispatcher.record")
                .description("One recording of answers (a transaction)")
                .register(metrics);
        this.claimed = io.micrometer.core.instrument.DistributionSummary.builder("ostsee.webhooks.dispatcher.claimed")
                .description("Deliveries claimed at once")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "webhooks-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeup.signal();
        if (thread != null) {
            thread.join(config.timeout().plusSeconds(5).toMillis());
        }
    }

    private void loop() {
        long pause = 0;
        while (running) {
            try {
                boolean busy = record();
                int room = config.maxInFlight() - inFlight.get();
                if (room > 0) {
                    busy |= dispatch(claim(Math.min(room, 200)));
                }
                pause = 0;
                if (!busy) {
                    wakeup.await(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                pause = Math.min(Math.max(pause * 2, 200), 5000);
                LOG.warnf("Webhook dispatcher: %s; trying again in %d ms", e.getMessage(), pause);
                try {
                    wakeup.await(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        // Shutting down: the answers of what is on its way are recorded; a lease left ends by itself.
        long deadline = System.nanoTime() + config.timeout().plusSeconds(1).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            record();
        } catch (RuntimeException | SQLException e) {
            LOG.warnf("Webhook dispatcher: answers not recorded at shutdown (their leases end): %s", e.getMessage());
        }
    }

    List<Work> claim(int limit) throws SQLException {
        long started = System.nanoTime();
        List<Work> work = claimDue(limit);
        claims.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        claimed.record(work.size());
        return work;
    }

    private List<Work> claimDue(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Work> work = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setInt(1, Math.min(limit, PER_SUBSCRIPTION));
                s.setInt(2, limit);
                s.setLong(3, config.lease().toMillis());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        work.add(work(rs));
                    }
                }
            }
            return work;
        });
    }

    private static Work work(ResultSet rs) throws SQLException {
        Timestamp time = rs.getTimestamp(10);
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(rs.getString(5))
                .withSource(URI.create(rs.getString(6)))
                .withType(rs.getString(7))
                .withData(CloudEventHeaders.JSON, rs.getString(11).getBytes(StandardCharsets.UTF_8));
        if (rs.getString(8) != null) {
            event.withSubject(rs.getString(8));
        }
        if (rs.getString(9) != null) {
            event.withExtension(CloudEventHeaders.AGGREGATE_TYPE_EXTENSION, rs.getString(9));
        }
        if (time != null) {
            event.withTime(time.toInstant().atOffset(ZoneOffset.UTC));
        }
        Array shareholders = rs.getArray(12);
        Timestamp previousUntil = rs.getTimestamp(18);
        return new Work(
                rs.getObject(1, UUID.class),
                rs.getLong(2),
                rs.getInt(3),
                rs.getTimestamp(4).toInstant(),
                event.build(),
                shareholders == null ? Set.of() : new LinkedHashSet<>(List.of((String[]) shareholders.getArray())),
                rs.getString(13),
                ContentMode.valueOf(rs.getString(14)),
                rs.getString(15),
                rs.getBytes(16),
                rs.getBytes(17),
                previousUntil == null ? null : previousUntil.toInstant());
    }

    private boolean dispatch(List<Work> claimed) {
        for (Work work : claimed) {
            Instant at = Instant.now();
            try {
                send(work, at);
            } catch (RuntimeException e) {
                // Whatever one delivery cannot do (a secret that does not decrypt, an address the
                // client refuses) fails that attempt only: it is recorded and tried again.
                results.add(new Result(work, "FAILED", new Sender.Answer(0, null, e.toString(), 0), at));
            }
        }
        return !claimed.isEmpty();
    }

    private void send(Work work, Instant at) {
        {
            if (work.filter() != null && !work.shareholders().contains(work.filter())) {
                // The filter is enforced here too: a changed filter or a stale queue sends nothing foreign.
                results.add(new Result(work, "SKIPPED", new Sender.Answer(0, null, null, 0), at));
                return;
            }
            URI target = URI.create(work.target());
            InetAddress address;
            try {
                address = targets.address(target);
            } catch (TargetPolicy.Refused e) {
                results.add(new Result(work, "REFUSED", new Sender.Answer(0, null, e.getMessage(), 0), at));
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            byte[][] body = new byte[1][];
            var writer = HttpMessageFactory.createWriter(headers::put, bytes -> body[0] = bytes);
            if (work.mode() == ContentMode.BINARY) {
                writer.writeBinary(work.event());
            } else {
                writer.writeStructured(work.event(), JSON);
            }
            byte[] payload = body[0] == null ? new byte[0] : body[0];
            long timestamp = at.getEpochSecond();
            String signature =
                    Signatures.sign(secret(work.secret()), work.event().getId(), timestamp, payload);
            if (work.previousSecret() != null && work.previousUntil() != null && at.isBefore(work.previousUntil())) {
                signature += " "
                        + Signatures.sign(
                                secret(work.previousSecret()), work.event().getId(), timestamp, payload);
            }
            headers.put(Signatures.ID, work.event().getId());
            headers.put(Signatures.TIMESTAMP, Long.toString(timestamp));
            headers.put(Signatures.SIGNATURE, signature);
            headers.put("User-Agent", "Ostsee-Kooperation-Webhooks/1.0");
            CompletableFuture<Sender.Answer> sent = sender.post(target, address, headers, payload);
            inFlight.incrementAndGet();
            sent.whenComplete((answer, error) -> {
                Sender.Answer a = answer != null ? answer : new Sender.Answer(0, null, String.valueOf(error), 0);
                String outcome = a.delivered() ? "DELIVERED" : a.status() == 410 ? "GONE" : "FAILED";
                results.add(new Result(work, outcome, a, at));
                inFlight.decrementAndGet();
                wakeup.signal();
            });
        }
    }

    /** The secrets decrypted once each (by their encrypted form: a rotation makes a new one). */
    private final Map<java.nio.ByteBuffer, String> decrypted = new java.util.concurrent.ConcurrentHashMap<>();

    private String secret(byte[] encrypted) {
        if (decrypted.size() > 10_000) {
            decrypted.clear();
        }
        return decrypted.computeIfAbsent(java.nio.ByteBuffer.wrap(encrypted), b -> secrets.decrypt(encrypted));
    }

    /** Records the answers that came in; returns whether there were any. */
    private boolean record() throws SQLException {
        List<Result> batch = new ArrayList<>();
        for (Result r; batch.size() < 1000 && (r = results.poll()) != null; ) {
            batch.add(r);
        }
        if (batch.isEmpty()) {
            return false;
        }
        Set<UUID> gone = new LinkedHashSet<>();
        Map<UUID, Result> givenUp = new LinkedHashMap<>();
        Set<UUID> recovered = new LinkedHashSet<>();
        Instant now = Instant.now();
        try {
            long started = System.nanoTime();
            write(batch, gone, givenUp, recovered, now);
            records.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // Nothing of the batch was written: its answers go back to be recorded in the next
            // round (their deliveries stay leased meanwhile, so none is sent again).
            results.addAll(batch);
            throw e;
        }
        for (Result r : batch) {
            count(r);
        }
        for (UUID id : gone) {
            subscriptions.receiverUnsubscribed(
                    id,
                    batch.stream()
                            .filter(r -> r.work().subscription().equals(id))
                            .mapToInt(r -> r.work().attempt())
                            .max()
                            .orElse(1));
        }
        givenUp.forEach((id, r) -> subscriptions.giveUp(id, r.work().firstAttempt(), describe(r)));
        return true;
    }

    /** Writes a batch of answers in one transaction: the deliveries' new state and the attempts. */
    private void write(
            List<Result> batch, Set<UUID> gone, Map<UUID, Result> givenUp, Set<UUID> recovered, Instant now) {
        Set<UUID> failed = new LinkedHashSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement done = c.prepareStatement(DELIVERED);
                    PreparedStatement again = c.prepareStatement(AGAIN);
                    PreparedStatement attempt = c.prepareStatement(ATTEMPT)) {
                for (Result r : batch) {
                    Work w = r.work();
                    switch (r.outcome()) {
                        case "DELIVERED", "SKIPPED" -> {
                            done.setObject(1, w.subscription());
                            done.setLong(2, w.seq());
                            done.addBatch();
                            if (r.outcome().equals("DELIVERED") && w.attempt() > 1) {
                                recovered.add(w.subscription());
                            }
                        }
                        case "GONE" -> {
                            gone.add(w.subscription());
                            again.setTimestamp(1, Timestamp.from(now));
                            again.setObject(2, w.subscription());
                            again.setLong(3, w.seq());
                            again.addBatch();
                        }
                        default -> {
                            failed.add(w.subscription());
                            if (Duration.between(w.firstAttempt(), now)
                                            .compareTo(config.retry().giveUpAfter())
                                    >= 0) {
                                givenUp.putIfAbsent(w.subscription(), r);
                            }
                            again.setTimestamp(1, Timestamp.from(now.plus(delay(w, r.answer()))));
                            again.setObject(2, w.subscription());
                            again.setLong(3, w.seq());
                            again.addBatch();
                        }
                    }
                    if (!r.outcome().equals("SKIPPED")) {
                        attempt.setObject(1, w.subscription());
                        attempt.setString(2, w.event().getId());
                        attempt.setString(3, w.event().getType());
                        attempt.setInt(4, w.attempt());
                        attempt.setTimestamp(5, Timestamp.from(r.at()));
                        attempt.setString(6, r.outcome());
                        if (r.answer().status() > 0) {
                            attempt.setInt(7, r.answer().status());
                        } else {
                            attempt.setNull(7, java.sql.Types.INTEGER);
                        }
                        attempt.setInt(
                                8, (int) Math.min(Integer.MAX_VALUE, r.answer().millis()));
                        attempt.setString(9, clean(r.answer().body()));
                        attempt.setString(10, clean(r.answer().error()));
                        attempt.setObject(11, w.subscription());
                        attempt.addBatch();
                    }
                }
                int[] deleted = done.executeBatch();
                again.executeBatch();
                attempt.executeBatch();
                // A receiver that failed again in this batch is no recovered one: its backoffs stay.
                recovered.removeAll(failed);
                if (!recovered.isEmpty()) {
                    try (PreparedStatement s = c.prepareStatement(RECOVERED)) {
                        s.setArray(1, c.createArrayOf("uuid", recovered.toArray()));
                        s.executeUpdate();
                    }
                }
                doneSinceVacuum.addAndGet(deleted.length);
            } catch (SQLException e) {
                throw new IllegalStateException("recording webhook answers failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The backoff, or longer when the receiver asked for it (Retry-After on a 429 or 503), never
     * longer than the longest delay between attempts.
     */
    private Duration delay(Work w, Sender.Answer answer) {
        Duration delay = backoff.after(w.attempt());
        Duration asked = answer.retryAfter();
        if (asked != null && (answer.status() == 429 || answer.status() == 503) && asked.compareTo(delay) > 0) {
            delay = asked.compareTo(config.retry().max()) > 0 ? config.retry().max() : asked;
        }
        return delay;
    }

    private void count(Result r) {
        metrics.counter("ostsee.webhooks.attempts", "outcome", r.outcome()).increment();
        if (!r.outcome().equals("SKIPPED")) {
            Timer.builder("ostsee.webhooks.latency")
                    .description("From the attempt's start to the receiver's answer")
                    .register(metrics)
                    .record(r.answer().millis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The last failure as the owner's mail says it (German, no technical message). */
    private static String describe(Result r) {
        if (r.answer().status() > 0) {
            return "Der Empfänger antwortete mit HTTP-Status " + r.answer().status() + ".";
        }
        return r.outcome().equals("REFUSED")
                ? "Die Zieladresse ist keine öffentliche Adresse mehr."
                : "Keine Antwort oder keine Verbindung zum Empfänger.";
    }

    /** PostgreSQL text holds no NUL; an answer's bytes may. */
    private static String clean(String text) {
        return text == null ? null : text.replace('\0', ' ');
    }

    /**
     * Vacuums the queue after many deliveries left it. A claim reads each subscription's queue
     * from its head, where the deliveries done lie as dead index entries until a vacuum removes
     * them; autovacuum looks once a minute (PostgreSQL's naptime), by which time at 1,000
     * deliveries a second 60,000 dead entries made every claim slow (12 ms, and PostgreSQL a core
     * busy). A vacuum of the small queue takes milliseconds and blocks no one.
     */
    @Scheduled(every = "${ostsee.webhooks.vacuum-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void vacuum() {
        if (doneSinceVacuum.get() < 2000) {
            return;
        }
        doneSinceVacuum.set(0);
        try (Connection c = dataSource.getConnection();
                java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(true); // VACUUM runs outside a transaction
            s.execute("VACUUM (ANALYZE, TRUNCATE false) webhook_delivery");
        } catch (SQLException e) {
            LOG.debugf("Webhooks: queue not vacuumed (autovacuum will): %s", e.getMessage());
        }
    }

    /**
     * Events past their retention, with what was done with them (never one still pending), in
     * chunks of 5,000 so that no transaction runs long.
     */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        Instant before = Instant.now().minus(config.eventRetention());
        int total = 0;
        int pruned;
        do {
            pruned = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement events = c.prepareStatement("DELETE FROM webhook_event WHERE seq IN ("
                                + "SELECT e.seq FROM webhook_event e WHERE e.received_at < ? AND NOT EXISTS ("
                                + "SELECT 1 FROM webhook_delivery d WHERE d.event_seq = e.seq AND d.status = 'PENDING')"
                                + " ORDER BY e.seq LIMIT 5000)");
                        PreparedStatement attempts = c.prepareStatement("DELETE FROM webhook_attempt WHERE id IN ("
                                + "SELECT id FROM webhook_attempt WHERE attempted_at < ? ORDER BY id LIMIT 5000)")) {
                    events.setTimestamp(1, Timestamp.from(before));
                    attempts.setTimestamp(1, Timestamp.from(before));
                    return events.executeUpdate() + attempts.executeUpdate();
                }
            });
            total += pruned;
        } while (pruned > 0);
        if (total > 0) {
            LOG.infof("Webhooks: %d events and attempts older than %s pruned", total, config.eventRetention());
        }
    }
}
