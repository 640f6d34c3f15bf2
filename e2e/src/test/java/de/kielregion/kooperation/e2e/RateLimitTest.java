package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The rate limit as deployed (production's values: a bucket of 400 per token subject, 100 back a
 * second) with Keycloak's real tokens: one IT system that sends far more than that gets 429
 * problem+json with Retry-After, while another system and a person go on unhindered; after the
 * time it was told, the first is let through again.
 */
class RateLimitTest {

    @Test
    void oneClientOverItsLimitIs429WithRetryAfterWhileTheOthersGoOn() throws Exception {
        Suite suite = Suite.get();
        String flooding = Suite.shareholder("RENDSBURG_ECKERNFOERDE");
        URI list = URI.create(suite.url("memberships") + "/memberships?size=1");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().executor(pool).build()) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                sent.add(http.sendAsync(get(list, flooding), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                answers.add(f.get());
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            answers.forEach(a -> statuses.merge(a.statusCode(), 1, Integer::sum));
            assertEquals(
                    Map.of(200, statuses.getOrDefault(200, 0), 429, statuses.getOrDefault(429, 0)),
                    statuses,
                    "only 200 and 429");
            assertTrue(statuses.getOrDefault(429, 0) > 0, "1,200 requests at once exceed 400 + 100/s: " + statuses);
            assertTrue(statuses.get(200) >= 400, "a full bucket lets 400 through: " + statuses);
            long wait = 0;
            for (HttpResponse<String> a : answers) {
                if (a.statusCode() == 429) {
                    assertEquals(
                            "application/problem+json",
                            a.headers().firstValue("Content-Type").orElse(""));
                    assertTrue(a.body().contains("\"type\":\"urn:ostsee-kooperation:problem:rate-limited\""), a.body());
                    long retryAfter =
                            Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow());
                    assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
                    wait = Math.max(wait, retryAfter);
                }
            }
            // Others have buckets of their own.
            assertEquals(
                    200,
                    http.send(get(list, Suite.KIEL), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            assertEquals(
                    200,
                    http.send(get(list, Suite.VIEWER), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            // After the time it was told, the flooding client is let through again (and the bucket
            // is full again for the tests after this one).
            Thread.sleep(Math.max(wait * 1000, 4_000));
            assertEquals(
                    200,
                    http.send(get(list, flooding), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Requests the role check refuses 401 (no token, a forged one) are counted by address before
     * that check: a flood of them is refused 429 problem+json with Retry-After, while a caller with
     * a valid token from the same address goes on.
     */
    @Test
    void aFloodOfUnauthenticatedRequestsIs429WhileAValidTokenFromTheSameAddressGoesOn() throws Exception {
        Suite suite = Suite.get();
        URI list = URI.create(suite.url("partners") + "/partners?size=1");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (HttpClient http = HttpClient.newBuilder().executor(pool).build()) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(list).GET();
                if (i % 2 == 0) {
                    request.header(
                            "Authorization", "Bearer " + Suite.KIEL.substring(0, Suite.KIEL.length() - 8) + "forgedXX");
                }
                sent.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            long wait = 0;
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                HttpResponse<String> a = f.get();
                statuses.merge(a.statusCode(), 1, Integer::sum);
                if (a.statusCode() == 429) {
                    assertTrue(a.body().contains("\"type\":\"urn:ostsee-kooperation:problem:rate-limited\""), a.body());
                    wait = Math.max(
                            wait,
                            Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow()));
                }
            }
            assertEquals(Map.of(401, statuses.getOrDefault(401, 0), 429, statuses.getOrDefault(429, 0)), statuses);
            assertTrue(
                    statuses.getOrDefault(429, 0) > 0,
                    "1,200 refused requests at once exceed 400 + 100/s: " + statuses);
            assertTrue(statuses.get(401) >= 400, "a full bucket lets 400 through to the role check: " + statuses);
            assertEquals(
                    200,
                    http.send(get(list, Suite.VIEWER), HttpResponse.BodyHandlers.discarding())
                            .statusCode(),
                    "a valid token from the same address has a bucket of its own");
            Thread.sleep(Math.max(wait * 1000, 4_000)); // the address' bucket full again for later tests
        } finally {
            pool.shutdown();
        }
    }

    private static HttpRequest get(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
