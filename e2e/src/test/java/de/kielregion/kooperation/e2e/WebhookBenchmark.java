package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.ADMIN;
import static de.kielregion.kooperation.e2e.Suite.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.testing.WebhookReceiver;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Webhooks under load, the suite as deployed (the services as processes, real Kafka, PostgreSQL,
 * Keycloak): activities committed in partners-service at 100 a second, each delivered to 10
 * subscriptions (10 receivers of the test's own); the time from the activity's commit to its
 * arrival at each receiver (one machine, one clock). Then the receivers go away for a while
 * (their deliveries fail and back off), a backlog is written, they come back on their ports: how
 * long until the first delivery and how fast the backlog drains. Prints figures, asserts nothing
 * about time:
 *
 * <pre>./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=WebhookBenchmark</pre>
 */
class WebhookBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBSCRIPTIONS = 10;

    @Test
    void commitToReceiverAndBacklogDrain() throws Exception {
        Suite suite = Suite.get();
        List<WebhookReceiver> receivers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            WebhookReceiver receiver = new WebhookReceiver();
            receivers.add(receiver);
            ids.add(suite.subscribe(ADMIN, receiver, List.of("cooperation.activity.*"), Map.of()));
        }
        // Warm-up (not reported): the services' JIT compilers at work on this very path.
        measure(suite, receivers, 100, 30);
        StringBuilder report = new StringBuilder();
        report.append(measure(suite, receivers, 20, 30));
        report.append(measure(suite, receivers, 100, 30));
        report.append(drain(suite, receivers, 1000, Duration.ofSeconds(20)));
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "webhook-benchmark.txt"), report.toString());
        receivers.forEach(WebhookReceiver::close);
        for (String id : ids) {
            suite.as("webhooks", ADMIN).delete("/webhook-subscriptions/" + id);
        }
    }

    /** {@code perSecond} activities for {@code seconds}; commit → arrival at every receiver. */
    private static String measure(Suite suite, List<WebhookReceiver> receivers, int perSecond, int seconds)
            throws Exception {
        String theme = "Webhook " + UUID.randomUUID();
        int total = perSecond * seconds;
        List<Integer> before = receivers.stream().map(r -> r.processed().size()).toList();
        ProcessCpu webhooksBefore = ProcessCpu.of(suite.process("webhooks").pid());
        ProcessCpu partnersBefore = ProcessCpu.of(suite.process("partners").pid());
        ProcessCpu testBefore = ProcessCpu.of(ProcessHandle.current().pid());
        long postgresBefore = ProcessCpu.millisOfAll("postgres");
        long machineBefore = ProcessCpu.machineBusyMillis();
        long started = System.nanoTime();
        double sent = EventHopBenchmark.send(suite, perSecond, seconds, theme);
        await(
                Duration.ofSeconds(300),
                "every delivery",
                () -> delivered(receivers, before) >= total * receivers.size());
        double wall = (System.nanoTime() - started) / 1e6;
        long webhooksCpu = ProcessCpu.of(suite.process("webhooks").pid())
                .since(webhooksBefore)
                .totalMillis();
        long partnersCpu = ProcessCpu.of(suite.process("partners").pid())
                .since(partnersBefore)
                .totalMillis();
        long testCpu =
                ProcessCpu.of(ProcessHandle.current().pid()).since(testBefore).totalMillis();
        long postgresCpu = ProcessCpu.millisOfAll("postgres") - postgresBefore;
        long machineCpu = ProcessCpu.machineBusyMillis() - machineBefore;
        // When webhooks-service took each event in (its event log), to split the time in two.
        Map<String, Instant> taken = suite.times(
                "webhooks",
                "SELECT id, received_at FROM webhook_event WHERE received_at >= ?",
                java.sql.Timestamp.from(Instant.now().minusMillis((long) wall + 5000)));
        Histogram latency = EventHopBenchmark.histogram();
        Histogram intake = EventHopBenchmark.histogram();
        Histogram dispatch = EventHopBenchmark.histogram();
        for (int i = 0; i < receivers.size(); i++) {
            List<WebhookReceiver.Request> got = receivers.get(i).processed();
            for (WebhookReceiver.Request r : got.subList(before.get(i), got.size())) {
                // The event's time is its outbox row's, written in the transaction that changed the activity.
                var event = JSON.readTree(r.body());
                Instant at = Instant.parse(event.path("time").asText());
                Instant arrived = Instant.ofEpochMilli(r.receivedAtMillis());
                latency.recordValue(EventHopBenchmark.micros(at, arrived));
                Instant in = taken.get(event.path("id").asText());
                if (in != null && i == 0) {
                    intake.recordValue(EventHopBenchmark.micros(at, in));
                }
                if (in != null) {
                    dispatch.recordValue(EventHopBenchmark.micros(in, arrived));
                }
            }
        }
        // How the attempts of the run went (a healthy receiver: all delivered at the first attempt).
        String outcomes = String.join(
                ", ",
                suite.ids(
                        "webhooks",
                        "SELECT outcome || ' ' || count(*) || coalesce(' (' || min(left(error, 60)) || ')', '')"
                                + " FROM webhook_attempt WHERE attempted_at >= ? GROUP BY outcome",
                        java.sql.Timestamp.from(Instant.now().minusMillis((long) wall + 1000))));
        String dispatcher = dispatcher(suite)
                + "; queue table "
                + String.join(
                        ", ",
                        suite.ids(
                                "webhooks",
                                "SELECT relname || ': ' || n_live_tup || ' live, ' || n_dead_tup || ' dead rows, '"
                                        + " || autovacuum_count || ' autovacuums' FROM pg_stat_user_tables"
                                        + " WHERE relname = 'webhook_delivery'"));
        return "Attempts: " + outcomes + ". "
                + String.format(
                        "Webhooks: %d activities at %d/s (sent at %.0f/s) to %d subscriptions = %d deliveries in %.0f s;"
                                + " change committed (the event's time) → receiver %s (of it commit → taken in by"
                                + " webhooks-service %s, taken in → receiver %s); CPU (cores busy over the run):"
                                + " webhooks-service %.2f (%.2f ms per delivery), partners-service %.2f, the test JVM"
                                + " (receivers, sender, Kafka) %.2f, PostgreSQL %.2f, the machine %.2f of %d; dispatcher"
                                + " since its start: %s%n",
                        total,
                        perSecond,
                        sent,
                        receivers.size(),
                        latency.getTotalCount(),
                        wall / 1000,
                        EventHopBenchmark.figures(latency),
                        EventHopBenchmark.figures(intake),
                        EventHopBenchmark.figures(dispatch),
                        webhooksCpu / wall,
                        (double) webhooksCpu / Math.max(1, latency.getTotalCount()),
                        partnersCpu / wall,
                        testCpu / wall,
                        postgresCpu / wall,
                        machineCpu / wall,
                        Runtime.getRuntime().availableProcessors(),
                        dispatcher);
    }

    /** The dispatcher's own figures (mean claim and record transaction, mean batch) from its metrics. */
    private static String dispatcher(Suite suite) throws Exception {
        String metrics;
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            metrics = http.send(
                            java.net.http.HttpRequest.newBuilder(
                                            URI.create(suite.management("webhooks") + "/q/metrics"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        }
        return String.format(
                java.util.Locale.ROOT,
                "%.0f claims of %.1f ms and %.1f deliveries on average, %.0f recordings of %.1f ms",
                metric(metrics, "ostsee_webhooks_dispatcher_claim_seconds_count"),
                1000
                        * metric(metrics, "ostsee_webhooks_dispatcher_claim_seconds_sum")
                        / Math.max(1, metric(metrics, "ostsee_webhooks_dispatcher_claim_seconds_count")),
                metric(metrics, "ostsee_webhooks_dispatcher_claimed_sum")
                        / Math.max(1, metric(metrics, "ostsee_webhooks_dispatcher_claimed_count")),
                metric(metrics, "ostsee_webhooks_dispatcher_record_seconds_count"),
                1000
                        * metric(metrics, "ostsee_webhooks_dispatcher_record_seconds_sum")
                        / Math.max(1, metric(metrics, "ostsee_webhooks_dispatcher_record_seconds_count")));
    }

    private static double metric(String metrics, String name) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * The receivers are down for {@code outage} while {@code events} activities are written, then
     * come back on their ports: time to the first delivery and the drain rate after it.
     */
    private static String drain(Suite suite, List<WebhookReceiver> receivers, int events, Duration outage)
            throws Exception {
        List<Integer> ports = receivers.stream().map(WebhookReceiver::port).toList();
        receivers.forEach(WebhookReceiver::close);
        long downAt = System.nanoTime();
        EventHopBenchmark.send(suite, 200, events / 200, "Backlog " + UUID.randomUUID());
        long left = outage.toNanos() - (System.nanoTime() - downAt);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        List<WebhookReceiver> back = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            back.add(new WebhookReceiver(ports.get(i)).trust(receivers.get(i).secret()));
        }
        long upAt = System.nanoTime();
        int total = events * back.size();
        List<Integer> zero = back.stream().map(r -> 0).toList();
        await(Duration.ofSeconds(600), "the first delivery after the outage", () -> delivered(back, zero) > 0);
        long firstAt = System.nanoTime();
        await(Duration.ofSeconds(900), "the backlog drained", () -> delivered(back, zero) >= total);
        long doneAt = System.nanoTime();
        back.forEach(WebhookReceiver::close);
        return String.format(
                "Backlog: receivers down %.0f s while %d activities were written (%d deliveries waiting); back up →"
                        + " first delivery %.1f s (the backoff of the heads), then drained in %.1f s = %.0f deliveries/s%n",
                (upAt - downAt) / 1e9,
                events,
                total,
                (firstAt - upAt) / 1e9,
                (doneAt - firstAt) / 1e9,
                total / ((doneAt - firstAt) / 1e9));
    }

    private static int delivered(List<WebhookReceiver> receivers, List<Integer> before) {
        int n = 0;
        for (int i = 0; i < receivers.size(); i++) {
            n += receivers.get(i).processed().size() - before.get(i);
        }
        return n;
    }
}
