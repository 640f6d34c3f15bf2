package de.kielregion.kooperation.projects.membership;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.projects.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** memberships-service's events reach projects-service through the real topic and the inbox. */
@QuarkusTest
class MembershipEventsTest {

    private static final String TOPIC = "cooperation.memberships.v1";
    private static final String SOURCE = "/ostsee-kooperation/memberships-service";

    private static Map<String, Object> feeRequest(UUID requestId, UUID membership, String amount, int year) {
        Map<String, Object> data = new HashMap<>();
        data.put("requestId", requestId.toString());
        data.put("subjectType", "Membership");
        data.put("subjectId", membership.toString());
        data.put("subjectName", "Mitgliedschaft in UBC (KielRegion)");
        data.put("holder", "KIELREGION");
        data.put("year", year);
        data.put("category", "MEMBERSHIP_FEES");
        data.put("amount", amount);
        data.put("currency", "EUR");
        data.put("someFieldFromTheFuture", List.of(1, 2, 3));
        return data;
    }

    @Test
    void feeRequestIsBookedOnceAndAnswered() {
        int year = 2094;
        as(COORDINATOR)
                .body(Map.of("amount", "5000.00"))
                .when()
                .put("/budget/" + year + "/lines/MEMBERSHIP_FEES")
                .then()
                .statusCode(200);
        UUID membership = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        String eventId = Api.publish(
                TOPIC,
                SOURCE,
                "cooperation.resources.requested.v1",
                membership.toString(),
                "Membership",
                feeRequest(request, membership, "3900.00", year));
        // The same event again (redelivery), and the same request in a new event (a retried send).
        Api.publishWithId(
                eventId,
                TOPIC,
                SOURCE,
                "cooperation.resources.requested.v1",
                membership.toString(),
                "Membership",
                feeRequest(request, membership, "3900.00", year));
        String retried = Api.publish(
                TOPIC,
                SOURCE,
                "cooperation.resources.requested.v1",
                membership.toString(),
                "Membership",
                feeRequest(request, membership, "3900.00", year));
        // A second membership asks for more than is left.
        UUID other = UUID.randomUUID();
        Api.publish(
                TOPIC,
                SOURCE,
                "cooperation.resources.requested.v1",
                other.toString(),
                "Membership",
                feeRequest(UUID.randomUUID(), other, "1500.00", year));

        List<ConsumerRecord<String, String>> answer = Api.events(other.toString(), rs -> !rs.isEmpty());
        assertEquals(EventTypes.ALLOCATION_REJECTED, Api.type(answer.get(0)));
        assertTrue(
                answer.get(0).value().contains("1.100,00\u00a0€ frei, 1.500,00\u00a0€ angefragt"),
                answer.get(0).value());
        // One key, one partition: once the last of the three is in the inbox, all three were consumed.
        awaitCount(2, "SELECT count(*) FROM inbox_event WHERE id IN (?, ?)", eventId, retried);
        assertEquals(
                1,
                count("SELECT count(*) FROM allocation WHERE subject_id = ?::uuid", membership.toString()),
                "one booking for the one request");
        assertEquals(
                1,
                count("SELECT count(*) FROM outbox_event WHERE aggregateid = ?", membership.toString()),
                "one answer for the one request");
        List<ConsumerRecord<String, String>> booked = Api.events(membership.toString(), rs -> !rs.isEmpty());
        assertEquals(EventTypes.RESOURCES_ALLOCATED, Api.type(booked.get(0)));
        as(VIEWER).when().get("/budget/" + year).then().body("lines[0].allocated", equalTo(3900.0f));
    }

    @Test
    void membershipDecisionsEnterTheRegisterAndResolveTheLinkedQuestion() {
        String tag = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String string = "S" + tag;
        String ubc = "U" + tag;
        String question = Api.membershipQuestion("Mitgliedschaft " + string + " & " + ubc, List.of(string, ubc));

        String joinUbc = decision("JOIN", "APPROVED", ubc);
        awaitRegistered(joinUbc);
        as(VIEWER)
                .queryParam("status", "OPEN")
                .when()
                .get("/open-questions")
                .then()
                .body("id", hasItem(question));

        String declineString = decision("DECLINE", "APPROVED", string);
        awaitRegistered(declineString);
        JsonPath resolved = as(VIEWER)
                .queryParam("status", "RESOLVED")
                .when()
                .get("/open-questions")
                .then()
                .extract()
                .jsonPath();
        assertTrue(resolved.getList("id").contains(question), "resolved once both organisations are decided");
        String answer = resolved.getString("find { it.id == '" + question + "' }.answer");
        assertTrue(
                answer.contains(string + ": kein Beitritt genehmigt") && answer.contains(ubc + ": Beitritt genehmigt"),
                answer);
        assertEquals(declineString, resolved.getString("find { it.id == '" + question + "' }.resolvedByDecision"));
        as(VIEWER)
                .queryParam("service", "memberships-service")
                .queryParam("size", 500)
                .when()
                .get("/decisions")
                .then()
                .body("items.id", hasItem(joinUbc));
    }

