package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.KIEL;
import static de.kielregion.kooperation.e2e.Suite.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The event hop under a steady load: a shareholder activity committed in partners-service →
 * its effect committed in projects-service (outbox, relay, broker, consumer, inbox), from the
 * two rows' timestamps (one machine, one clock). Prints figures, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl e2e -am verify -Pbenchmark</pre>
 */
class EventHopBenchmark {

    private static final int PER_SECOND = 20;
    private static final int SECONDS = 30;

    @Test
    void eventHopUnderSteadyLoad() throws Exception {
        Suite suite = Suite.get();
        String theme = "Hop " + UUID.randomUUID();
        // Warm-up: JIT, connections, consumer assignment.
        for (int i = 0; i < 200; i++) {
            put(suite, "Warm " + UUID.randomUUID(), i);
        }
        int total = PER_SECOND * SECONDS;
        long interval = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            put(suite, theme, i);
        }
        await(
                Duration.ofSeconds(120),
                "all effects",
                () -> suite.count("projects", "SELECT count(*) FROM existing_activity_theme WHERE theme = ?", theme)
                        == total);
        Map<String, Instant> committed = suite.times(
                "partners",
                "SELECT a.id::text, a.updated_at FROM activity a "
                        + "JOIN activity_theme t ON t.activity_id = a.id WHERE t.theme = ?",
                theme);
        Map<String, Instant> applied = suite.times(
                "projects",
                "SELECT a.id::text, a.updated_at FROM existing_activity a "
                        + "JOIN existing_activity_theme t ON t.activity_id = a.id WHERE t.theme = ?",
                theme);
        Histogram hops = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        committed.forEach((id, at) -> hops.recordValue(
                Math.max(0, Duration.between(at, applied.get(id)).toNanos() / 1000)));
        String report = String.format(
                "Event hop partners-service → projects-service, %d events at %d/s: p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n",
                total,
                PER_SECOND,
                hops.getValueAtPercentile(50) / 1000.0,
                hops.getValueAtPercentile(99) / 1000.0,
                hops.getMaxValue() / 1000.0);
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "event-hop-benchmark.txt"), report);
    }

    private static void put(Suite suite, String theme, int i) {
        suite.as("partners", KIEL)
                .body(Map.of("title", "Hop " + i, "kind", "EXCHANGE", "yearFrom", 2024, "themes", List.of(theme)))
                .when()
                .put("/shareholders/KIEL/activities/H-" + UUID.randomUUID())
                .then()
                .statusCode(201);
    }
}
