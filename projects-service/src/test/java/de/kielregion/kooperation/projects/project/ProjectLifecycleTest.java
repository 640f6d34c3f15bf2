package de.kielregion.kooperation.projects.project;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static de.kielregion.kooperation.projects.Api.partner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.projects.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectLifecycleTest {

    private static Map<String, Object> project(String title, UUID... partners) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "Rural mobility with the focus partners");
        body.put("lead", "N.N., KielRegion");
        body.put("shareholders", List.of("KIEL", "PLOEN"));
        body.put(
                "partners",
                java.util.Arrays.stream(partners)
                        .map(p -> Map.of("partnerId", p.toString(), "role", "PARTNER"))
                        .toList());
        body.put("plannedStart", "2025-03-01");
        body.put("plannedEnd", "2027-02-28");
        body.put(
                "financing",
                List.of(
                        Map.of("kind", "EU_PROGRAMME", "name", "Interreg ÖKS", "amount", "120000.00"),
                        Map.of("kind", "OWN_FUNDS", "name", "KielRegion", "amount", "30000.50")));
        body.put("effort", 2);
        body.put("impact", 5);
        body.put("monthsToStart", 3);
        body.put("fundingSecured", 50);
        return body;
    }

    /** A new project (an idea) with Aarhus and Göteborg as partners; its id. */
    private static String idea() {
        UUID aarhus = partner("Aarhus");
        UUID goteborg = partner("Göteborg");
        return as(COORDINATOR)
                .body(project("Mobilität im ländlichen Raum " + UUID.randomUUID(), aarhus, goteborg))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An idea the coordinator has proposed for decision; its id. */
    private static String proposed() {
        String id = idea();
        as(COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"));
        return id;
    }

    @Test
    void aNewProjectIsAnIdeaWithItsQuickWinScoreFinancingAndPartners() {
        UUID aarhus = partner("Aarhus");
        UUID goteborg = partner("Göteborg");
        as(COORDINATOR)
                .body(project("Mobilität im ländlichen Raum " + UUID.randomUUID(), aarhus, goteborg))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .body("status", equalTo("IDEA"))
                .body("quickWin", equalTo(83.1f))
                .body("financingTotal", equalTo(150000.5f))
                .body("partners.name", contains("Aarhus", "Göteborg"));
    }

    @Test
    void anIdeaIsProposedBeforeItIsDecided() {
        String id = idea();
        as(COORDINATOR)
                .body(Map.of("status", "APPROVED"))
                .when()
                .post("/projects/" + id + "/status")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("params.allowed", contains("PROPOSED", "CANCELLED"));
        as(DECIDER)
                .body(decision("APPROVED"))
                .when()
                .post("/projects/" + id + "/decisions")
                .then()
                .statusCode(409)
                .body("detail", containsString("Only a PROPOSED project"));
        as(VIEWER).when().get("/projects/" + id).then().body("status", equalTo("IDEA"));
    }

    @Test
    void onlyDecisionMakersDecideAndConditionsAndDeferralsNeedTheirFields() {
        String id = proposed();
        as(COORDINATOR)
                .body(decision("APPROVED"))
                .when()
                .post("/projects/" + id + "/decisions")
                .then()
                .statusCode(403);
        as(DECIDER)
                .body(decision("APPROVED_WITH_CONDITIONS"))
                .when()
                .post("/projects/" + id + "/decisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("conditions"));
        as(DECIDER)
                .body(decision("DEFERRED"))
                .when()
                .post("/projects/" + id + "/decisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("revisitOn"));
        as(VIEWER).when().get("/projects/" + id).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void aProjectNotYetApprovedGetsNoResources() {
        String id = proposed();
        String year = String.valueOf(Year.now().getValue());
        as(COORDINATOR)
                .body(Map.of("year", year, "category", "STAFF", "amount", "0.5"))
                .when()
                .post("/projects/" + id + "/allocations")
                .then()
                .statusCode(409);
        as(VIEWER).when().get("/projects/" + id + "/allocations").then().body("", empty());
    }

    @Test
    void anApprovedProjectIsResourcedWithinTheBudgetAndStarts() {
        String id = proposed();
        as(DECIDER)
                .body(decision("APPROVED"))
                .when()
                .post("/projects/" + id + "/decisions")
                .then()
                .statusCode(201)
                .body("subjectType", equalTo("Project"))
                .body("outcome", equalTo("APPROVED"));
        as(VIEWER).when().get("/projects/" + id).then().body("status", equalTo("APPROVED"));

        // Resources: staff and funds; the first allocation makes the project RESOURCED.
        int y = Year.now().getValue() + 7; // a year no other test touches
        as(COORDINATOR)
                .body(Map.of("amount", "3.00"))
                .when()
                .put("/budget/" + y + "/lines/STAFF")
                .then()
                .statusCode(200);
        as(COORDINATOR)
                .body(Map.of("amount", "50000.00"))
                .when()
                .put("/budget/" + y + "/lines/PROJECT_FUNDS")
                .then()
                .statusCode(200);
        as(COORDINATOR)
                .body(Map.of("year", y, "category", "STAFF", "amount", "0.75"))
                .when()
                .post("/projects/" + id + "/allocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("ALLOCATED"));
        as(COORDINATOR)
                .body(Map.of("year", y, "category", "PROJECT_FUNDS", "amount", "60000.00"))
                .when()
                .post("/projects/" + id + "/allocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("Projektmittel " + y + ": 50.000,00\u00a0€ frei, 60.000,00\u00a0€ angefragt"));
        as(COORDINATOR)
                .body(Map.of("year", y, "category", "PROJECT_FUNDS", "amount", "40000.00"))
                .when()
                .post("/projects/" + id + "/allocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("ALLOCATED"));
        as(VIEWER).when().get("/projects/" + id).then().body("status", equalTo("RESOURCED"));
        as(VIEWER)
                .when()
                .get("/budget/" + y)
                .then()
                .statusCode(200)
                .body("lines.category", contains("PROJECT_FUNDS", "STAFF"))
                .body("lines[1].allocated", equalTo(0.75f))
                .body("lines[1].free", equalTo(2.25f))
                .body("lines[0].free", equalTo(10000.0f));
        as(COORDINATOR)
                .body(Map.of("status", "IN_PROGRESS"))
                .when()
                .post("/projects/" + id + "/status")
                .then()
                .statusCode(200);

        List<String> types = Api.events(
                        id,
                        rs -> rs.stream()
                                        .filter(r -> EventTypes.PROJECT_STATUS_CHANGED.equals(Api.type(r)))
                                        .count()
                                >= 4)
                .stream()
                .map(Api::type)
                .toList();
        assertEquals(
                List.of(
                        EventTypes.PROJECT_PROPOSED,
                        EventTypes.PROJECT_STATUS_CHANGED,
                        EventTypes.DECISION_TAKEN,
                        EventTypes.PROJECT_STATUS_CHANGED,
                        EventTypes.RESOURCES_ALLOCATED,
                        EventTypes.PROJECT_STATUS_CHANGED,
                        EventTypes.ALLOCATION_REJECTED,
                        EventTypes.RESOURCES_ALLOCATED,
                        EventTypes.PROJECT_STATUS_CHANGED),
                types);
        as(VIEWER)
                .queryParam("subjectType", "Project")
                .when()
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items.subjectId", hasItem(id));
    }

    @Test
    void partnersMustBeKnownActiveAndOnceAndOneLead() {
        UUID known = partner("Oslo");
        UUID gone = partner("Gone");
        Api.partnerEvent("cooperation.partner.retired.v1", gone, "Gone", "RETIRED", 1);
        as(COORDINATOR)
                .body(project("P", UUID.randomUUID()))
                .when()
                .post("/projects")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("partners[0].partnerId"))
                .body("detail", containsString("does not know"));
        as(COORDINATOR)
                .body(project("P", gone))
                .when()
                .post("/projects")
                .then()
                .statusCode(400)
                .body("detail", containsString("retired"));
        as(COORDINATOR)
                .body(project("P", known, known))
                .when()
                .post("/projects")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("partners[1].partnerId"));
        Map<String, Object> twoLeads = project("P");
        twoLeads.put(
                "partners",
                List.of(
                        Map.of("partnerId", known.toString(), "role", "LEAD_PARTNER"),
                        Map.of("partnerId", partner("Hamburg").toString(), "role", "LEAD_PARTNER")));
        as(COORDINATOR)
                .body(twoLeads)
                .when()
                .post("/projects")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("partners[1].role"));
        Map<String, Object> backwards = project("P", known);
        backwards.put("plannedEnd", "2020-01-01");
        as(COORDINATOR)
                .body(backwards)
                .when()
                .post("/projects")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("plannedEnd"));
        Map<String, Object> badScores = project("P", known);
        badScores.put("impact", 9);
        as(COORDINATOR)
                .body(badScores)
                .when()
                .post("/projects")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("impact"));
        as(VIEWER).body(project("P", known)).when().post("/projects").then().statusCode(403);
    }

    @Test
    void retiredPartnerIsFlaggedNotRemoved() {
        UUID aarhus = partner("Aarhus");
        String id = as(COORDINATOR)
                .body(project("Retire test " + UUID.randomUUID(), aarhus))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .body("retiredPartners", empty())
                .extract()
                .path("id");
        Api.partnerEvent("cooperation.partner.updated.v1", aarhus, "Aarhus Kommune", "ACTIVE", 1);
        Api.partnerEvent("cooperation.partner.retired.v1", aarhus, "Aarhus Kommune", "RETIRED", 2);
        as(VIEWER)
                .when()
                .get("/projects/" + id)
                .then()
                .body("partners[0].name", equalTo("Aarhus Kommune"))
                .body("partners[0].retired", equalTo(true))
                .body("retiredPartners", contains(aarhus.toString()));
        // The project stays editable with its retired partner; a new retired one would be refused.
        Map<String, Object> update = project("Retire test renamed", aarhus);
        update.put("version", 0);
        as(COORDINATOR)
                .body(update)
                .when()
                .put("/projects/" + id)
                .then()
                .statusCode(200)
                .body("partners[0].partnerId", equalTo(aarhus.toString()));
    }

    @Test
    void quickWinSortPutsTheFastestBestFirst() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> slow = project("Slow " + tag);
        slow.put("monthsToStart", 30);
        slow.put("effort", 4);
        slow.put("impact", 3);
        slow.put("fundingSecured", 0);
        Map<String, Object> fast = project("Fast " + tag);
        Map<String, Object> unscored = project("Unscored " + tag);
        unscored.remove("impact");
        for (Map<String, Object> p : List.of(slow, unscored, fast)) {
            as(COORDINATOR).body(p).when().post("/projects").then().statusCode(201);
        }
        List<String> order = as(VIEWER)
                .queryParam("sort", "quickWin")
                .queryParam("size", 500)
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.title", String.class)
                .stream()
                .filter(t -> t.endsWith(tag))
                .toList();
        assertEquals(List.of("Fast " + tag, "Slow " + tag, "Unscored " + tag), order);
    }

    private static Map<String, Object> decision(String outcome) {
        return Map.of(
                "body",
                "SUPERVISORY_BOARD",
                "decidedOn",
                "2024-11-20",
                "outcome",
                outcome,
                "minutesReference",
                "AR 2024/4 TOP 7");
    }
}
