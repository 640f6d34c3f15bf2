package de.kielregion.kooperation.projects.decision;

import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.DecisionOutcome;
import de.kielregion.kooperation.contracts.DecisionTaken;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.Topics;
import de.kielregion.kooperation.projects.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Decisions other services took arrive in the register with every field of the contract's
 * DecisionTaken, the partner decision's note included; an older or newer producer's payload is
 * still read (tolerant reader).
 */
@QuarkusTest
class ExternalDecisionsTest {

    private static final String PARTNERS = "/ostsee-kooperation/partners-service";

    @Inject
    ObjectMapper mapper;

    @Test
    @SuppressWarnings("unchecked")
    void aPartnerDecisionArrivesWithItsNoteAndEveryField() {
        UUID partner = UUID.randomUUID();
        DecisionTaken taken = new DecisionTaken(
                UUID.randomUUID(),
                "partners-service",
                "Partner",
                partner,
                "Aarhus",
                "DESIGNATE_FOCUS_PARTNER",
                DecisionBody.SUPERVISORY_BOARD,
                LocalDate.of(2024, 11, 20),
                DecisionOutcome.APPROVED,
                null,
                "AR 2024/7",
                "Fokuspartner im Korridor Hamburg–Oslo",
                Shareholder.KIELREGION,
                null,
                null,
                null,
                null);
        Api.publish(
                Topics.PARTNERS,
                PARTNERS,
                EventTypes.DECISION_TAKEN,
                partner.toString(),
                "Partner",
                mapper.convertValue(taken, Map.class));
        JsonPath entry = awaitEntry(taken.decisionId().toString());
        assertEquals("Fokuspartner im Korridor Hamburg–Oslo", entry.getString("note"));
        assertEquals("partners-service", entry.getString("service"));
        assertEquals("Partner", entry.getString("subjectType"));
        assertEquals(partner.toString(), entry.getString("subjectId"));
        assertEquals("Aarhus", entry.getString("subjectName"));
        assertEquals("DESIGNATE_FOCUS_PARTNER", entry.getString("kind"));
        assertEquals("SUPERVISORY_BOARD", entry.getString("body"));
        assertEquals("2024-11-20", entry.getString("decidedOn"));
        assertEquals("APPROVED", entry.getString("outcome"));
        assertEquals("AR 2024/7", entry.getString("minutesReference"));
    }

    @Test
    void anOlderPayloadWithoutTheNewFieldsAndANewerOneWithMoreAreBothRead() {
        UUID partner = UUID.randomUUID();
        Map<String, Object> older = new HashMap<>();
        String olderId = UUID.randomUUID().toString();
        older.put("decisionId", olderId);
        older.put("service", "partners-service");
        older.put("subjectType", "Partner");
        older.put("subjectId", partner.toString());
        older.put("subjectName", "Göteborg");
        older.put("kind", "DESIGNATE_FOCUS_PARTNER");
        older.put("body", "MANAGEMENT");
        older.put("decidedOn", "2024-10-01");
        older.put("outcome", "REJECTED");
        Api.publish(Topics.PARTNERS, PARTNERS, EventTypes.DECISION_TAKEN, partner.toString(), "Partner", older);
        JsonPath olderEntry = awaitEntry(olderId);
        assertNull(olderEntry.getString("note"));
        assertEquals("REJECTED", olderEntry.getString("outcome"));

        Map<String, Object> newer = new HashMap<>(older);
        String newerId = UUID.randomUUID().toString();
        newer.put("decisionId", newerId);
        newer.put("note", "mit neuem Feld");
        newer.put("votes", Map.of("yes", 7, "no", 2));
        newer.put("body", "GENERAL_ASSEMBLY");
        Api.publish(Topics.PARTNERS, PARTNERS, EventTypes.DECISION_TAKEN, partner.toString(), "Partner", newer);
        JsonPath newerEntry = awaitEntry(newerId);
        assertEquals("mit neuem Feld", newerEntry.getString("note"));
        assertEquals("UNKNOWN", newerEntry.getString("body"), "a body this reader does not know yet");
    }

    private static JsonPath awaitEntry(String decisionId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath register = as(VIEWER)
                    .queryParam("service", "partners-service")
                    .queryParam("size", 100)
                    .when()
                    .get("/decisions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, Object> entry = register.getMap("items.find { it.id == '" + decisionId + "' }");
            if (entry != null) {
                return new JsonPath(register.prettify()).setRootPath("items.find { it.id == '" + decisionId + "' }");
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
