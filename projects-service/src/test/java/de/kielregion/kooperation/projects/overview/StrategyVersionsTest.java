package de.kielregion.kooperation.projects.overview;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static de.kielregion.kooperation.projects.Api.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.projects.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Adopting the strategy freezes its document as a numbered version (Markdown, PDF, SHA-256);
 * what changes afterwards shows as a difference per section; racing adoptions get consecutive
 * numbers; a rejection freezes nothing.
 */
@QuarkusTest
class StrategyVersionsTest {

    private static String decide(String outcome) {
        return as(DECIDER)
                .body(Map.of(
                        "kind",
                        "STRATEGY_ADOPTED",
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        LocalDate.now().minusDays(1).toString(),
                        "outcome",
                        outcome,
                        "minutesReference",
                        "AR " + UUID.randomUUID().toString().substring(0, 6)))
                .when()
                .post("/strategy/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static List<Integer> numbers() {
        return as(VIEWER)
                .when()
                .get("/strategy/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("number", Integer.class);
    }

    @Test
    void anAdoptionFreezesTheDocumentAndLaterChangesShowBySection() throws Exception {
        int before = numbers().size();
        decide("REJECTED");
        assertEquals(before, numbers().size(), "a rejection freezes nothing");

        String decision = decide("APPROVED");
        JsonPath versions =
                as(VIEWER).when().get("/strategy/versions").then().extract().jsonPath();
        int number = versions.getInt("[0].number");
        assertEquals(before + 1, number);
        assertEquals(decision, versions.getString("[0].decisionId"));
        assertTrue(versions.getString("[0].sha256").matches("[0-9a-f]{64}"));
        byte[] pdf = as(VIEWER)
                .when()
                .get("/strategy/versions/" + number + "/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));

        JsonPath unchanged = as(VIEWER)
                .when()
                .get("/strategy/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(number, unchanged.getInt("adopted.number"));
        assertEquals(List.of(), unchanged.getList("sections"), "just adopted: nothing differs");

        String goal =
                "Neues Ziel nach dem Beschluss " + UUID.randomUUID().toString().substring(0, 6);
        as(COORDINATOR)
                .body(Map.of("title", goal, "description", "nachträglich"))
                .when()
                .post("/goals")
                .then()
                .statusCode(201);
        JsonPath changed =
                as(VIEWER).when().get("/strategy/changes").then().extract().jsonPath();
        assertEquals("Ziele", changed.getString("sections[0].title"), changed.prettify());
        assertEquals("CHANGED", changed.getString("sections[0].change"));
        assertTrue(
                changed.getList("sections[0].lines.findAll { it.added }.text", String.class).stream()
                        .anyMatch(l -> l.contains(goal)),
                changed.prettify());
        String adopted = as(VIEWER)
                .when()
                .get("/strategy/versions/" + number + "/markdown")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(!adopted.contains(goal) && adopted.contains("## Ziele"), "the adopted text stays as it was");
        as(VIEWER)
                .when()
                .get("/strategy/versions/" + (number + 1000) + "/pdf")
                .then()
                .statusCode(404);

        List<ConsumerRecord<String, String>> events =
                Api.events(decision, rs -> rs.stream().anyMatch(r -> type(r).equals(EventTypes.STRATEGY_ADOPTED)));
        assertEquals(
                List.of(EventTypes.DECISION_TAKEN, EventTypes.STRATEGY_ADOPTED),
                events.stream().map(r -> type(r)).toList(),
                "the decision first, then the version, on one key");
    }

    @Test
    void racingAdoptionsGetConsecutiveNumbers() throws Exception {
        int before = numbers().size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> decisions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decisions.add(pool.submit(() -> {
                go.await();
                return decide("APPROVED");
            }));
        }
        go.countDown();
        for (Future<String> d : decisions) {
            d.get();
        }
        pool.shutdown();
        List<Integer> numbers = numbers();
        assertEquals(before + 4, numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(numbers.size() - i, numbers.get(i), "no gap, no twin: " + numbers);
        }
    }
}
