package de.kielregion.kooperation.projects.strategy;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.KIEL;
import static de.kielregion.kooperation.projects.Api.PLOEN;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.infra.testing.Tokens;
import de.kielregion.kooperation.projects.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StrategyTest {

    /** A theme, a measure of that theme, an open question on STRING and UBC and an overdue next step of it. */
    private record Measure(String tag, int number, String theme, String id, String question) {}

    private static Measure measureWithAQuestion() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String theme = as(COORDINATOR)
                .body(Map.of("name", "Mobilität ländlicher Raum " + tag))
                .when()
                .post("/themes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int number = freeMeasureNumber();
        String measure = as(COORDINATOR)
                .body(Map.of(
                        "number",
                        number,
                        "title",
                        "Fokus auf einen Kooperationsraum " + tag,
                        "description",
                        "Korridor Hamburg-Oslo mit den Schwerpunktpartnern Göteborg und Aarhus",
                        "whatMustHappen",
                        "Potentialanalyse Kooperationsraum. Entscheidung AR über Strategie.",
                        "whoMustBeInvolved",
                        "Verwaltungsspitzen, AR",
                        "timeline",
                        "ASAP",
                        "themeIds",
                        List.of(theme)))
                .when()
                .post("/measures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String question = as(COORDINATOR)
                .body(Map.of(
                        "measureId",
                        measure,
                        "text",
                        "Mitgliedschaft STRING & UBC " + tag,
                        "organisations",
                        List.of("string", "UBC")))
                .when()
                .post("/open-questions")
                .then()
                .statusCode(201)
                .body("organisations", org.hamcrest.Matchers.contains("STRING", "UBC"))
                .extract()
                .path("id");
        as(COORDINATOR)
                .body(Map.of(
                        "title",
                        "Potentialanalyse beauftragen " + tag,
                        "owner",
                        "KielRegion",
                        "dueDate",
                        LocalDate.now().minusDays(3).toString(),
                        "measureId",
                        measure))
                .when()
                .post("/next-steps")
                .then()
                .statusCode(201)
                .body("overdue", equalTo(true));
        return new Measure(tag, number, theme, measure, question);
    }

    /** A measure number (10 to 89) no measure has yet: numbers are unique, and the tests share a database. */
    private static int freeMeasureNumber() {
        List<Integer> taken =
                as(VIEWER).when().get("/measures").then().extract().path("number");
        return java.util.stream.IntStream.range(10, 90)
                .filter(n -> !taken.contains(n))
                .findFirst()
                .orElseThrow();
    }

    /** The supervisory board answers the measure's question. */
    private static void answer(Measure m) {
        as(DECIDER)
                .body(Map.of(
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        "2024-11-20",
                        "answer",
                        "KielRegion tritt UBC bei",
                        "minutesReference",
                        "AR 2024/4"))
                .when()
                .post("/open-questions/" + m.question() + "/decisions")
                .then()
                .statusCode(201)
                .body("subjectType", equalTo("OpenQuestion"));
    }

    @Test
    void themesAreUniqueByNameIgnoringCaseAndMeasuresByNumber() {
        Measure m = measureWithAQuestion();
        as(COORDINATOR)
                .body(Map.of("name", "mobilität LÄNDLICHER Raum " + m.tag()))
                .when()
                .post("/themes")
                .then()
                .statusCode(409);
        as(COORDINATOR)
                .body(Map.of("number", m.number(), "title", "Twice"))
                .when()
                .post("/measures")
                .then()
                .statusCode(409);
        as(VIEWER)
                .when()
                .get("/history/Measure/" + m.id())
                .then()
                .statusCode(200)
                .body("[0].action", equalTo("MeasureCreated"));
        as(VIEWER).when().get("/history/Secret/" + m.id()).then().statusCode(404);
    }

    @Test
    void aNextStepBelongsToAMeasureOrAProject() {
        as(COORDINATOR)
                .body(Map.of("title", "Ohne Bezug", "owner", "x"))
                .when()
                .post("/next-steps")
                .then()
                .statusCode(400);
    }

    @Test
    void aQuestionIsAnsweredOnceByADecisionWithItsHistoryAndEvents() {
        Measure m = measureWithAQuestion();
        answer(m);
        as(DECIDER)
                .body(Map.of("body", "SUPERVISORY_BOARD", "decidedOn", "2024-11-21", "answer", "again"))
                .when()
                .post("/open-questions/" + m.question() + "/decisions")
                .then()
                .statusCode(409);
        as(VIEWER)
                .queryParam("status", "RESOLVED")
                .when()
                .get("/open-questions")
                .then()
                .body("id", hasItem(m.question()));
        as(VIEWER)
                .when()
                .get("/history/OpenQuestion/" + m.question())
                .then()
                .statusCode(200)
                .body(
                        "action",
                        org.hamcrest.Matchers.contains(
                                "OpenQuestionCreated", "DecisionRecorded", "OpenQuestionResolved"))
                .body("[2].actor", equalTo("decider-dirk"));
        List<String> types = Api.events(m.question(), rs -> rs.size() >= 2).stream()
                .map(Api::type)
                .toList();
        assertEquals(List.of(EventTypes.DECISION_TAKEN, EventTypes.OPEN_QUESTION_RESOLVED), types);
    }

    @Test
    void theOverviewShowsAnswersThemesOverdueStepsAndStrategyDecisions() {
        Measure m = measureWithAQuestion();
        answer(m);
        adoptStrategy(m.tag());
        as(VIEWER)
                .when()
                .get("/strategy/overview")
                .then()
                .statusCode(200)
                .body(
                        "measures.find { it.measure.id == '" + m.id() + "' }.openQuestions[0].status",
                        equalTo("RESOLVED"))
                .body(
                        "measures.find { it.measure.id == '" + m.id() + "' }.openQuestions[0].resolution.body",
                        equalTo("SUPERVISORY_BOARD"))
                .body(
                        "measures.find { it.measure.id == '" + m.id() + "' }.themes[0]",
                        equalTo("Mobilität ländlicher Raum " + m.tag()))
                .body("overdueNextSteps.title", hasItem("Potentialanalyse beauftragen " + m.tag()))
                .body("strategyDecisions.kind", hasItem("STRATEGY_ADOPTED " + m.tag()));
    }

    @Test
    void theDocumentShowsMeasuresAnswersAndDecisionsInMarkdownAndHtml() {
        Measure m = measureWithAQuestion();
        answer(m);
        adoptStrategy(m.tag());
        String markdown = given().header("Authorization", Tokens.bearer(VIEWER))
                .accept("text/markdown")
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                markdown.contains("### Maßnahme " + m.number() + ": Fokus auf einen Kooperationsraum " + m.tag()),
                markdown);
        assertTrue(markdown.contains("**entschieden** (Aufsichtsrat, 20.11.2024): KielRegion tritt UBC bei"), markdown);
        String html = given().header("Authorization", Tokens.bearer(VIEWER))
                .accept("text/html")
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertTrue(
                html.contains("<h3>Maßnahme " + m.number() + ": Fokus auf einen Kooperationsraum " + m.tag() + "</h3>"),
                html);
        assertTrue(html.contains("STRATEGY_ADOPTED " + m.tag()), html);
    }

    private static void adoptStrategy(String tag) {
        as(DECIDER)
                .body(Map.of(
                        "kind",
                        "STRATEGY_ADOPTED " + tag,
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        "2024-12-10",
                        "outcome",
                        "APPROVED"))
                .when()
                .post("/strategy/decisions")
                .then()
                .statusCode(201);
    }

    @Test
    void userTextCannotInjectHtmlIntoTheDocument() {
        as(COORDINATOR)
                .body(Map.of("title", "<script>alert(1)</script> Ziel"))
                .when()
                .post("/goals")
                .then()
                .statusCode(201);
        String html = given().header("Authorization", Tokens.bearer(VIEWER))
                .accept("text/html")
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(html.contains("<script>"), "raw HTML in user text is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ziel"), html);
    }

    @Test
    void shareholderEditsNextStepsOnlyOfItsProjects() {
        String project = as(COORDINATOR)
                .body(Map.of("title", "Kiel project " + UUID.randomUUID(), "shareholders", List.of("KIEL")))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String step = as(KIEL).body(Map.of("title", "Partner anschreiben", "owner", "Stadt Kiel", "projectId", project))
                .when()
                .post("/next-steps")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(PLOEN)
                .body(Map.of("title", "Fremd", "owner", "Kreis Plön", "projectId", project))
                .when()
                .post("/next-steps")
                .then()
                .statusCode(403);
        as(PLOEN)
                .body(Map.of("title", "Fremd", "owner", "x", "projectId", project, "version", 0))
                .when()
                .put("/next-steps/" + step)
                .then()
                .statusCode(403);
        as(KIEL).body(Map.of(
                        "title",
                        "Partner angeschrieben",
                        "owner",
                        "Stadt Kiel",
                        "projectId",
                        project,
                        "status",
                        "DONE",
                        "version",
                        0))
                .when()
                .put("/next-steps/" + step)
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"));
        as(KIEL).body(Map.of("title", "x")).when().post("/themes").then().statusCode(403);
        // A step of a measure is not the shareholder's, even when it names its own project.
        String measure = as(COORDINATOR)
                .body(Map.of("number", 90 + Math.abs(project.hashCode() % 9), "title", "M " + project))
                .when()
                .post("/measures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String measureStep = as(COORDINATOR)
                .body(Map.of("title", "Analyse", "owner", "KielRegion", "measureId", measure))
                .when()
                .post("/next-steps")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(KIEL).body(Map.of("title", "Mine now", "owner", "Stadt Kiel", "projectId", project, "version", 0))
                .when()
                .put("/next-steps/" + measureStep)
                .then()
                .statusCode(403);
        as(VIEWER)
                .queryParam("projectId", project)
                .when()
                .get("/next-steps")
                .then()
                .body("title", hasItem("Partner angeschrieben"))
                .body("title", not(hasItem("Fremd")));
    }
}
