package de.kielregion.kooperation.memberships.membership;

import static de.kielregion.kooperation.memberships.Api.COORDINATOR;
import static de.kielregion.kooperation.memberships.Api.as;
import static de.kielregion.kooperation.memberships.Api.organisation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.infra.testing.TopicReader;
import de.kielregion.kooperation.memberships.Api;
import de.kielregion.kooperation.memberships.membership.MembershipApi.DecisionRequest;
import de.kielregion.kooperation.memberships.membership.MembershipDecision.Kind;
import de.kielregion.kooperation.memberships.membership.MembershipDecision.Outcome;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The service level: one transaction for a decision and its events, and the funding answer. */
@QuarkusTest
class DecisionTransactionTest {

    @Inject
    MembershipService memberships;

    @Inject
    MembershipDecisions decisions;

    @Inject
    MembershipFunding funding;

    @Inject
    AgroalDataSource dataSource;

    private String proposedWithFee() {
        String org =
                organisation("T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        String id = as(COORDINATOR)
                .body(Map.of(
                        "holder", "PLOEN", "organisationId", org, "yearlyFee", "800.00", "startDate", "2025-01-01"))
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return id;
    }

    @Test
    void aRolledBackJoinDecisionLeavesNeitherStatusNorEvents() throws Exception {
        UUID id = UUID.fromString(proposedWithFee());
        QuarkusTransaction.begin();
        decisions.decide(
                id,
                new DecisionRequest(
                        Kind.JOIN,
                        DecisionBody.SUPERVISORY_BOARD,
                        LocalDate.of(2025, 2, 1),
                        Outcome.APPROVED,
                        null,
                        null,
                        null,
                        null));
        assertEquals(
                2,
                outboxRows(id, List.of(EventTypes.DECISION_TAKEN, EventTypes.RESOURCES_REQUESTED), true),
                "inside the transaction both events are recorded");
        QuarkusTransaction.rollback();

        assertEquals(MembershipStatus.CANDIDATE, memberships.get(id).status());
        assertEquals(0, outboxRows(id, List.of(EventTypes.DECISION_TAKEN, EventTypes.RESOURCES_REQUESTED), false));
        // The committed join of another membership arrives; the rolled-back one never does.
        UUID marker = UUID.fromString(proposedWithFee());
        QuarkusTransaction.requiringNew()
                .run(() -> decisions.decide(
                        marker,
                        new DecisionRequest(
                                Kind.JOIN,
                                DecisionBody.MANAGEMENT,
                                LocalDate.of(2025, 2, 1),
                                Outcome.APPROVED,
                                null,
                                null,
                                null,
                                null)));
        List<ConsumerRecord<String, String>> markerEvents = Api.events(
                marker.toString(), rs -> rs.stream().anyMatch(r -> EventTypes.RESOURCES_REQUESTED.equals(Api.type(r))));
        assertTrue(markerEvents.stream().anyMatch(r -> EventTypes.DECISION_TAKEN.equals(Api.type(r))));
        List<ConsumerRecord<String, String>> events;
        try (TopicReader reader = new TopicReader(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Api.TOPIC)) {
            events = reader.readToEnd(Duration.ofSeconds(30)).stream()
                    .filter(r -> id.toString().equals(r.key()))
                    .toList();
        }
        assertEquals(EventTypes.MEMBERSHIP_PROPOSED, Api.type(events.get(0)), "its proposal was published");
        assertFalse(events.stream().anyMatch(r -> EventTypes.DECISION_TAKEN.equals(Api.type(r))));
        assertFalse(events.stream().anyMatch(r -> EventTypes.RESOURCES_REQUESTED.equals(Api.type(r))));
    }

    @Test
    void fundingAnswerActivatesOrKeepsWaitingWithTheReason() throws Exception {
        UUID id = UUID.fromString(proposedWithFee());
        QuarkusTransaction.requiringNew()
                .run(() -> decisions.decide(
                        id,
                        new DecisionRequest(
                                Kind.JOIN,
                                DecisionBody.SUPERVISORY_BOARD,
                                LocalDate.of(2025, 2, 1),
                                Outcome.APPROVED,
                                "Beitrag aus Linie 2025",
                                null,
                                null,
                                null)));
        assertEquals(MembershipStatus.AWAITING_FUNDING, memberships.get(id).status());

        UUID first = pendingRequest(id);
        assertEquals(
                MembershipStatus.AWAITING_FUNDING,
                funding.applyFundingAnswer(id, UUID.randomUUID(), true, null).status(),
                "an answer to another request changes nothing");
        var rejected =
                funding.applyFundingAnswer(id, first, false, "MEMBERSHIP_FEES 2025: 300.00 EUR free, 800.00 asked");
        assertEquals(MembershipStatus.AWAITING_FUNDING, rejected.status());
        assertEquals("MEMBERSHIP_FEES 2025: 300.00 EUR free, 800.00 asked", rejected.fundingNote());

        as(COORDINATOR)
                .when()
                .post("/memberships/" + id + "/funding-request")
                .then()
                .statusCode(200);
        UUID second = pendingRequest(id);
        assertFalse(first.equals(second), "asking again is a new request");
        assertEquals(
                MembershipStatus.AWAITING_FUNDING,
                funding.applyFundingAnswer(id, first, true, null).status(),
                "a late answer to the first request does not count");
        var active = funding.applyFundingAnswer(id, second, true, null);
        assertEquals(MembershipStatus.ACTIVE, active.status());
        assertNull(active.fundingNote());
        assertEquals(LocalDate.of(2026, 1, 1), active.renewalDate(), "start date + one 12-month term");
        // A repeated answer changes nothing.
        assertEquals(
                active.version(),
                funding.applyFundingAnswer(id, second, true, null).version());
    }

    private UUID pendingRequest(UUID id) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT pending_request FROM membership WHERE id = ?")) {
            s.setObject(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private long outboxRows(UUID id, List<String> types, boolean sameTransaction) throws Exception {
        String sql = "SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND type = ANY (?)";
        if (sameTransaction) {
            // The test's transaction: the service's own EntityManager sees the pending rows after a flush.
            return (Long) io.quarkus.arc.Arc.container()
                    .instance(jakarta.persistence.EntityManager.class)
                    .get()
                    .createQuery("SELECT count(e) FROM OutboxEvent e WHERE e.aggregateId = :id AND e.type IN :types")
                    .setParameter("id", id.toString())
                    .setParameter("types", types)
                    .getSingleResult();
        }
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setString(1, id.toString());
            s.setArray(2, c.createArrayOf("varchar", types.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
