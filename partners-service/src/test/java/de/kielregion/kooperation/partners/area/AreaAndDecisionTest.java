package de.kielregion.kooperation.partners.area;

import static de.kielregion.kooperation.partners.Api.COORDINATOR;
import static de.kielregion.kooperation.partners.Api.DECIDER;
import static de.kielregion.kooperation.partners.Api.KIEL;
import static de.kielregion.kooperation.partners.Api.VIEWER;
import static de.kielregion.kooperation.partners.Api.as;
import static de.kielregion.kooperation.partners.Api.partner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.partners.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AreaAndDecisionTest {

    @Test
    void potentialAnalysisRanksTheWorkedExample() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String aarhus = partner("Aarhus " + tag, "CITY", "DK");
        String goteborg = partner("Göteborg " + tag, "CITY", "SE");
        String oslo = partner("Oslo " + tag, "CITY", "NO");
        String hamburg = partner("Hamburg " + tag, "CITY", "DE");
        // Existing ties: Aarhus 1 active relation + 1 activity = 2; Göteborg 1 activity = 1; Oslo 0.
        as(COORDINATOR)
                .body(Map.of("shareholder", "KIEL", "partnerId", aarhus, "kind", "TWIN_CITY", "status", "ACTIVE"))
                .when()
                .post("/relations")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of("shareholder", "KIEL", "partnerId", oslo, "kind", "OTHER", "status", "ENDED"))
                .when()
                .post("/relations")
                .then()
                .statusCode(201);
        as(KIEL).body(Map.of(
                        "title",
                        "Aarhus & Göteborg",
                        "kind",
                        "PROJECT",
                        "yearFrom",
                        2022,
                        "partnerIds",
                        List.of(aarhus, goteborg)))
                .when()
                .put("/shareholders/KIEL/activities/PA-" + tag)
                .then()
                .statusCode(201);

        String area = as(COORDINATOR)
                .body(Map.of(
                        "name",
                        "Korridor Hamburg–Oslo " + tag,
                        "description",
                        "Fokusraum der Maßnahme 3",
                        "memberIds",
                        List.of(aarhus, goteborg, oslo, hamburg)))
                .when()
                .post("/cooperation-areas")
                .then()
                .statusCode(201)
                .body("members", hasSize(4))
                .extract()
                .path("id");
        as(VIEWER)
                .when()
                .get("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(404);

        Map<String, Object> analysis = Map.of(
                "criteria",
                        List.of(
                                Map.of("key", "strategicFit", "name", "Strategische Passung", "weight", 3),
                                Map.of("key", "thematicOverlap", "name", "Thematische Überschneidung", "weight", 2),
                                Map.of(
                                        "key",
                                        "existingTies",
                                        "name",
                                        "Bestehende Beziehungen",
                                        "weight",
                                        1,
                                        "computed",
                                        true)),
                "scores",
                        List.of(
                                score(aarhus, "strategicFit", 4),
                                score(aarhus, "thematicOverlap", 3),
                                score(goteborg, "strategicFit", 5),
                                score(goteborg, "thematicOverlap", 2),
                                score(oslo, "strategicFit", 3),
                                score(oslo, "thematicOverlap", 4),
                                score(hamburg, "strategicFit", 5)));
        // By hand, Σ(weight × score) / Σ weight (= 6):
        //   Aarhus   (3·4 + 2·3 + 1·2) / 6 = 20/6 = 3.33
        //   Göteborg (3·5 + 2·2 + 1·1) / 6 = 20/6 = 3.33   same total: same rank, by name
        //   Oslo     (3·3 + 2·4 + 1·0) / 6 = 17/6 = 2.83
        //   Hamburg  (3·5 + 2·0 + 1·0) / 6 = 15/6 = 2.50   thematicOverlap missing: incomplete
        as(COORDINATOR)
                .body(analysis)
                .when()
                .put("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(200)
                .body(
                        "ranking.partnerName",
                        contains("Aarhus " + tag, "Göteborg " + tag, "Oslo " + tag, "Hamburg " + tag))
                .body("ranking.rank", contains(1, 1, 3, 4))
                .body("ranking.weightedTotal", contains(3.33f, 3.33f, 2.83f, 2.5f))
                .body("ranking[0].scores.existingTies", equalTo(2))
                .body("ranking[1].scores.existingTies", equalTo(1))
                .body("ranking.complete", contains(true, true, true, false));

        // Replacing it needs the version; a scored non-member or a hand score of a computed criterion is a 400.
        as(COORDINATOR)
                .body(analysis)
                .when()
                .put("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(428);
        String stranger = partner("Stranger " + tag, "CITY", "FI");
        Map<String, Object> wrong = new HashMap<>(analysis);
        wrong.put("scores", List.of(score(stranger, "strategicFit", 1)));
        wrong.put("version", 0);
        as(COORDINATOR)
                .body(wrong)
                .when()
                .put("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("scores[0].partnerId"));
        wrong.put("scores", List.of(score(aarhus, "existingTies", 5)));
        as(COORDINATOR)
                .body(wrong)
                .when()
                .put("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(400)
                .body("detail", containsString("computed"));
        wrong.put("scores", List.of(score(aarhus, "strategicFit", 6)));
        as(COORDINATOR)
                .body(wrong)
                .when()
                .put("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("scores[0].score"));
        as(VIEWER)
                .body(analysis)
                .when()
                .put("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(403);

        // The area's creation carries no ranking; the saved analysis sends it out with a newer version.
        List<ConsumerRecord<String, String>> events = Api.events(
                area, rs -> rs.stream().anyMatch(r -> r.value().replace(" ", "").contains("\"ranking\":[")));
        assertEquals(EventTypes.COOPERATION_AREA_CHANGED, Api.type(events.get(0)));
        io.restassured.path.json.JsonPath created =
                io.restassured.path.json.JsonPath.from(events.get(0).value());
        assertEquals(null, (Object) created.get("ranking"));
        io.restassured.path.json.JsonPath ranked = io.restassured.path.json.JsonPath.from(events.stream()
                .filter(r -> r.value().replace(" ", "").contains("\"ranking\":["))
                .findFirst()
                .orElseThrow()
                .value());
        assertEquals(List.of(1, 1, 3, 4), ranked.getList("ranking.rank"));
        assertEquals("Hamburg " + tag, ranked.getString("ranking[3].name"));
        assertEquals(false, ranked.getBoolean("ranking[3].complete"));
        assertTrue(ranked.getLong("version") > created.getLong("version"), "the analysis counts the area's version up");
    }

    @Test
    void focusPartnerIsDesignatedAndRevokedByDecision() throws Exception {
        String aarhus = partner("Aarhus " + UUID.randomUUID(), "CITY", "DK");
        Map<String, Object> designate = decision("DESIGNATE_FOCUS_PARTNER", "APPROVED", "2024-11-20");
        as(COORDINATOR)
                .body(designate)
                .when()
                .post("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(403);
        as(DECIDER)
                .body(decision(
                        "DESIGNATE_FOCUS_PARTNER",
                        "APPROVED",
                        LocalDate.now().plusDays(3).toString()))
                .when()
                .post("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("decidedOn"));
        as(DECIDER)
                .body(decision("DESIGNATE_FOCUS_PARTNER", "REJECTED", "2024-10-01"))
                .when()
                .post("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(201);
        as(VIEWER)
                .queryParam("partnerId", aarhus)
                .queryParam("kind", "FOCUS_PARTNER")
                .when()
                .get("/relations")
                .then()
                .body("totalItems", equalTo(0));

        as(DECIDER)
                .body(designate)
                .when()
                .post("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(201)
                .body("recordedBy", equalTo("decider-dirk"))
                .body("shareholder", equalTo("KIELREGION"));
        String relation = as(VIEWER)
                .queryParam("partnerId", aarhus)
                .queryParam("kind", "FOCUS_PARTNER")
                .when()
                .get("/relations")
                .then()
                .body("totalItems", equalTo(1))
                .body("items[0].status", equalTo("ACTIVE"))
                .body("items[0].since", equalTo("2024-11-20"))
                .extract()
                .path("items[0].id");
        as(DECIDER)
                .body(designate)
                .when()
                .post("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(409);
        // The focus relation's status cannot be changed around the decision.
        as(COORDINATOR)
                .body(Map.of(
                        "shareholder",
                        "KIELREGION",
                        "partnerId",
                        aarhus,
                        "kind",
                        "FOCUS_PARTNER",
                        "status",
                        "ENDED",
                        "version",
                        0))
                .when()
                .put("/relations/" + relation)
                .then()
                .statusCode(409);

        as(DECIDER)
                .body(decision("REVOKE_FOCUS_PARTNER", "APPROVED", "2025-01-15"))
                .when()
                .post("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(201);
        as(VIEWER)
                .when()
                .get("/relations/" + relation)
                .then()
                .body("status", equalTo("ENDED"))
                .body("until", equalTo("2025-01-15"));
        as(DECIDER)
                .body(decision("REVOKE_FOCUS_PARTNER", "APPROVED", "2025-01-16"))
                .when()
                .post("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(409);
        as(VIEWER)
                .when()
                .get("/partners/" + aarhus + "/decisions")
                .then()
                .statusCode(200)
                .body("outcome", contains("REJECTED", "APPROVED", "APPROVED"));

        List<ConsumerRecord<String, String>> events = Api.events(
                aarhus,
                rs -> rs.stream()
                                .filter(r -> EventTypes.DECISION_TAKEN.equals(Api.type(r)))
                                .count()
                        >= 3);
        List<ConsumerRecord<String, String>> decisions = events.stream()
                .filter(r -> EventTypes.DECISION_TAKEN.equals(Api.type(r)))
                .toList();
        assertEquals(3, decisions.size());
        JsonNode approved = new ObjectMapper().readTree(decisions.get(1).value());
        assertEquals("APPROVED", approved.get("outcome").asText());
        assertEquals("SUPERVISORY_BOARD", approved.get("body").asText());
        assertEquals("DESIGNATE_FOCUS_PARTNER", approved.get("kind").asText());
        assertEquals(aarhus, approved.get("subjectId").asText());
    }

    @Test
    void theBoardPostponesAFocusPartnerDecisionToADayItNames() throws Exception {
        String goeteborg = partner("Göteborg " + UUID.randomUUID(), "CITY", "SE");
        Map<String, Object> deferred = new HashMap<>(decision("DESIGNATE_FOCUS_PARTNER", "DEFERRED", "2024-11-20"));
        as(DECIDER)
                .body(deferred)
                .when()
                .post("/partners/" + goeteborg + "/decisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("revisitOn"))
                .body("detail", containsString("required"));
        deferred.put("revisitOn", "2024-11-20");
        as(DECIDER)
                .body(deferred)
                .when()
                .post("/partners/" + goeteborg + "/decisions")
                .then()
                .statusCode(400)
                .body("detail", containsString("after"));
        Map<String, Object> approvedWithDate =
                new HashMap<>(decision("DESIGNATE_FOCUS_PARTNER", "APPROVED", "2024-11-20"));
        approvedWithDate.put("revisitOn", "2025-03-19");
        as(DECIDER)
                .body(approvedWithDate)
                .when()
                .post("/partners/" + goeteborg + "/decisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("revisitOn"));
        as(VIEWER).when().get("/partners/" + goeteborg + "/decisions").then().body("", hasSize(0));

        deferred.put("revisitOn", "2025-03-19");
        as(DECIDER)
                .body(deferred)
                .when()
                .post("/partners/" + goeteborg + "/decisions")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("DEFERRED"))
                .body("revisitOn", equalTo("2025-03-19"));
        as(VIEWER)
                .queryParam("partnerId", goeteborg)
                .queryParam("kind", "FOCUS_PARTNER")
                .when()
                .get("/relations")
                .then()
                .body("totalItems", equalTo(0));
        JsonNode taken = new ObjectMapper()
                .readTree(Api.events(
                                goeteborg,
                                rs -> rs.stream().anyMatch(r -> EventTypes.DECISION_TAKEN.equals(Api.type(r))))
                        .stream()
                        .filter(r -> EventTypes.DECISION_TAKEN.equals(Api.type(r)))
                        .findFirst()
                        .orElseThrow()
                        .value());
        assertEquals("DEFERRED", taken.get("outcome").asText());
        assertEquals("2025-03-19", taken.get("revisitOn").asText());
    }

    @Test
    void retiredPartnerCannotBecomeFocusPartner() {
        String gone = partner("Gone " + UUID.randomUUID(), "CITY", "DK");
        as(COORDINATOR).when().post("/partners/" + gone + "/retire").then().statusCode(200);
        as(DECIDER)
                .body(decision("DESIGNATE_FOCUS_PARTNER", "APPROVED", "2024-11-20"))
                .when()
                .post("/partners/" + gone + "/decisions")
                .then()
                .statusCode(409);
        as(VIEWER)
                .when()
                .get("/partners/" + gone + "/engagement")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
    }

    private static Map<String, Object> score(String partnerId, String criterion, int score) {
        return Map.of("partnerId", partnerId, "criterion", criterion, "score", score);
    }

    private static Map<String, Object> decision(String kind, String outcome, String date) {
        return Map.of(
                "kind",
                kind,
                "body",
                "SUPERVISORY_BOARD",
                "decidedOn",
                date,
                "outcome",
                outcome,
                "minutesReference",
                "AR-Sitzung 2024/4, TOP 5");
    }
}
