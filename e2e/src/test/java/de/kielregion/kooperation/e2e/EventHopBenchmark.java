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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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
 *
 * <p>The services are warmed up first, at 200 events/s until their JIT compilers have settled:
 * a JVM that still compiles spends most of its CPU on that (both cores were busy at 200/s,
 * compiler threads a third of it), and the hop then measures the compiler, not the code.
 */
class EventHopBenchmark {

    static final List<String> SERVICES = List.of("partners", "projects", "memberships", "portal");

    private static final int WARM_RATE = 200;
    private static final int WARM_SLICE_SECONDS = 10;
    private static final int WARM_MAX_SLICES = 24;
    /** A JVM whose compiler threads used less than this share of a core in a slice counts as warm. */
    private static final double JIT_SETTLED = 0.05;

    @Test
    void eventHopUnderSteadyLoad() throws Exception {
        Suite suite = Suite.get();
        String report = warmUp(suite) + measure(suite, 20, 30) + measure(suite, 100, 20) + measure(suite, 200, 30);
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "event-hop-benchmark.txt"), report);
    }

    /**
     * Sends {@value #WARM_RATE} activities a second in slices of {@value #WARM_SLICE_SECONDS} s
     * until no service's compiler threads used more than {@link #JIT_SETTLED} of a core in a
     * slice (at most {@value #WARM_MAX_SLICES} slices); returns the line saying how long it took.
     */
    static String warmUp(Suite suite) throws Exception {
        long start = System.nanoTime();
        Map<String, Double> jitShare;
        int slices = 0;
        do {
            long sliceStart = System.nanoTime();
            Map<String, ProcessCpu> before = cpu(suite);
            String theme = "Warm " + UUID.randomUUID();
            send(suite, WARM_RATE, WARM_SLICE_SECONDS, theme);
            awaitEffects(suite, theme, WARM_RATE * WARM_SLICE_SECONDS);
            Map<String, ProcessCpu.Used> used = since(before, cpu(suite));
            double wallMillis = (System.nanoTime() - sliceStart) / 1e6;
            jitShare = new LinkedHashMap<>();
            for (String service : SERVICES) {
                jitShare.put(service, used.get(service).jitMillis() / wallMillis);
            }
            slices++;
        } while (jitShare.values().stream().anyMatch(share -> share > JIT_SETTLED) && slices < WARM_MAX_SLICES);
        StringBuilder line = new StringBuilder(String.format(
                "Warm-up: %.0f s at %d events/s; JIT compiler threads in its last slice (share of a core, at least):",
                (System.nanoTime() - start) / 1e9, WARM_RATE));
        jitShare.forEach((service, share) -> line.append(String.format(" %s %.0f %%", service, share * 100)));
        return line.append(String.format("%n")).toString();
    }

    /** Sends {@code perSecond} activities for {@code seconds}, waits for their effects, returns the line of figures. */
    static String measure(Suite suite, int perSecond, int seconds) throws Exception {
        String theme = "Hop " + UUID.randomUUID();
        int total = perSecond * seconds;
        Map<String, ProcessCpu> before = cpu(suite);
        double sent = send(suite, perSecond, seconds, theme);
        awaitEffects(suite, theme, total);
        Map<String, ProcessCpu.Used> used = since(before, cpu(suite));
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
        StringBuilder cpuPerEvent = new StringBuilder();
        used.forEach((service, cpu) -> cpuPerEvent.append(String.format(
                " %s %.2f ms (JIT at least %.2f ms),",
                service, (double) cpu.totalMillis() / total, (double) cpu.jitMillis() / total)));
        return String.format(
                "Event hop partners-service → projects-service, %d events at %d/s (sent at %.0f/s): %s; "
                        + "of it commit → published %s, published → applied %s; CPU per event:%s%n",
                total,
                perSecond,
                sent,
                figures(hops),
                figures(relay),
                figures(consumer),
                cpuPerEvent.substring(0, cpuPerEvent.length() - 1));
    }

    /**
     * Sends {@code perSecond} activities with {@code theme} for {@code seconds} from one pacing
     * thread with asynchronous requests (java.net.http: the rate is kept without a thread per
     * request in flight); returns the rate really sent. Every activity must be accepted (201).
     */
    static double send(Suite suite, int perSecond, int seconds, String theme) throws Exception {
        int total = perSecond * seconds;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(pool)
                .build()) {
            String url = suite.url("partners") + "/shareholders/KIEL/activities/H-";
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String body = "{\"title\":\"Hop " + i + "\",\"kind\":\"EXCHANGE\",\"yearFrom\":2024,\"themes\":[\""
                        + theme + "\"]}";
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
            return sent;
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitEffects(Suite suite, String theme, int total) {
        await(
                Duration.ofSeconds(120),
                "all effects",
                () -> suite.count("projects", "SELECT count(*) FROM existing_activity_theme WHERE theme = ?", theme)
                        == total);
    }

    /** CPU used so far by each service's process. */
    private static Map<String, ProcessCpu> cpu(Suite suite) {
        Map<String, ProcessCpu> cpu = new LinkedHashMap<>();
        for (String service : SERVICES) {
            cpu.put(service, ProcessCpu.of(suite.process(service).pid()));
        }
        return cpu;
    }

    private static Map<String, ProcessCpu.Used> since(Map<String, ProcessCpu> before, Map<String, ProcessCpu> now) {
        Map<String, ProcessCpu.Used> used = new LinkedHashMap<>();
        now.forEach((service, cpu) -> used.put(service, cpu.since(before.get(service))));
        return used;
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    static long micros(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toNanos() / 1000);
    }

    static String figures(Histogram h) {
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
