package de.kielregion.kooperation.memberships.messaging;

import static de.kielregion.kooperation.memberships.Api.COORDINATOR;
import static de.kielregion.kooperation.memberships.Api.VIEWER;
import static de.kielregion.kooperation.memberships.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.memberships.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Every year of a running membership asks for its fee once: the join asks for the first year, the
 * fee run for the later ones (two runs at once ask once, a rerun asks nothing), a refused year is
 * asked again; the answers stay with their years and never move an active membership.
 */
@QuarkusTest
class FeeYearsTest {

    private static JsonPath years(String id) {
        return as(VIEWER)
                .when()
                .get("/memberships/" + id + "/fee-years")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void awaitYearStatus(String id, int year, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (status.equals(years(id).getString("find { it.year == " + year + " }.status"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                year + " did not become " + status + ": " + years(id).prettify());
    }

    private static List<Map<String, Object>> requests(String membership, int n) throws Exception {
        return Api.events(
                        membership,
                        rs -> rs.stream()
                                        .filter(r -> EventTypes.RESOURCES_REQUESTED.equals(Api.type(r)))
                                        .count()
                                >= n)
                .stream()
                .filter(r -> EventTypes.RESOURCES_REQUESTED.equals(Api.type(r)))
                .map(r -> {
                    try {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> data = new ObjectMapper().readValue(r.value(), Map.class);
                        return data;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static int runs(int year) {
        return as(COORDINATOR)
                .queryParam("year", year)
                .when()
                .post("/memberships/fee-run")
                .then()
                .statusCode(200)
                .extract()
                .path("requested");
    }

    @Test
    void everyYearAsksOnceAndARefusedYearAgain() throws Exception {
        String id = Api.joinedMembership("Y", "2500.00", "2025-01-01", "2024-11-20");
        FundingConsumerTest.answer(
                "cooperation.resources.allocated.v1", id, FundingConsumerTest.request(id, 1), "ALLOCATED", null);
        awaitYearStatus(id, 2025, "ALLOCATED");

        // The join's year is asked already: the run for 2025 asks nothing of this membership.
        as(COORDINATOR)
                .queryParam("year", 2025)
                .when()
                .post("/memberships/fee-run")
                .then()
                .statusCode(200);
        assertEquals(1, years(id).getList("").size());

        // Two runs for 2026 at once: one request for the membership.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return runs(2026);
            }));
        }
        go.countDown();
        for (Future<Integer> f : runs) {
            f.get();
        }
        pool.shutdown();
        runs(2026);
        List<Map<String, Object>> requests = requests(id, 2);
        Thread.sleep(1000); // a second request of 2026 would be on the topic by now
        requests = requests(id, 2);
        assertEquals(2, requests.size(), "the join's and 2026's: " + requests);
        Map<String, Object> y2026 = requests.get(1);
        assertEquals(2026, y2026.get("year"));
        assertEquals("MEMBERSHIP_FEES", y2026.get("category"));
        assertEquals(2500.0, ((Number) y2026.get("amount")).doubleValue());
        assertEquals(years(id).getString("find { it.year == 2026 }.requestId"), y2026.get("requestId"));

        // Refused (the line of 2026 has no room): the year says why, the membership stays active.
        FundingConsumerTest.answer(
                "cooperation.allocation.rejected.v1",
                id,
                (String) y2026.get("requestId"),
                "REJECTED",
                "Mitgliedsbeiträge 2026: 0,00 € frei");
        awaitYearStatus(id, 2026, "REJECTED");
        assertEquals("Mitgliedsbeiträge 2026: 0,00 € frei", years(id).getString("find { it.year == 2026 }.reason"));
        as(VIEWER).when().get("/memberships/" + id).then().body("status", equalTo("ACTIVE"));

        // The next run asks for the refused year again, with a new request id.
        runs(2026);
        List<Map<String, Object>> again = requests(id, 3);
        assertEquals(3, again.size());
        assertEquals(2026, again.get(2).get("year"));
        assertEquals("REQUESTED", years(id).getString("find { it.year == 2026 }.status"));
        assertEquals(
                years(id).getString("find { it.year == 2026 }.requestId"),
                again.get(2).get("requestId"));
        as(VIEWER)
                .queryParam("year", 2026)
                .when()
                .post("/memberships/fee-run")
                .then()
                .statusCode(403);
        as(COORDINATOR)
                .queryParam("year", 1999)
                .when()
                .post("/memberships/fee-run")
                .then()
                .statusCode(400);
    }
}