    @Test
    void aPostponedJoinAnswersNoQuestionAndWaitsUntilTheBoardDecidesAgain() {
        String ubc = "D" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        UUID membership = UUID.randomUUID();
        String question = Api.membershipQuestion("Mitgliedschaft " + ubc, List.of(ubc));

        String deferred = decision("JOIN", "DEFERRED", ubc, membership, "2024-11-20", "2025-03-19");
        awaitRegistered(deferred);
        as(VIEWER)
                .queryParam("status", "OPEN")
                .when()
                .get("/open-questions")
                .then()
                .body("id", hasItem(question));
        as(VIEWER)
                .queryParam("outcome", "DEFERRED")
                .queryParam("size", 500)
                .when()
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + deferred + "' }.revisitOn", equalTo("2025-03-19"));
        as(VIEWER)
                .when()
                .get("/decisions/deferred")
                .then()
                .statusCode(200)
                .body("find { it.decision.id == '" + deferred + "' }.due", equalTo(true));
        as(VIEWER)
                .queryParam("outcome", "POSTPONED")
                .when()
                .get("/decisions")
                .then()
                .statusCode(400);

        String joined = decision("JOIN", "APPROVED", ubc, membership, "2025-03-19", null);
        awaitRegistered(joined);
        as(VIEWER).when().get("/decisions/deferred").then().body("decision.id", not(hasItem(deferred)));
        as(VIEWER)
                .queryParam("status", "RESOLVED")
                .when()
                .get("/open-questions")
                .then()
                .body(
                        "find { it.id == '" + question + "' }.answer",
                        equalTo(ubc + ": Beitritt genehmigt (Aufsichtsrat, 19.03.2025)"));
    }

    @Test
    void aPaidFeeIsSpentAgainstItsAllocationOnce() {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear();
        UUID membership = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        // This year's line (other tests may have set it: then at its version), with room.
        Object version = as(COORDINATOR)
                .when()
                .get("/budget/" + year)
                .then()
                .statusCode(200)
                .extract()
                .path("lines.find { it.category == 'MEMBERSHIP_FEES' }.version");
        Map<String, Object> line = new HashMap<>(Map.of("amount", "900000.00"));
        if (version != null) {
            line.put("version", version);
        }
        as(COORDINATOR)
                .body(line)
                .when()
                .put("/budget/" + year + "/lines/MEMBERSHIP_FEES")
                .then()
                .statusCode(200);
        Api.publish(
                TOPIC,
                SOURCE,
                "cooperation.resources.requested.v1",
                membership.toString(),
                "Membership",
                feeRequest(request, membership, "1200.00", year));
        awaitCount(
                1,
                "SELECT count(*) FROM allocation WHERE subject_id = ?::uuid AND status = 'ALLOCATED'",
                membership.toString());
        Map<String, Object> paid = new HashMap<>();
        paid.put("membershipId", membership.toString());
        paid.put("organisationAcronym", "UBC");
        paid.put("holder", "KIELREGION");
        paid.put("year", year);
        paid.put("requestId", request.toString());
        paid.put("amount", "1200.00");
        paid.put(
                "paidOn",
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString());
        paid.put("invoiceNumber", "UBC-" + year + "-1");
        String first =
                Api.publish(TOPIC, SOURCE, EventTypes.MEMBERSHIP_FEE_PAID, membership.toString(), "Membership", paid);
        // The same payment announced again (a retried send): spent once.
        String again =
                Api.publish(TOPIC, SOURCE, EventTypes.MEMBERSHIP_FEE_PAID, membership.toString(), "Membership", paid);
        awaitCount(2, "SELECT count(*) FROM inbox_event WHERE id IN (?, ?)", first, again);
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM expenditure WHERE subject_id = ?::uuid AND amount = 1200.00"
                                + " AND description LIKE 'Mitgliedsbeitrag % UBC (Rechnung UBC-%)'",
                        membership.toString()));
    }

    @Inject
    AgroalDataSource dataSource;

    private long count(String sql, String... parameters) {
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setString(i + 1, parameters[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitCount(long expected, String sql, String... parameters) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(sql, parameters) != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertEquals(expected, count(sql, parameters), sql);
    }

    private static String decision(String kind, String outcome, String acronym) {
        return decision(kind, outcome, acronym, UUID.randomUUID(), "2024-11-20", null);
    }

    private static String decision(
            String kind, String outcome, String acronym, UUID membership, String decidedOn, String revisitOn) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> data = Api.membershipDecision(id, kind, outcome, acronym, membership, decidedOn, revisitOn);
        Api.publish(TOPIC, SOURCE, "cooperation.decision.taken.v1", membership.toString(), "Membership", data);
        return id;
    }

    private static void awaitRegistered(String decisionId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> ids = as(VIEWER)
                    .queryParam("size", 500)
                    .when()
                    .get("/decisions")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("items.id");
            if (ids.contains(decisionId)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("decision " + decisionId + " did not reach the register");
    }
}
