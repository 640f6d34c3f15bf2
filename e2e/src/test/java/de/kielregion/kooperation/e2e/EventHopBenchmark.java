package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.KIEL;
import static de.kielregion.kooperation.e2e.Suite.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The event hop under a steady load: a shareholder activity committed in partners-service →
 * its effect committed in projects-service (outbox, relay, broker, consumer, inbox), from the
 * two rows' timestamps (one machine, one clock). Prints figures, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=EventHopBenchmark</pre>
 */
class EventHopBenchmark {

    @Test
    void eventHopUnderSteadyLoad() throws Exception {
        String report = measure(Suite.get(), 20, 30) + measure(Suite.get(), 100, 20) + measure(Suite.get(), 200, 20);
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "event-hop-benchmark.txt"), report);
    }

    /** Sends {@code perSecond} activities for {@code seconds}, waits for their effects, returns the line of figures. */
    static String measure(Suite suite, int perSecond, int seconds) throws Exception {
        String theme = "Hop " + UUID.randomUUID();
        // Warm-up: JIT, connections, consumer assignment.
        for (int i = 0; i < 200; i++) {
            put(suite, "Warm " + UUID.randomUUID(), i);
        }
        int total = perSecond * seconds;
        // One pacing thread, asynchronous requests (java.net.http): the generator keeps the rate
        // without holding a thread per request in flight.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2))
                .build();
        String url = suite.url("partners") + "/shareholders/KIEL/activities/H-";
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = "{\"title\":\"Hop " + i + "\",\"kind\":\"EXCHANGE\",\"yearFrom\":2024,\"themes\":[\"" + theme
                    + "\"]}";
            responses.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create(url + UUID.randomUUID()))
                            .header("Authorization", "Bearer " + KIEL)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        double sent = total / ((System.nanoTime() - start) / 1e9);
        for (CompletableFuture<HttpResponse<Void>> r : responses) {
            int status = r.get().statusCode();
            if (status != 201) {
                throw new IllegalStateException("an activity was refused: " + status);
            }
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
        // The relay's part: the outbox row marked published once the broker acknowledged it.
        Map<String, Instant> published = suite.times(
                "partners",
                "SELECT o.aggregateid, o.published_at FROM outbox_event o "
                        + "JOIN activity_theme t ON t.activity_id::text = o.aggregateid WHERE t.theme = ?",
                theme);
        Histogram hops = histogram();
        Histogram relay = histogram();
        Histogram consumer = histogram();
        committed.forEach((id, at) -> {
            hops.recordValue(micros(at, applied.get(id)));
            if (published.containsKey(id)) {
                relay.recordValue(micros(at, published.get(id)));
                consumer.recordValue(micros(published.get(id), applied.get(id)));
            }
        });
        return String.format(
                "Event hop partners-service → projects-service, %d events at %d/s (sent at %.0f/s): %s; "
                        + "of it commit → published %s, published → applied %s%n",
                total, perSecond, sent, figures(hops), figures(relay), figures(consumer));
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    }

    private static long micros(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toNanos() / 1000);
    }

    private static String figures(Histogram h) {
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
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
