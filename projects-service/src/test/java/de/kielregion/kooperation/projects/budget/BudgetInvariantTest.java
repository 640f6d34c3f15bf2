package de.kielregion.kooperation.projects.budget;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BudgetInvariantTest {

    private static final int REQUESTS = 50;

    private static String approvedProject(String title) {
        return de.kielregion.kooperation.projects.Api.approvedProject(title);
    }

    @Test
    void racingAllocationsNeverExceedTheLine() throws Exception {
        int year = 2090;
        as(COORDINATOR)
                .body(Map.of("amount", "10.00"))
                .when()
                .put("/budget/" + year + "/lines/PROJECT_FUNDS")
                .then()
                .statusCode(200)
                .body("free", equalTo(10.0f));
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            projects.add(approvedProject("Race " + i + " " + UUID.randomUUID()));
        }
        // 50 requests of 1.00 each, released at once from 50 threads: room for exactly 10.
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String project = projects.get(i % projects.size());
            results.add(pool.submit(() -> {
                start.await();
                return as(COORDINATOR)
                        .body(Map.of("year", year, "category", "PROJECT_FUNDS", "amount", "1.00"))
                        .when()
                        .post("/projects/" + project + "/allocations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("status");
            }));
        }
        start.countDown();
        int allocated = 0;
        int rejected = 0;
        for (Future<String> f : results) {
            switch (f.get()) {
                case "ALLOCATED" -> allocated++;
                case "REJECTED" -> rejected++;
                default -> throw new AssertionError("unexpected status");
            }
        }
        pool.shutdown();
        assertEquals(10, allocated, "exactly the room of the line was allocated");
        assertEquals(40, rejected);
        as(VIEWER)
                .when()
                .get("/budget/" + year)
                .then()
                .body("lines[0].allocated", equalTo(10.0f))
                .body("lines[0].free", equalTo(0.0f));

        // The line cannot go below what is allocated; releasing gives room back.
        as(COORDINATOR)
                .body(Map.of("amount", "9.99", "version", 0))
                .when()
                .put("/budget/" + year + "/lines/PROJECT_FUNDS")
                .then()
                .statusCode(409);
        // Which of the five projects won is up to the race: take an allocation of any of them.
        String allocation = projects.stream()
                .flatMap(p -> as(VIEWER)
                        .when()
                        .get("/projects/" + p + "/allocations")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.status == 'ALLOCATED' }.id", String.class)
                        .stream())
                .findFirst()
                .orElseThrow();
        as(COORDINATOR)
                .when()
                .post("/allocations/" + allocation + "/release")
                .then()
                .statusCode(200)
                .body("status", equalTo("RELEASED"));
        as(COORDINATOR)
                .when()
                .post("/allocations/" + allocation + "/release")
                .then()
                .statusCode(409);
        as(VIEWER).when().get("/budget/" + year).then().body("lines[0].free", equalTo(1.0f));
    }

    @Test
    void amountsAreExactDecimals() {
        as(COORDINATOR)
                .body(Map.of("amount", "10.005"))
                .when()
                .put("/budget/2091/lines/STAFF")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        as(COORDINATOR)
                .body(Map.of("amount", "-1"))
                .when()
                .put("/budget/2091/lines/STAFF")
                .then()
                .statusCode(400);
        as(COORDINATOR)
                .body(Map.of("amount", "1"))
                .when()
                .put("/budget/2091/lines/TRAVEL")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("category"));
        as(COORDINATOR)
                .body(Map.of("amount", "1"))
                .when()
                .put("/budget/1999/lines/STAFF")
                .then()
                .statusCode(400);
        as(VIEWER)
                .body(Map.of("amount", "1"))
                .when()
                .put("/budget/2091/lines/STAFF")
                .then()
                .statusCode(403);
        String project = approvedProject("Decimals " + UUID.randomUUID());
        as(COORDINATOR)
                .body(Map.of("amount", "0.30"))
                .when()
                .put("/budget/2091/lines/STAFF")
                .then()
                .statusCode(200);
        // 0.1 + 0.2 is 0.3 exactly here (it is not in floating point).
        as(COORDINATOR)
                .body(Map.of("year", 2091, "category", "STAFF", "amount", "0.10"))
                .when()
                .post("/projects/" + project + "/allocations")
                .then()
                .body("status", equalTo("ALLOCATED"));
        as(COORDINATOR)
                .body(Map.of("year", 2091, "category", "STAFF", "amount", "0.20"))
                .when()
                .post("/projects/" + project + "/allocations")
                .then()
                .body("status", equalTo("ALLOCATED"));
        as(VIEWER).when().get("/budget/2091").then().body("lines[0].free", equalTo(0.0f));
        // Cancelling the (now RESOURCED) project gives its staff back.
        as(COORDINATOR)
                .body(Map.of("status", "CANCELLED"))
                .when()
                .post("/projects/" + project + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as(VIEWER)
                .when()
                .get("/budget/2091")
                .then()
                .body("lines[0].free", equalTo(0.3f))
                .body("lines[0].allocated", equalTo(0.0f));
    }
}
