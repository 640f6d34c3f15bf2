package de.kielregion.kooperation.memberships.membership;

import static de.kielregion.kooperation.memberships.Api.COORDINATOR;
import static de.kielregion.kooperation.memberships.Api.DECIDER;
import static de.kielregion.kooperation.memberships.Api.KIEL;
import static de.kielregion.kooperation.memberships.Api.VIEWER;
import static de.kielregion.kooperation.memberships.Api.as;
import static de.kielregion.kooperation.memberships.Api.organisation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.infra.testing.Workbooks;
import de.kielregion.kooperation.memberships.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MembershipResourceTest {

    private static String acronym() {
        return "O" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static String candidate(String holder, String organisation) {
        return as(COORDINATOR)
                .body(Map.of(
                        "holder",
                        holder,
                        "organisationId",
                        organisation,
                        "expectedBenefits",
                        "Zugang zum Netzwerk der Ostseestädte",
                        "workingGroups",
                        List.of("Mobility"),
                        "evaluation",
                        Map.of(
                                "criteria",
                                        List.of(
                                                Map.of("key", "network", "name", "Netzwerkzugang", "weight", 2),
                                                Map.of("key", "cost", "name", "Kosten", "weight", 1)),
                                "scores",
                                        List.of(
                                                Map.of("criterion", "network", "score", 4),
                                                Map.of("criterion", "cost", "score", 1)))))
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .body("status", equalTo("CANDIDATE"))
                .body("evaluation.weightedTotal", equalTo(3.0f)) // (2·4 + 1·1) / 3
                .extract()
                .path("id");
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
                "AR 2024/4 TOP 6");
    }

    @Test
    void organisationFeeModelsAreValidated() {
        as(COORDINATOR)
                .body(Map.of(
                        "name",
                        "X",
                        "acronym",
                        acronym(),
                        "kind",
                        "CITY_NETWORK",
                        "seatCountry",
                        "PL",
                        "feeModel",
                        Map.of("type", "FLAT")))
                .when()
                .post("/organisations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("feeModel.flatFee"));
        as(COORDINATOR)
                .body(Map.of(
                        "name",
                        "X",
                        "acronym",
                        acronym(),
                        "kind",
                        "REGIONAL_COOPERATION",
                        "seatCountry",
                        "DK",
                        "feeModel",
                        Map.of(
                                "type",
                                "POPULATION_BAND",
                                "bands",
                                List.of(
                                        Map.of("fromPopulation", 0, "toPopulation", 100000, "fee", 2000),
                                        Map.of("fromPopulation", 150000, "fee", 5000)))))
                .when()
                .post("/organisations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("feeModel.bands[1].fromPopulation"));
        String acronym = acronym();
        organisation(acronym);
        as(COORDINATOR)
                .body(Map.of(
                        "name",
                        "Twice",
                        "acronym",
                        acronym,
                        "kind",
                        "OTHER",
                        "seatCountry",
                        "DE",
                        "feeModel",
                        Map.of("type", "FLAT", "flatFee", 1)))
                .when()
                .post("/organisations")
                .then()
                .statusCode(409);
        as(VIEWER).body(Map.of()).when().post("/organisations").then().statusCode(403);
    }

    @Test
    void joinDecisionRequestsTheFeeAndWaitsForFunding() throws Exception {
        String org = organisation(acronym());
        String id = candidate("KIELREGION", org);
        as(COORDINATOR)
                .body(Map.of("status", "ACTIVE"))
                .when()
                .post("/memberships/" + id + "/status")
                .then()
                .statusCode(409)
                .body("params.allowed", contains("UNDER_REVIEW"))
                .body("detail", containsString("allowed: under review"));
        as(COORDINATOR)
                .body(Map.of("status", "UNDER_REVIEW"))
                .when()
                .post("/memberships/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));

        as(DECIDER)
                .body(decision("JOIN", "APPROVED", "2024-11-20"))
                .when()
                .post("/memberships/" + id + "/decisions")
                .then()
                .statusCode(409)
                .body("detail", containsString("yearly fee"));
        as(COORDINATOR)
                .body(Map.of("yearlyFee", "3000.00", "validFrom", "2024-01-01"))
                .when()
                .post("/memberships/" + id + "/fees")
                .then()
                .statusCode(200);
        as(COORDINATOR)
                .body(Map.of("yearlyFee", "3500.50", "validFrom", "2025-07-01"))
                .when()
                .post("/memberships/" + id + "/fees")
                .then()
                .statusCode(200)
                .body("yearlyFee", contains(3000.0f, 3500.5f))
                .body("validTo", contains("2025-06-30", null));
        as(COORDINATOR)
                .body(Map.of("yearlyFee", "1", "validFrom", "2025-01-01"))
                .when()
                .post("/memberships/" + id + "/fees")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("validFrom"));

        as(COORDINATOR)
                .body(decision("JOIN", "APPROVED", "2024-11-20"))
                .when()
                .post("/memberships/" + id + "/decisions")
                .then()
                .statusCode(403);
        as(DECIDER)
                .body(decision("JOIN", "APPROVED", "2024-11-20"))
                .when()
                .post("/memberships/" + id + "/decisions")
                .then()
                .statusCode(201)
                .body("recordedBy", equalTo("decider-dirk"));
        as(VIEWER)
                .when()
                .get("/memberships/" + id)
                .then()
                .body("status", equalTo("AWAITING_FUNDING"))
                .body("currentYearlyFee", equalTo(3500.5f));
        as(DECIDER)
                .body(decision("JOIN", "APPROVED", "2024-11-21"))
                .when()
                .post("/memberships/" + id + "/decisions")
                .then()
                .statusCode(409);

        List<ConsumerRecord<String, String>> events =
                Api.events(id, rs -> rs.stream().anyMatch(r -> EventTypes.RESOURCES_REQUESTED.equals(Api.type(r))));
        List<String> types = events.stream().map(Api::type).toList();
        assertEquals(
                List.of(
                        EventTypes.MEMBERSHIP_PROPOSED,
                        EventTypes.MEMBERSHIP_STATUS_CHANGED,
                        EventTypes.MEMBERSHIP_FEE_CHANGED,
                        EventTypes.MEMBERSHIP_FEE_CHANGED,
                        EventTypes.DECISION_TAKEN,
                        EventTypes.MEMBERSHIP_STATUS_CHANGED,
                        EventTypes.RESOURCES_REQUESTED),
                types);
        JsonNode request = new ObjectMapper().readTree(events.get(6).value());
        // No start date: the year of the decision, 2024, whose fee on 1 January was 3000.00.
        assertEquals(2024, request.get("year").asInt());
        assertEquals("MEMBERSHIP_FEES", request.get("category").asText());
        assertEquals("3000.00", request.get("amount").decimalValue().setScale(2).toPlainString());
        assertEquals("KIELREGION", request.get("holder").asText());
    }

    @Test
    void theBoardPostponesAJoinDecisionAndTheMembershipStaysUnderReview() throws Exception {
        String org = organisation(acronym());
        String id = candidate("KIELREGION", org);
        as(COORDINATOR)
                .body(Map.of("status", "UNDER_REVIEW"))
                .when()
                .post("/memberships/" + id + "/status")
                .then()
                .statusCode(200);
        Map<String, Object> deferred = new HashMap<>(decision("JOIN", "DEFERRED", "2024-11-20"));
        as(DECIDER)
                .body(deferred)
                .when()
                .post("/memberships/" + id + "/decisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("revisitOn"));
        deferred.put("revisitOn", "2030-01-01");
        as(DECIDER)
                .body(deferred)
                .when()
                .post("/memberships/" + id + "/decisions")
                .then()
                .statusCode(400)
                .body("detail", containsString("within 5 years"));
        deferred.put("revisitOn", "2025-03-19");
        // No fee is needed to postpone: nothing is requested.
        as(DECIDER)
                .body(deferred)
                .when()
                .post("/memberships/" + id + "/decisions")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("DEFERRED"))
                .body("revisitOn", equalTo("2025-03-19"));
        as(VIEWER).when().get("/memberships/" + id).then().body("status", equalTo("UNDER_REVIEW"));

        List<ConsumerRecord<String, String>> events =
                Api.events(id, rs -> rs.stream().anyMatch(r -> EventTypes.DECISION_TAKEN.equals(Api.type(r))));
        assertEquals(
                List.of(
                        EventTypes.MEMBERSHIP_PROPOSED,
                        EventTypes.MEMBERSHIP_STATUS_CHANGED,
                        EventTypes.DECISION_TAKEN),
                events.stream().map(Api::type).toList());
        JsonNode taken = new ObjectMapper().readTree(events.get(2).value());
        assertEquals("DEFERRED", taken.get("outcome").asText());
        assertEquals("2025-03-19", taken.get("revisitOn").asText());
    }

    @Test
    void shareholderWritesOnlyMembershipsItHolds() {
        String org = organisation(acronym());
        as(KIEL).body(Map.of("holder", "KIEL", "organisationId", org))
                .when()
                .post("/memberships")
                .then()
                .statusCode(201);
        as(KIEL).body(Map.of("holder", "PLOEN", "organisationId", org))
                .when()
                .post("/memberships")
                .then()
                .statusCode(403);
        // Recording an ACTIVE membership skips decision and funding: not the shareholder's to do.
        as(KIEL).body(Map.of(
                        "holder",
                        "KIEL",
                        "organisationId",
                        organisation(acronym()),
                        "status",
                        "ACTIVE",
                        "startDate",
                        "2024-01-01",
                        "renewalDate",
                        "2025-01-01",
                        "yearlyFee",
                        "1.00"))
                .when()
                .post("/memberships")
                .then()
                .statusCode(403);
        as(KIEL).body(Map.of("holder", "KIEL", "organisationId", org))
                .when()
                .post("/memberships")
                .then()
                .statusCode(409)
                .body("detail", containsString("already has an open membership"));
        String ploen = as(COORDINATOR)
                .body(Map.of("holder", "PLOEN", "organisationId", org))
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(KIEL).body(Map.of("status", "UNDER_REVIEW"))
                .when()
                .post("/memberships/" + ploen + "/status")
                .then()
                .statusCode(403);
        as(KIEL).body(Map.of(
                        "holder",
                        "KIEL",
                        "organisationId",
                        organisation(acronym()),
                        "workingGroups",
                        List.of("Sailing")))
                .when()
                .post("/memberships")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("workingGroups"));
        as(VIEWER)
                .queryParam("organisationId", org)
                .queryParam("sort", "holder")
                .when()
                .get("/memberships")
                .then()
                .statusCode(200)
                .body("items.holder", contains("KIEL", "PLOEN"));
    }

    @Test
    void deadlinesListWhatMustBeCancelledSoon() {
        LocalDate today = LocalDate.now();
        String org = organisation(acronym());
        String other = organisation(acronym());
        LocalDate soon = today.plusDays(60);
        LocalDate later = today.plusDays(400);
        String soonId = existing("RENDSBURG_ECKERNFOERDE", org, soon, "P1M");
        String laterId = existing("RENDSBURG_ECKERNFOERDE", other, later, "P1M");

        as(VIEWER)
                .queryParam("within", "P90D")
                .when()
                .get("/memberships/deadlines")
                .then()
                .statusCode(200)
                .body("membershipId", hasItem(soonId))
                .body("membershipId", not(hasItem(laterId)))
                .body(
                        "find { it.membershipId == '" + soonId + "' }.lastNoticeDay",
                        equalTo(soon.minusMonths(1).toString()))
                .body("find { it.membershipId == '" + soonId + "' }.renewal", equalTo(soon.toString()));
        as(VIEWER)
                .queryParam("within", "P2Y")
                .when()
                .get("/memberships/deadlines")
                .then()
                .body("membershipId", hasItem(laterId));
        as(VIEWER)
                .queryParam("within", "soon")
                .when()
                .get("/memberships/deadlines")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("within"));

        // Terminating now: the deadline of the renewal in 60 days has not passed, so it ends then.
        as(DECIDER)
                .body(decision("TERMINATE", "APPROVED", today.toString()))
                .when()
                .post("/memberships/" + soonId + "/decisions")
                .then()
                .statusCode(201);
        as(VIEWER)
                .when()
                .get("/memberships/" + soonId)
                .then()
                .body("status", equalTo("NOTICE_GIVEN"))
                .body("endDate", equalTo(soon.toString()))
                .body("lastNoticeDay", nullValue());
        as(COORDINATOR)
                .body(Map.of("status", "ENDED"))
                .when()
                .post("/memberships/" + soonId + "/status")
                .then()
                .statusCode(409)
                .body("detail", containsString("runs until"));
        as(VIEWER)
                .queryParam("within", "P2Y")
                .when()
                .get("/memberships/deadlines")
                .then()
                .body("membershipId", not(hasItem(soonId)));

        String csv = as(VIEWER)
                .queryParam("organisationId", other)
                .when()
                .get("/memberships/export/csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(2, csv.strip().split("\n").length, csv);
        String sheet = Workbooks.text(as(VIEWER)
                .queryParam("organisationId", other)
                .when()
                .get("/memberships/export/xlsx")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract()
                .asByteArray());
        assertTrue(sheet.contains(csv.strip().split("\n")[1].split(",")[0]), "the CSV's membership: " + sheet);
        as(VIEWER)
                .queryParam("status", "MAYBE")
                .when()
                .get("/memberships/export/xlsx")
                .then()
                .statusCode(400);
    }

    private static String existing(String holder, String org, LocalDate renewal, String notice) {
        Map<String, Object> body = new HashMap<>();
        body.put("holder", holder);
        body.put("organisationId", org);
        body.put("status", "ACTIVE");
        body.put("startDate", renewal.minusYears(1).toString());
        body.put("renewalDate", renewal.toString());
        body.put("noticePeriod", notice);
        body.put("yearlyFee", "1200.00");
        return as(COORDINATOR)
                .body(body)
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");
    }
}
