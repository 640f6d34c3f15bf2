package de.kielregion.kooperation.webhooks.delivery;

import static de.kielregion.kooperation.webhooks.Api.ADMIN;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.testing.WebhookReceiver;
import de.kielregion.kooperation.webhooks.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery alone (no other service): events published to the topic at a steady rate, each
 * to 10 subscriptions with receivers of the test's own; event time → arrival. Run with
 * {@code ./mvnw -B -pl webhooks-service -am verify -Pbenchmark -Dtest=DispatchBenchmark}.
 */
@QuarkusTest
class DispatchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        Api.deleteAll();
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void eventTimeToReceiver() throws Exception {
        for (int i = 0; i < 10; i++) {
            WebhookReceiver r = new WebhookReceiver();
            receivers.add(r);
            r.trust(Api.subscribe(ADMIN, r.url(), List.of("cooperation.project.*"), Map.of())
                    .get("secret"));
        }
        run(100, 10);
        for (int rate : new int[] {20, 100, 100, 200}) {
            System.out.println(run(rate, 30));
        }
    }

    private String run(int perSecond, int seconds) throws Exception {
        List<Integer> before = receivers.stream().map(r -> r.processed().size()).toList();
        int total = perSecond * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String subject = UUID.randomUUID().toString();
            Api.publish(
                    "cooperation.projects.v1",
                    "cooperation.project.proposed.v1",
                    subject,
                    "{\"id\": \"" + subject + "\", \"shareholders\": [\"KIEL\"]}");
        }
        double sent = total / ((System.nanoTime() - start) / 1e9);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    int n = 0;
                    for (int i = 0; i < receivers.size(); i++) {
                        n += receivers.get(i).processed().size() - before.get(i);
                    }
                    return n >= total * receivers.size();
                });
        double wall = (System.nanoTime() - start) / 1e9;
        long[] latencies = new long[total * receivers.size()];
        int k = 0;
        for (int i = 0; i < receivers.size(); i++) {
            List<WebhookReceiver.Request> got = receivers.get(i).processed();
            for (WebhookReceiver.Request r : got.subList(before.get(i), got.size())) {
                Instant at = Instant.parse(JSON.readTree(r.body()).path("time").asText());
                latencies[k++] = r.receivedAtMillis() - at.toEpochMilli();
            }
        }
        Arrays.sort(latencies, 0, k);
        return String.format(
                "Dispatch: %d events at %d/s (sent %.0f/s) x %d subscriptions in %.1f s (%.0f deliveries/s);"
                        + " event time → receiver p50 %d ms, p90 %d ms, p99 %d ms, max %d ms",
                total,
                perSecond,
                sent,
                receivers.size(),
                wall,
                k / wall,
                latencies[k / 2],
                latencies[k * 9 / 10],
                latencies[k * 99 / 100],
                latencies[k - 1]);
    }
}
