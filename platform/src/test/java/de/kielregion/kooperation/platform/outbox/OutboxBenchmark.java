package de.kielregion.kooperation.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Measures the outbox on this machine against the real in-JVM Kafka broker and PostgreSQL:
 * commit → broker-acknowledged latency (the row is marked right after the acknowledgement,
 * with {@code clock_timestamp()}) and relay throughput. It prints figures and asserts nothing
 * about time. Run it alone:
 *
 * <pre>./mvnw -B -pl platform -am verify -Pbenchmark</pre>
 */
@QuarkusTest
class OutboxBenchmark {

    private static final int WARM_UP = 3_000;
    private static final int PACED = 1_000;
    private static final int PACED_PER_SECOND = 200;
    private static final int SEQUENTIAL = 2_000;
    private static final int CONCURRENT_WRITERS = 4;
    private static final int PER_WRITER = 1_000;
    private static final int BURST = 20_000;
    private static final int BURST_TRANSACTION = 500;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Outbox benchmark, ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(Runtime.version())
                .append('\n');

        latency(WARM_UP, 1, 0); // JIT, connection pool, topic metadata
        report.append(latency(PACED, 1, PACED_PER_SECOND)
                .describe("paced writer, " + PACED_PER_SECOND + " single-event commits/s"));
        report.append(latency(SEQUENTIAL, 1, 0).describe("one writer, back-to-back single-event commits"));
        report.append(latency(CONCURRENT_WRITERS * PER_WRITER, CONCURRENT_WRITERS, 0)
                .describe(CONCURRENT_WRITERS + " writers, single-event commits"));
        report.append(burst());

        System.out.println("\n" + report);
        Path out = Path.of("target", "outbox-benchmark.txt");
        Files.writeString(out, report);
        System.out.println("(written to " + out.toAbsolutePath() + ")");
    }

    /** {@code perSecond} 0: each writer commits as fast as it can. */
    private Result latency(int events, int writers, int perSecond) throws Exception {
        Map<UUID, Instant> committed = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                long interval = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
                long next = System.nanoTime();
                for (int i = 0; i < events / writers; i++) {
                    if (interval > 0) {
                        next += interval;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                    UUID id = QuarkusTransaction.requiringNew()
                            .call(() -> outbox.record(
                                    "Benchmark", UUID.randomUUID().toString(), "test.benchmark.v1", Map.of("n", 1)));
                    committed.put(id, Instant.now());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long writeNanos = System.nanoTime() - start;
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Map<UUID, Instant> published = awaitPublished(committed.keySet());
        committed.forEach((id, at) -> histogram.recordValue(
                Math.max(0, Duration.between(at, published.get(id)).toNanos() / 1_000)));
        return new Result(events, histogram, events / (writeNanos / 1e9));
    }

    private String burst() throws Exception {
        List<UUID> ids = new ArrayList<>(BURST);
        Instant first = Instant.now();
        for (int t = 0; t < BURST / BURST_TRANSACTION; t++) {
            ids.addAll(QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> batch = new ArrayList<>(BURST_TRANSACTION);
                for (int i = 0; i < BURST_TRANSACTION; i++) {
                    batch.add(outbox.record(
                            "Benchmark", UUID.randomUUID().toString(), "test.benchmark.v1", Map.of("n", i)));
                }
                return batch;
            }));
        }
        Instant written = Instant.now();
        Map<UUID, Instant> published = awaitPublished(ids);
        Instant last = published.values().stream().max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        return String.format(
                "burst: %,d events in %d transactions of %d: written in %.2f s, all acknowledged "
                        + "%.2f s after the first commit: relay throughput %,.0f events/s%n",
                BURST,
                BURST / BURST_TRANSACTION,
                BURST_TRANSACTION,
                Duration.between(first, written).toNanos() / 1e9,
                seconds,
                BURST / seconds);
    }

    private Map<UUID, Instant> awaitPublished(java.util.Collection<UUID> ids) throws Exception {
        UUID[] array = ids.toArray(UUID[]::new);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            Map<UUID, Instant> published = new java.util.HashMap<>();
            try (var c = dataSource.getConnection();
                    var s = c.prepareStatement("SELECT id, published_at FROM outbox_event "
                            + "WHERE id = ANY (?) AND published_at IS NOT NULL")) {
                s.setArray(1, c.createArrayOf("uuid", array));
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        published.put(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, Timestamp.class).toInstant());
                    }
                }
            }
            if (published.size() == array.length) {
                return published;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(published.size() + " of " + array.length + " published in time");
            }
            Thread.sleep(50);
        }
    }

    private record Result(int events, Histogram histogram, double writesPerSecond) {
        String describe(String what) {
            return String.format(
                    "%s: %,d events at %,.0f commits/s; commit -> acknowledged: p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms%n",
                    what,
                    events,
                    writesPerSecond,
                    histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0);
        }
    }
}
