package de.kielregion.kooperation.projects.team;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.KIEL;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * KielRegion's international team: a person's assignments never exceed their capacity of the
 * year, a project's people never the staff allocated to it, also when coordinators assign at the
 * same moment; refusals in German and English; only coordinators and admins change the team.
 */
@QuarkusTest
class TeamTest {

    /** An approved project with {@code fte} staff allocated from the STAFF line of {@code year}. */
    private static String staffedProject(String title, int year, String fte) {
        String id = de.kielregion.kooperation.projects.Api.approvedProject(title);
        as(COORDINATOR)
                .body(Map.of("year", year, "category", "STAFF", "amount", fte))
                .when()
                .post("/projects/" + id + "/allocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("ALLOCATED"));
        return id;
    }

    private static String member(String name, int year, String fte) {
        return as(COORDINATOR)
                .body(Map.of("name", name, "role", "Referentin", "capacity", List.of(Map.of("year", year, "fte", fte))))
                .when()
                .post("/team/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.ValidatableResponse assign(
            String language, String member, String type, String subject, int year, String fte) {
        return as(COORDINATOR)
                .header("Accept-Language", language)
                .body(Map.of("memberId", member, "subjectType", type, "subjectId", subject, "year", year, "fte", fte))
                .when()
                .post("/team/assignments")
                .then();
    }

    @Test
    void capacityAndAllocatedStaffBoundTheAssignments() {
        int year = 2071;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        as(COORDINATOR)
                .body(Map.of("amount", "5.00"))
                .when()
                .put("/budget/" + year + "/lines/STAFF")
                .then()
                .statusCode(200);
        String project = staffedProject("Schwerpunktpartner Aarhus " + tag, year, "0.40");
        String other = staffedProject("Korridor Hamburg–Oslo " + tag, year, "1.00");
        String jana = member("Jana " + tag, year, "0.50");
        String ole = member("Ole " + tag, year, "1.00");

        assign("de", jana, "PROJECT", project, year, "0.30")
                .statusCode(201)
                .body("subjectName", containsString("Aarhus"));
        // The project has 0.40 allocated, 0.30 of it assigned: 0.20 more is refused, in German and in English.
        assign("de", ole, "PROJECT", project, year, "0.20")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("0,10 VZÄ"));
        assign("en", ole, "PROJECT", project, year, "0.20").statusCode(409).body("detail", containsString("0.10 FTE"));
        assign("de", ole, "PROJECT", project, year, "0.10").statusCode(201);
        // Jana has 0.20 left of her 0.50.
        assign("de", jana, "PROJECT", other, year, "0.30")
                .statusCode(409)
                .body("detail", containsString("0,20 VZÄ frei"));
        assign("de", jana, "PROJECT", project, year, "0.10").statusCode(409).body("detail", containsString("schon"));
        assign("de", jana, "PROJECT", other, year, "0.20").statusCode(201);
        // No capacity in another year; an unknown subject; bad input.
        assign("de", jana, "PROJECT", other, year + 1, "0.10").statusCode(409);
        assign("de", jana, "PROJECT", UUID.randomUUID().toString(), year, "0.10")
                .statusCode(400);
        assign("de", jana, "PROJECT", other, year, "-1").statusCode(400);
        // The capacity cannot fall below what is assigned.
        as(COORDINATOR)
                .body(Map.of("year", year, "fte", "0.40"))
                .when()
                .put("/team/members/" + jana + "/capacity")
                .then()
                .statusCode(409);

        JsonPath team = as(VIEWER)
                .when()
                .get("/team?year=" + year)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> janaView = team.getList("members", Map.class).stream()
                .filter(m -> jana.equals(m.get("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(0.5f, ((Number) janaView.get("assigned")).floatValue());
        assertEquals(0.0f, ((Number) janaView.get("free")).floatValue());
        assertEquals(2, ((List<?>) janaView.get("assignments")).size());
        assertEquals(5.0f, team.getFloat("staffLine"));

        // Ending an assignment frees the capacity; the history keeps both.
        String first = ((Map<?, ?>) ((List<?>) janaView.get("assignments")).get(0))
                .get("id")
                .toString();
        as(COORDINATOR).when().delete("/team/assignments/" + first).then().statusCode(204);
        List<String> actions = as(VIEWER)
                .when()
                .get("/history/TeamMember/" + jana)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
        assertEquals(List.of("TeamMemberAdded", "Assigned", "Assigned", "AssignmentEnded"), actions);

        // The commitments of the year: the staff line, what is allocated from it, the team against it.
        float assigned =
                as(VIEWER).when().get("/team?year=" + year).then().extract().path("assigned");
        JsonPath commitments = as(VIEWER)
                .queryParam("from", year)
                .queryParam("years", 2)
                .when()
                .get("/budget/commitments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(year, year + 1), commitments.getList("year"));
        assertEquals(5.0f, commitments.getFloat("[0].staffLine"));
        assertEquals(1.4f, commitments.getFloat("[0].staffAllocated"));
        assertEquals(assigned, commitments.getFloat("[0].staffAssigned"));
        assertEquals(1.5f, commitments.getFloat("[0].teamCapacity"));
        assertEquals(null, (Object) commitments.get("[1].staffLine"));
        as(VIEWER)
                .queryParam("years", 11)
                .when()
                .get("/budget/commitments")
                .then()
                .statusCode(400);
    }

    @Test
    void racingAssignmentsNeverExceedACapacity() throws Exception {
        int year = 2072;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        as(COORDINATOR)
                .body(Map.of("amount", "20.00"))
                .when()
                .put("/budget/" + year + "/lines/STAFF")
                .then()
                .statusCode(200);
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            projects.add(staffedProject("Wettlauf " + i + " " + tag, year, "1.00"));
        }
        String person = member("Race " + tag, year, "1.00");
        // Eight assignments of 0.25 to eight projects at once: room for exactly four.
        ExecutorService pool = Executors.newFixedThreadPool(projects.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String p : projects) {
            results.add(pool.submit(() -> {
                start.await();
                return assign("de", person, "PROJECT", p, year, "0.25")
                        .extract()
                        .statusCode();
            }));
        }
        start.countDown();
        int created = 0;
        int refused = 0;
        for (Future<Integer> f : results) {
            switch (f.get()) {
                case 201 -> created++;
                case 409 -> refused++;
                default -> throw new AssertionError("unexpected status " + f.get());
            }
        }
        pool.shutdown();
        assertEquals(4, created, "exactly the capacity was assigned");
        assertEquals(4, refused);
    }

    @Test
    void onlyCoordinatorsAndAdminsChangeTheTeam() {
        as(VIEWER)
                .body(Map.of("name", "Niemand"))
                .when()
                .post("/team/members")
                .then()
                .statusCode(403);
        as(KIEL).body(Map.of("name", "Niemand"))
                .when()
                .post("/team/members")
                .then()
                .statusCode(403);
        as(DECIDER)
                .body(Map.of("year", 2071, "fte", "1.00"))
                .when()
                .put("/team/members/" + UUID.randomUUID() + "/capacity")
                .then()
                .statusCode(403);
        as(COORDINATOR)
                .body(Map.of("year", 2071, "fte", "1.00"))
                .when()
                .put("/team/members/" + UUID.randomUUID() + "/capacity")
                .then()
                .statusCode(404);
        as(COORDINATOR)
                .body(Map.of(
                        "name",
                        "Doppelt",
                        "capacity",
                        List.of(Map.of("year", 2071, "fte", "1"), Map.of("year", 2071, "fte", "0.5"))))
                .when()
                .post("/team/members")
                .then()
                .statusCode(400);
        as(KIEL).when().get("/team?year=2071").then().statusCode(200);
        as(VIEWER).when().get("/team?year=1999").then().statusCode(400);
    }
}
