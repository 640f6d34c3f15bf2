package de.kielregion.kooperation.projects.results;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.KIEL;
import static de.kielregion.kooperation.projects.Api.PLOEN;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static de.kielregion.kooperation.projects.Api.events;
import static de.kielregion.kooperation.projects.Api.type;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
 * From strategy to results against real PostgreSQL and Kafka: goals served, indicators, the work
 * plan's milestones, a progress report submitted, returned, corrected and accepted (racing
 * submissions: one wins), the goal's attainment on the dashboard, and expenditure that never
 * exceeds its allocation, also when racing.
 */
@QuarkusTest
class ResultsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    private static String project(String title, String plannedEnd, List<String> shareholders) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("plannedStart", TODAY.minusYears(1).toString());
        body.put("plannedEnd", plannedEnd);
        body.put("shareholders", shareholders);
        return as(COORDINATOR)
                .body(body)
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String goal(String title) {
        return as(COORDINATOR)
                .body(Map.of("title", title, "description", "Ziel für den Ergebnistest"))
                .when()
                .post("/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath results(String projectId) {
        return as(VIEWER)
                .when()
                .get("/projects/" + projectId + "/results")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aMilestoneIsPlannedWithinTheProjectAndReachedOrMissedOnce() {
        String p =
                project("Arbeitsplan " + UUID.randomUUID(), TODAY.plusMonths(6).toString(), List.of());
        as(COORDINATOR)
                .body(Map.of("title", "Delegationsreise"))
                .when()
                .post("/projects/" + p + "/work-packages")
                .then()
                .statusCode(201)
                .body("workPackages[0].number", equalTo(1));
        String wp = results(p).getString("workPackages[0].id");

        // After the planned end: refused in German, nothing written.
        as(COORDINATOR)
                .header("Accept-Language", "de")
                .body(Map.of(
                        "workPackageId",
                        wp,
                        "title",
                        "Zu spät",
                        "dueOn",
                        TODAY.plusMonths(7).toString()))
                .when()
                .post("/projects/" + p + "/milestones")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ostsee-kooperation:problem:milestone.after-project-end"))
                .body("detail", containsString("nach dem geplanten Projektende"));
        as(COORDINATOR)
                .body(Map.of(
                        "workPackageId",
                        wp,
                        "title",
                        "Partner fremd",
                        "dueOn",
                        TODAY.toString(),
                        "responsiblePartnerId",
                        UUID.randomUUID().toString()))
                .when()
                .post("/projects/" + p + "/milestones")
                .then()
                .statusCode(400);
        assertEquals(0, results(p).getList("workPackages[0].milestones").size());

        as(COORDINATOR)
                .body(Map.of(
                        "workPackageId",
                        wp,
                        "title",
                        "Absichtserklärung",
                        "dueOn",
                        TODAY.plusDays(10).toString()))
                .when()
                .post("/projects/" + p + "/milestones")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of(
                        "workPackageId",
                        wp,
                        "title",
                        "Auftakttreffen",
                        "dueOn",
                        TODAY.minusDays(3).toString()))
                .when()
                .post("/projects/" + p + "/milestones")
                .then()
                .statusCode(201);
        JsonPath plan = results(p);
        // ordered by due day: the overdue one first
        assertEquals("Auftakttreffen", plan.getString("workPackages[0].milestones[0].title"));
        assertTrue(plan.getBoolean("workPackages[0].milestones[0].overdue"));
        String late = plan.getString("workPackages[0].milestones[0].id");
        String soon = plan.getString("workPackages[0].milestones[1].id");

        // Not yet due: cannot be missed; not reached on a day to come; a viewer cannot settle.
        as(COORDINATOR)
                .body(Map.of("status", "MISSED"))
                .when()
                .post("/milestones/" + soon + "/status")
                .then()
                .statusCode(409);
        as(COORDINATOR)
                .body(Map.of("status", "REACHED", "on", TODAY.plusDays(1).toString()))
                .when()
                .post("/milestones/" + soon + "/status")
                .then()
                .statusCode(400);
        as(VIEWER)
                .body(Map.of("status", "REACHED"))
                .when()
                .post("/milestones/" + soon + "/status")
                .then()
                .statusCode(403);

        as(COORDINATOR)
                .body(Map.of("status", "MISSED"))
                .when()
                .post("/milestones/" + late + "/status")
                .then()
                .statusCode(200)
                .body("workPackages[0].milestones[0].status", equalTo("MISSED"));
        as(COORDINATOR)
                .body(Map.of("status", "REACHED"))
                .when()
                .post("/milestones/" + soon + "/status")
                .then()
                .statusCode(200)
                .body("workPackages[0].milestones[1].status", equalTo("REACHED"))
                .body("workPackages[0].milestones[1].settledOn", equalTo(TODAY.toString()));
        as(COORDINATOR)
                .body(Map.of("status", "MISSED"))
                .when()
                .post("/milestones/" + soon + "/status")
                .then()
                .statusCode(409);

        List<ConsumerRecord<String, String>> published = events(
                p,
                rs -> rs.stream()
                                .filter(r -> type(r).startsWith("cooperation.milestone."))
                                .count()
                        >= 2);
        List<String> types = published.stream()
                .map(r -> type(r))
                .filter(t -> t.startsWith("cooperation.milestone."))
                .toList();
        assertEquals(List.of(EventTypes.MILESTONE_MISSED, EventTypes.MILESTONE_REACHED), types);
    }

    @Test
    void indicatorsCountInTheirUnitAndContributeOnlyToAGoalIndicatorOfTheSameUnit() {
        String g = goal("Messbar " + UUID.randomUUID());
        String goalIndicator = as(COORDINATOR)
                .body(Map.of(
                        "kind",
                        "OUTPUT",
                        "name",
                        "Gemeinsame Veranstaltungen",
                        "unit",
                        "COUNT",
                        "targets",
                        List.of(Map.of("year", TODAY.getYear(), "target", 4))))
                .when()
                .post("/goals/" + g + "/indicators")
                .then()
                .statusCode(201)
                .body("achieved", equalTo(0.0f))
                .extract()
                .path("id");
        String p = project("Indikatoren " + UUID.randomUUID(), null, List.of());
        as(COORDINATOR)
                .body(Map.of(
                        "kind", "OUTPUT", "name", "Teilnehmende", "unit", "PERSONS", "contributesTo", goalIndicator))
                .when()
                .post("/projects/" + p + "/indicators")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:ostsee-kooperation:problem:indicator.unit-mismatch"));
        as(COORDINATOR)
                .body(Map.of(
                        "kind",
                        "OUTPUT",
                        "name",
                        "Veranstaltungen",
                        "unit",
                        "COUNT",
                        "targets",
                        List.of(Map.of("year", TODAY.getYear(), "target", 1.5))))
                .when()
                .post("/projects/" + p + "/indicators")
                .then()
                .statusCode(400)
                .body("detail", containsString("whole number"));
        as(COORDINATOR)
                .body(Map.of("kind", "RESULT", "name", "Quote", "unit", "PERCENT", "baseline", -1))
                .when()
                .post("/projects/" + p + "/indicators")
                .then()
                .statusCode(400);
        as(COORDINATOR)
                .body(Map.of("kind", "RESULT", "name", "Quote", "unit", "PERCENT", "baseline", 101))
                .when()
                .post("/projects/" + p + "/indicators")
                .then()
                .statusCode(400);
        assertEquals(0, results(p).getList("indicators").size());
    }

    @Test
    void aReportIsSubmittedOnceReturnedCorrectedAndAcceptedAndItsValuesReachTheGoal() throws Exception {
        String g = goal("Ergebnis " + UUID.randomUUID());
        String goalIndicator = as(COORDINATOR)
                .body(Map.of(
                        "kind",
                        "OUTPUT",
                        "name",
                        "Vereinbarungen",
                        "unit",
                        "COUNT",
                        "targets",
                        List.of(Map.of("year", TODAY.getYear(), "target", 4))))
                .when()
                .post("/goals/" + g + "/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String p = project("Bericht " + UUID.randomUUID(), null, List.of("KIEL"));
        as(COORDINATOR)
                .body(Map.of("goalIds", List.of(g)))
                .when()
                .put("/projects/" + p + "/goals")
                .then()
                .statusCode(200)
                .body("goalIds", equalTo(List.of(g)));
        as(COORDINATOR)
                .body(Map.of("goalIds", List.of(UUID.randomUUID().toString())))
                .when()
                .put("/projects/" + p + "/goals")
                .then()
                .statusCode(400);
        as(COORDINATOR)
                .body(Map.of(
                        "kind",
                        "OUTPUT",
                        "name",
                        "Unterzeichnete Vereinbarungen",
                        "unit",
                        "COUNT",
                        "contributesTo",
                        goalIndicator))
                .when()
                .post("/projects/" + p + "/indicators")
                .then()
                .statusCode(201);
        String indicator = results(p).getString("indicators[0].id");
        LocalDate start = TODAY.withDayOfMonth(1).minusMonths(6);
        as(COORDINATOR)
                .body(Map.of(
                        "startsOn",
                        start.toString(),
                        "endsOn",
                        TODAY.minusDays(1).toString()))
                .when()
                .post("/projects/" + p + "/reporting-periods")
                .then()
                .statusCode(201)
                .body("periods[0].number", equalTo(1))
                .body("periods[0].reportDueOn", equalTo(TODAY.plusDays(29).toString()));
        as(COORDINATOR)
                .body(Map.of(
                        "startsOn",
                        TODAY.minusDays(1).toString(),
                        "endsOn",
                        TODAY.plusMonths(6).toString()))
                .when()
                .post("/projects/" + p + "/reporting-periods")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:ostsee-kooperation:problem:period.overlaps"));
        String period = results(p).getString("periods[0].id");

        // Another shareholder's staff may not write it; the participating one's may.
        as(PLOEN)
                .body(Map.of("narrative", "Fremd"))
                .when()
                .put("/reporting-periods/" + period + "/report")
                .then()
                .statusCode(403);
        as(KIEL).body(Map.of("values", List.of(Map.of("indicatorId", indicator, "value", 1.5))))
                .when()
                .put("/reporting-periods/" + period + "/report")
                .then()
                .statusCode(400);
        as(KIEL).body(Map.of("values", List.of(Map.of("indicatorId", indicator, "value", 3))))
                .when()
                .put("/reporting-periods/" + period + "/report")
                .then()
                .statusCode(200)
                .body("periods[0].report.status", equalTo("DRAFT"));
        String report = results(p).getString("periods[0].report.id");
        as(KIEL).when().post("/reports/" + report + "/submit").then().statusCode(409); // no narrative yet
        long version = results(p).getLong("periods[0].report.version");
        as(KIEL).body(Map.of(
                        "narrative",
                        "Zwei Absichtserklärungen und eine Vereinbarung mit Aarhus.",
                        "values",
                        List.of(Map.of("indicatorId", indicator, "value", 3)),
                        "version",
                        version))
                .when()
                .put("/reporting-periods/" + period + "/report")
                .then()
                .statusCode(200);

        // Racing submissions: exactly one wins.
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return as(KIEL).when()
                        .post("/reports/" + report + "/submit")
                        .then()
                        .extract()
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "one submission wins: " + codes);
        assertEquals(racers - 1, codes.stream().filter(c -> c == 409).count(), "the others get 409: " + codes);

        // Submitted: the project cannot change it; only a coordinator returns it, with a comment.
        as(KIEL).body(Map.of("narrative", "Nachträglich"))
                .when()
                .put("/reporting-periods/" + period + "/report")
                .then()
                .statusCode(409);
        as(KIEL).body(Map.of("comment", "Bitte belegen"))
                .when()
                .post("/reports/" + report + "/return")
                .then()
                .statusCode(403);
        as(COORDINATOR)
                .body(Map.of())
                .when()
                .post("/reports/" + report + "/return")
                .then()
                .statusCode(400);
        as(COORDINATOR)
                .body(Map.of("comment", "Die Vereinbarung mit Aarhus ist noch nicht unterzeichnet; bitte 2 angeben."))
                .when()
                .post("/reports/" + report + "/return")
                .then()
                .statusCode(200)
                .body("periods[0].report.status", equalTo("RETURNED"))
                .body("periods[0].report.comment", containsString("Aarhus"));

        // Corrected (a change of its text needs its version: 428 without) and submitted again
        // (revision 2), then accepted: the period closes.
        Map<String, Object> corrected = new HashMap<>(Map.of(
                "narrative",
                "Zwei Absichtserklärungen; die Vereinbarung mit Aarhus folgt.",
                "values",
                List.of(Map.of("indicatorId", indicator, "value", 2))));
        as(KIEL).body(corrected)
                .when()
                .put("/reporting-periods/" + period + "/report")
                .then()
                .statusCode(428);
        corrected.put("version", results(p).getLong("periods[0].report.version"));
        as(KIEL).body(corrected)
                .when()
                .put("/reporting-periods/" + period + "/report")
                .then()
                .statusCode(200);
        as(KIEL).when()
                .post("/reports/" + report + "/submit")
                .then()
                .statusCode(200)
                .body("periods[0].report.revision", equalTo(2));
        as(COORDINATOR)
                .body(Map.of())
                .when()
                .post("/reports/" + report + "/accept")
                .then()
                .statusCode(200)
                .body("periods[0].closed", equalTo(true))
                .body("periods[0].report.status", equalTo("ACCEPTED"))
                .body("indicators[0].achieved", equalTo(2.0f));
        as(COORDINATOR)
                .body(Map.of("narrative", "Noch einmal"))
                .when()
                .put("/reporting-periods/" + period + "/report")
                .then()
                .statusCode(409);

        // The goal's indicator counts what the project achieved; its history keeps both revisions.
        as(VIEWER).when().get("/indicators/" + goalIndicator).then().body("achieved", equalTo(2.0f));
        JsonPath dashboard = as(VIEWER)
                .when()
                .get("/results?year=" + TODAY.getYear())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> attainment = dashboard.getMap("goals.find { it.id == '" + g + "' }.indicators[0]");
        assertEquals(4.0f, ((Number) attainment.get("target")).floatValue());
        assertEquals(2.0f, ((Number) attainment.get("achieved")).floatValue());
        assertEquals(50.0f, ((Number) attainment.get("percent")).floatValue());
        assertEquals(List.of(p), dashboard.getList("goals.find { it.id == '" + g + "' }.projects.id", String.class));
        List<String> submitted = as(VIEWER)
                .when()
                .get("/history/ProgressReport/" + report)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.action == 'ProgressReportSubmitted' }.changes.narrative", String.class);
        assertEquals(2, submitted.size(), "each submission is kept: " + submitted);

        List<ConsumerRecord<String, String>> published =
                events(p, rs -> rs.stream().anyMatch(r -> type(r).equals(EventTypes.PROGRESS_REPORT_ACCEPTED)));
        assertEquals(
                List.of(
                        EventTypes.PROGRESS_REPORTED,
                        EventTypes.PROGRESS_REPORT_RETURNED,
                        EventTypes.PROGRESS_REPORTED,
                        EventTypes.PROGRESS_REPORT_ACCEPTED),
                published.stream()
                        .map(r -> type(r))
                        .filter(t -> t.contains("progress"))
                        .toList());
    }

    @Test
    void racingExpenditureNeverExceedsTheAllocationAndWhatIsSpentCannotBeGivenBack() throws Exception {
        int year = TODAY.getYear();
        String p = project("Ausgaben " + UUID.randomUUID(), null, List.of("KIEL"));
        as(COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + p + "/status")
                .then()
                .statusCode(200);
        as(DECIDER)
                .body(Map.of("body", "MANAGEMENT", "decidedOn", TODAY.toString(), "outcome", "APPROVED"))
                .when()
                .post("/projects/" + p + "/decisions")
                .then()
                .statusCode(201);
        // The line of this year may exist from other tests: raise it so that 100.00 fit.
        JsonPath budget =
                as(VIEWER).when().get("/budget/" + year).then().extract().jsonPath();
        Map<String, Object> line = budget.getMap("lines.find { it.category == 'PROJECT_FUNDS' }");
        Map<String, Object> body = new HashMap<>();
        body.put("amount", line == null ? "100.00" : String.valueOf(((Number) line.get("amount")).doubleValue() + 100));
        if (line != null) {
            body.put("version", line.get("version"));
        }
        as(COORDINATOR)
                .body(body)
                .when()
                .put("/budget/" + year + "/lines/PROJECT_FUNDS")
                .then()
                .statusCode(200);
        String allocation = as(COORDINATOR)
                .body(Map.of("year", year, "category", "PROJECT_FUNDS", "amount", "100.00"))
                .when()
                .post("/projects/" + p + "/allocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("ALLOCATED"))
                .extract()
                .path("id");

        as(COORDINATOR)
                .body(Map.of(
                        "allocationId",
                        UUID.randomUUID().toString(),
                        "amount",
                        "1.00",
                        "spentOn",
                        TODAY.toString(),
                        "description",
                        "ohne Zuteilung"))
                .when()
                .post("/projects/" + p + "/expenditures")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:ostsee-kooperation:problem:expenditure.unknown-allocation"));
        as(COORDINATOR)
                .body(Map.of(
                        "allocationId",
                        allocation,
                        "amount",
                        "1.00",
                        "spentOn",
                        TODAY.plusDays(1).toString(),
                        "description",
                        "morgen"))
                .when()
                .post("/projects/" + p + "/expenditures")
                .then()
                .statusCode(400);
        as(PLOEN)
                .body(Map.of(
                        "allocationId", allocation, "amount", "1.00", "spentOn", TODAY.toString(), "description", "x"))
                .when()
                .post("/projects/" + p + "/expenditures")
                .then()
                .statusCode(403);

        // 30 expenditures of 5.00 from 30 threads against 100.00: exactly 20 are booked.
        int racers = 30;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String who = i % 2 == 0 ? COORDINATOR : KIEL;
            answers.add(pool.submit(() -> {
                go.await();
                return as(who).body(Map.of(
                                "allocationId",
                                allocation,
                                "amount",
                                "5.00",
                                "spentOn",
                                TODAY.toString(),
                                "description",
                                "Fährtickets"))
                        .when()
                        .post("/projects/" + p + "/expenditures")
                        .then()
                        .extract()
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(20, codes.stream().filter(c -> c == 201).count(), "exactly the allocation is spent: " + codes);
        assertEquals(10, codes.stream().filter(c -> c == 409).count(), codes.toString());

        as(VIEWER).when().get("/projects/" + p + "/expenditures").then().body("$", hasSize(20));
        JsonPath r = results(p);
        assertEquals(100.0f, r.getFloat("spending[0].spent"));
        assertEquals(0.0f, r.getFloat("spending[0].left"));
        as(COORDINATOR)
                .header("Accept-Language", "de")
                .body(Map.of(
                        "allocationId", allocation, "amount", "0.01", "spentOn", TODAY.toString(), "description", "x"))
                .when()
                .post("/projects/" + p + "/expenditures")
                .then()
                .statusCode(409)
                .body("detail", containsString("0,00\u00a0€ von 100,00\u00a0€"));
        as(COORDINATOR)
                .when()
                .post("/allocations/" + allocation + "/release")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:ostsee-kooperation:problem:allocation.spent"));
        as(VIEWER)
                .when()
                .get("/budget/" + year)
                .then()
                .body(
                        "lines.find { it.category == 'PROJECT_FUNDS' }.spent",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(100.0f));

        List<ConsumerRecord<String, String>> published = events(
                p,
                rs -> rs.stream()
                                .filter(e -> type(e).equals(EventTypes.EXPENDITURE_RECORDED))
                                .count()
                        >= 20);
        assertEquals(
                20,
                published.stream()
                        .filter(e -> type(e).equals(EventTypes.EXPENDITURE_RECORDED))
                        .count());
        assertTrue(published.stream()
                .filter(e -> type(e).equals(EventTypes.EXPENDITURE_RECORDED))
                .allMatch(e -> e.value().contains("\"spentOnAllocation\"")));
    }

    @Test
    void unknownThingsAreNotFoundAndNothingIsWritten() {
        as(VIEWER)
                .when()
                .get("/projects/" + UUID.randomUUID() + "/results")
                .then()
                .statusCode(404);
        as(COORDINATOR)
                .body(Map.of("narrative", "x"))
                .when()
                .put("/reporting-periods/" + UUID.randomUUID() + "/report")
                .then()
                .statusCode(404);
        as(COORDINATOR)
                .body(Map.of())
                .when()
                .post("/reports/" + UUID.randomUUID() + "/accept")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
