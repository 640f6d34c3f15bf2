package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.KIEL;
import static de.kielregion.kooperation.e2e.Suite.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Backlog catch-up: projects-service is stopped, partners-service takes a backlog of activities
 * in bulk pushes (their events wait in the topic), then projects-service starts and consumes
 * them. Measured twice side by side, both with a poll's batch per transaction (up to 500): each
 * event looked up and flushed on its own ({@code ostsee.inbox.replica-runs=false}, as before
 * replica runs), and the activities applied as runs (the default: their replicas loaded with one
 * query, one flush a run). (One event per transaction, as before batch consumption, is the
 * channel's {@code max.poll.records=1}: 964 events/s at 100,000, see docs/performance.md.)
 * Prints figures, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=BacklogBenchmark [-Dbacklog.events=100000]</pre>
 */
class BacklogBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK = 20_000;

    @Test
    void backlogCatchUpOneByOneAndInBatches() throws Exception {
        Suite suite = Suite.get();
        int events = Integer.getInteger("backlog.events", 100_000);
        System.out.printf("Backlog benchmark: %,d activity events per run%n", events);
        String report = catchUp(
                        suite,
                        events,
                        "one transaction per poll, each event looked up and flushed",
                        List.of("-Dostsee.inbox.replica-runs=false"))
                + catchUp(suite, events, "one transaction per poll, replica runs", List.of());
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "backlog-benchmark.txt"), report);
    }

    private static String catchUp(Suite suite, int events, String mode, List<String> jvmOptions) throws Exception {
        String theme = "Backlog " + UUID.randomUUID();
        suite.stop("projects");
        // The backlog: bulk pushes of up to 20,000 activities (the API's most).
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long pushStarted = System.nanoTime();
        List<Double> pushes = new ArrayList<>();
        for (int sent = 0; sent < events; sent += BULK) {
            List<Map<String, Object>> activities = new ArrayList<>();
            for (int i = sent; i < Math.min(events, sent + BULK); i++) {
                activities.add(Map.of(
                        "title",
                        "Rückstand " + i,
                        "kind",
                        "EXCHANGE",
                        "yearFrom",
                        2026,
                        "externalId",
                        theme.substring(8, 20) + "-" + i,
                        "themes",
                        List.of(theme)));
            }
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(suite.url("partners") + "/shareholders/KIEL/activities/bulk"))
                            .timeout(Duration.ofMinutes(5))
                            .header("Authorization", "Bearer " + KIEL)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JSON.writeValueAsString(Map.of("activities", activities))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 && answer.statusCode() != 201) {
                throw new IllegalStateException("bulk push answered " + answer.statusCode() + ": " + answer.body());
            }
            pushes.add((System.nanoTime() - started) / 1e9);
            System.out.printf("  pushed %,d of %,d%n", Math.min(events, sent + BULK), events);
        }
        double pushed = (System.nanoTime() - pushStarted) / 1e9;
        await(
                Duration.ofMinutes(10),
                "partners-service published the backlog",
                () -> suite.count("partners", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        double published = (System.nanoTime() - pushStarted) / 1e9;

        long restarted = System.nanoTime();
        suite.restart("projects", jvmOptions);
        double ready = (System.nanoTime() - restarted) / 1e9;
        long first = 0;
        long last = 0;
        long seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (seen < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "projects-service applied " + seen + " of " + events + " in 20 minutes");
            }
            seen = suite.count("projects", "SELECT count(*) FROM existing_activity_theme WHERE theme = ?", theme);
            long now = System.nanoTime();
            if (seen > 0 && first == 0) {
                first = now;
            }
            last = now;
            if (seen % 10_000 < 2_000 || seen >= events) {
                System.out.printf("  %s: %,d of %,d applied%n", mode, seen, events);
            }
            Thread.sleep(250);
        }
        double catchUp = (last - first) / 1e9;
        double total = (last - restarted) / 1e9;
        return String.format(
                "%s: %,d events; bulk pushes of %,d took %s s (%.1f s in all), all published %.1f s after the"
                        + " first push started; projects-service ready %.1f s after its start, caught up %.1f s after"
                        + " its start; applied at %,.0f events/s (from the first applied to the last)%n",
                mode,
                events,
                BULK,
                pushes.stream().map(p -> String.format("%.1f", p)).toList(),
                pushed,
                published,
                ready,
                total,
                events / Math.max(catchUp, 0.001));
    }
}
