package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.COORDINATOR;
import static de.kielregion.kooperation.e2e.Suite.DECIDER;
import static de.kielregion.kooperation.e2e.Suite.VIEWER;
import static de.kielregion.kooperation.e2e.Suite.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four cross-service flows of the architecture, over HTTP, against the three services
 * running as separate processes on one broker and one database server.
 */
class FlowsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.get();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** Flow 1: a join decision requests the fee; refused while the line is exhausted, booked once raised. */
    @Test
    void membershipDecisionLeadsToFunding() {
        String tag = tag();
        int year = 2030 + Math.abs(tag.hashCode() % 60);
        suite.as("projects", COORDINATOR)
                .body(Map.of("amount", "1000.00"))
                .when()
                .put("/budget/" + year + "/lines/MEMBERSHIP_FEES")
                .then()
                .statusCode(200);
        String ubc = organisation("UBC-" + tag, "Union of the Baltic Cities");
        String string = organisation("STRING-" + tag, "STRING network");
        String question = suite.as("projects", COORDINATOR)
                .body(Map.of(
                        "text",
                        "Mitgliedschaft STRING & UBC " + tag,
                        "organisations",
                        List.of("STRING-" + tag, "UBC-" + tag)))
                .when()
                .post("/open-questions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String membership = suite.as("memberships", COORDINATOR)
                .body(Map.of(
                        "holder",
                        "KIELREGION",
                        "organisationId",
                        ubc,
                        "yearlyFee",
                        "3900.00",
                        "startDate",
                        year + "-01-01"))
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        decide(membership, "JOIN");
        await(
                WAIT,
                "the refusal reaches the membership",
                () -> ("Mitgliedsbeiträge " + year + ": 1.000,00\u00a0€ frei, 3.900,00\u00a0€ angefragt")
                        .equals(suite.as("memberships", VIEWER)
                                .when()
                                .get("/memberships/" + membership)
                                .then()
                                .extract()
                                .path("fundingNote")));
        suite.as("memberships", VIEWER)
                .when()
                .get("/memberships/" + membership)
                .then()
                .body("status", equalTo("AWAITING_FUNDING"));

        // The supervisory board raises the line; the membership asks again and is funded.
        suite.as("projects", COORDINATOR)
                .body(Map.of("amount", "5000.00", "version", 0))
                .when()
                .put("/budget/" + year + "/lines/MEMBERSHIP_FEES")
                .then()
                .statusCode(200);
        suite.as("memberships", COORDINATOR)
                .when()
                .post("/memberships/" + membership + "/funding-request")
                .then()
                .statusCode(200);
        await(
                WAIT,
                "the membership becomes ACTIVE",
                () -> "ACTIVE"
                        .equals(suite.as("memberships", VIEWER)
                                .when()
                                .get("/memberships/" + membership)
                                .then()
                                .extract()
                                .path("status")));
        suite.as("projects", VIEWER)
                .when()
                .get("/budget/" + year)
                .then()
                .body("lines[0].allocated", equalTo(3900.0f))
                .body("lines[0].free", equalTo(1100.0f));
        await(WAIT, "the strategy overview shows the membership ACTIVE with its fee booked", () -> {
            Map<String, Object> entry = suite.as("projects", VIEWER)
                    .when()
                    .get("/strategy/overview")
                    .then()
                    .extract()
                    .jsonPath()
                    .getMap("memberships.find { it.id == '" + membership + "' }");
            return entry != null
                    && "ACTIVE".equals(entry.get("status"))
                    && Float.valueOf(3900.0f).equals(entry.get("feesBooked"));
        });

        // Deciding on STRING as well answers the open question of measure 3.
        String stringMembership = suite.as("memberships", COORDINATOR)
                .body(Map.of("holder", "KIELREGION", "organisationId", string, "yearlyFee", "2500.00"))
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.as("memberships", DECIDER)
                .body(Map.of(
                        "kind",
                        "DECLINE",
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        "2024-11-21",
                        "outcome",
                        "APPROVED"))
                .when()
                .post("/memberships/" + stringMembership + "/decisions")
                .then()
                .statusCode(201);
        await(
                WAIT,
                "the open question is resolved",
                () -> suite.as("projects", VIEWER)
                        .queryParam("status", "RESOLVED")
                        .when()
                        .get("/open-questions")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("id")
                        .contains(question));
        suite.as("projects", VIEWER)
                .queryParam("service", "memberships-service")
                .queryParam("size", 500)
                .when()
                .get("/decisions")
                .then()
                .body("items.subjectId", hasItem(membership))
                .body("items.subjectLink", hasItem("memberships-service:/memberships/" + membership))
                .body("items.subjectId", hasItem(stringMembership));
    }

    /** Flow 2: an approved and resourced project shows under its partners' engagement. */
    @Test
    void projectApprovalAndResourcing() {
        String tag = tag();
        String aarhus = partner("Aarhus " + tag, "DK");
        String goteborg = partner("Göteborg " + tag, "SE");
        String project = proposeWhenPartnersKnown("Mobilität im ländlichen Raum " + tag, aarhus, goteborg);
        suite.as("projects", COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + project + "/status")
                .then()
                .statusCode(200);
        suite.as("projects", DECIDER)
                .body(Map.of("body", "SUPERVISORY_BOARD", "decidedOn", "2024-11-20", "outcome", "APPROVED"))
                .when()
                .post("/projects/" + project + "/decisions")
                .then()
                .statusCode(201);
        int year = 2100 - Math.abs(tag.hashCode() % 50);
        suite.as("projects", COORDINATOR)
                .body(Map.of("amount", "2.00"))
                .when()
                .put("/budget/" + year + "/lines/STAFF")
                .then()
                .statusCode(200);
        suite.as("projects", COORDINATOR)
                .body(Map.of("amount", "80000.00"))
                .when()
                .put("/budget/" + year + "/lines/PROJECT_FUNDS")
                .then()
                .statusCode(200);
        suite.as("projects", COORDINATOR)
                .body(Map.of("year", year, "category", "STAFF", "amount", "0.50"))
                .when()
                .post("/projects/" + project + "/allocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("ALLOCATED"));
        suite.as("projects", COORDINATOR)
                .body(Map.of("year", year, "category", "PROJECT_FUNDS", "amount", "45000.00"))
                .when()
                .post("/projects/" + project + "/allocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("ALLOCATED"));
        suite.as("projects", VIEWER).when().get("/projects/" + project).then().body("status", equalTo("RESOURCED"));
        for (String partner : List.of(aarhus, goteborg)) {
            await(
                    WAIT,
                    "the project under the partner's engagement, RESOURCED",
                    () -> suite.as("partners", VIEWER)
                                    .when()
                                    .get("/partners/" + partner + "/engagement")
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .getList(
                                            "findAll { it.projectId == '" + project + "' && it.status == 'RESOURCED' }")
                                    .size()
                            == 1);
        }
        suite.as("partners", VIEWER)
                .when()
                .get("/partners/" + aarhus + "/history")
                .then()
                .body("action", hasItem("ProjectDecision"));
        // The supervisory board makes Aarhus a focus partner: the strategy overview shows it.
        suite.as("partners", DECIDER)
                .body(Map.of(
                        "kind",
                        "DESIGNATE_FOCUS_PARTNER",
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        "2024-11-20",
                        "outcome",
                        "APPROVED"))
                .when()
                .post("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(201);
        await(
                WAIT,
                "Aarhus among the focus partners of the overview",
                () -> suite.as("projects", VIEWER)
                        .when()
                        .get("/strategy/overview")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("focusPartners.partnerId")
                        .contains(aarhus));
        await(
                WAIT,
                "the partners-service decision in the register",
                () -> suite.as("projects", VIEWER)
                        .queryParam("service", "partners-service")
                        .queryParam("size", 500)
                        .when()
                        .get("/decisions")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.subjectLink")
                        .contains("partners-service:/partners/" + aarhus));
    }

    /** Member partners of an organisation carry their names from partners-service. */
    @Test
    void organisationsShowTheirMemberPartnersNames() {
        String tag = tag();
        String kiel = partner("Landeshauptstadt Kiel " + tag, "DE");
        String org = suite.as("memberships", COORDINATOR)
                .body(Map.of(
                        "name",
                        "Union of the Baltic Cities",
                        "acronym",
                        "UBCM-" + tag,
                        "kind",
                        "CITY_NETWORK",
                        "seatCountry",
                        "PL",
                        "feeModel",
                        Map.of("type", "FLAT", "flatFee", 3900),
                        "memberPartnerIds",
                        List.of(kiel)))
                .when()
                .post("/organisations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await(
                WAIT,
                "the member partner's name",
                () -> ("Landeshauptstadt Kiel " + tag)
                        .equals(suite.as("memberships", VIEWER)
                                .when()
                                .get("/organisations/" + org)
                                .then()
                                .extract()
                                .path("memberPartners[0].name")));
    }

    /** Flow 3: a renamed and retired partner reaches the replica; the project flags it, keeps it. */
    @Test
    void partnerChangesReachEveryReplica() {
        String tag = tag();
        String oslo = partner("Oslo " + tag, "NO");
        String project = proposeWhenPartnersKnown("Korridor-Projekt " + tag, oslo);
        suite.as("partners", COORDINATOR)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Oslo kommune " + tag, "type", "CITY", "country", "NO"))
                .when()
                .put("/partners/" + oslo)
                .then()
                .statusCode(200);
        await(
                WAIT,
                "the new name in projects-service",
                () -> ("Oslo kommune " + tag)
                        .equals(suite.as("projects", VIEWER)
                                .when()
                                .get("/projects/" + project)
                                .then()
                                .extract()
                                .path("partners[0].name")));
        suite.as("partners", COORDINATOR)
                .when()
                .post("/partners/" + oslo + "/retire")
                .then()
                .statusCode(200);
        await(
                WAIT,
                "the retirement flagged on the project",
                () -> suite.as("projects", VIEWER)
                        .when()
                        .get("/projects/" + project)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("retiredPartners")
                        .contains(oslo));
        suite.as("projects", VIEWER)
                .when()
                .get("/projects/" + project)
                .then()
                .body("partners[0].partnerId", equalTo(oslo))
                .body("partners[0].retired", equalTo(true));
    }

    /** Flow 4: a shareholder's bulk push of existing activities is counted in the strategy overview. */
    @Test
    void shareholderActivitiesAreCountedPerThemeAndShareholder() {
        String tag = tag();
        String aarhus = partner("Aarhus " + tag, "DK");
        String theme = "Jugendaustausch " + tag;
        List<Map<String, Object>> activities = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            activities.add(Map.of(
                    "externalId",
                    "KI-" + tag + "-" + i,
                    "title",
                    "Austausch " + i,
                    "kind",
                    "EXCHANGE",
                    "yearFrom",
                    2020 + i % 5,
                    "partnerIds",
                    List.of(aarhus),
                    "themes",
                    i % 3 == 0 ? List.of(theme, "Kultur " + tag) : List.of(theme)));
        }
        suite.as("partners", Suite.KIEL)
                .body(Map.of("activities", activities))
                .when()
                .post("/shareholders/KIEL/activities/bulk")
                .then()
                .statusCode(200)
                .body("created", equalTo(30));
        // Pushing them again is idempotent: nothing new reaches the overview.
        suite.as("partners", Suite.KIEL)
                .body(Map.of("activities", activities))
                .when()
                .post("/shareholders/KIEL/activities/bulk")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(30));
        suite.as("partners", Suite.KIEL)
                .body(Map.of("activities", activities))
                .when()
                .post("/shareholders/PLOEN/activities/bulk")
                .then()
                .statusCode(403);
        await(WAIT, "30 activities counted under the theme", () -> {
            Integer count = suite.as("projects", VIEWER)
                    .when()
                    .get("/strategy/overview")
                    .then()
                    .extract()
                    .path("existingActivities.byTheme['" + theme + "']");
            return count != null && count == 30;
        });
        suite.as("projects", VIEWER)
                .when()
                .get("/strategy/overview")
                .then()
                .body(
                        "existingActivities.byShareholderAndTheme.find { it.theme == 'Kultur " + tag + "' }.count",
                        equalTo(10))
                .body(
                        "existingActivities.byShareholderAndTheme.find { it.theme == '" + theme + "' }.shareholder",
                        equalTo("KIEL"));
    }

    private static String organisation(String acronym, String name) {
        return suite.as("memberships", COORDINATOR)
                .body(Map.of(
                        "name",
                        name,
                        "acronym",
                        acronym,
                        "kind",
                        "CITY_NETWORK",
                        "seatCountry",
                        "PL",
                        "feeModel",
                        Map.of("type", "FLAT", "flatFee", 3900)))
                .when()
                .post("/organisations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void decide(String membership, String kind) {
        suite.as("memberships", DECIDER)
                .body(Map.of(
                        "kind", kind, "body", "SUPERVISORY_BOARD", "decidedOn", "2024-11-20", "outcome", "APPROVED"))
                .when()
                .post("/memberships/" + membership + "/decisions")
                .then()
                .statusCode(201);
    }

    private static String partner(String name, String country) {
        return suite.as("partners", COORDINATOR)
                .body(Map.of("name", name, "type", "CITY", "country", country))
                .when()
                .post("/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Proposes a project as soon as projects-service's replica knows its partners (eventual consistency). */
    private static String proposeWhenPartnersKnown(String title, String... partners) {
        Map<String, Object> body = Map.of(
                "title",
                title,
                "shareholders",
                List.of("KIEL"),
                "partners",
                java.util.Arrays.stream(partners)
                        .map(p -> Map.of("partnerId", p, "role", "PARTNER"))
                        .toList());
        String[] id = new String[1];
        await(WAIT, "projects-service knows the partners", () -> {
            var response = suite.as("projects", COORDINATOR)
                    .body(body)
                    .when()
                    .post("/projects")
                    .then()
                    .extract();
            if (response.statusCode() == 201) {
                id[0] = response.path("id");
                return true;
            }
            assertEquals(400, response.statusCode(), response.asString());
            assertTrue(response.asString().contains("does not know"), response.asString());
            return false;
        });
        return id[0];
    }
}
