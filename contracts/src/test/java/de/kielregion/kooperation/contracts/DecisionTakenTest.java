package de.kielregion.kooperation.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payload written by a producer is read back whole, and old and new payloads are read too. */
class DecisionTakenTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** As consumers read (platform IncomingEvent.dataAs): unknown fields and enum values tolerated. */
    private final ObjectReader tolerant = mapper.readerFor(DecisionTaken.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    @Test
    void everyFieldSurvivesTheWire() throws Exception {
        DecisionTaken taken = new DecisionTaken(
                UUID.randomUUID(),
                "memberships-service",
                "Membership",
                UUID.randomUUID(),
                "UBC membership of KIEL",
                "JOIN",
                DecisionBody.ADMINISTRATIVE_HEADS,
                LocalDate.of(2025, 2, 1),
                DecisionOutcome.APPROVED_WITH_CONDITIONS,
                "Beitrag aus Linie 2025",
                "HA 2025/3",
                "eine Notiz",
                Shareholder.KIEL,
                UUID.randomUUID(),
                "UBC",
                LocalDate.of(2025, 6, 1),
                UUID.randomUUID());
        String json = mapper.writeValueAsString(taken);
        assertEquals(taken, tolerant.readValue(json));
    }

    @Test
    void anOlderPayloadWithoutOptionalFieldsIsRead() throws Exception {
        String older = """
                {"decisionId":"6f1c2a8e-2f0b-4a57-9d0e-0b6d8c0f4a11","service":"partners-service",
                 "subjectType":"Partner","subjectId":"0d7e9a3c-5b1f-4e2a-8c6d-3f2a1b0c9e8d","subjectName":"Aarhus",
                 "kind":"DESIGNATE_FOCUS_PARTNER","body":"SUPERVISORY_BOARD","decidedOn":"2024-11-20",
                 "outcome":"APPROVED"}""";
        DecisionTaken taken = tolerant.readValue(older);
        assertEquals("Aarhus", taken.subjectName());
        assertEquals(DecisionOutcome.APPROVED, taken.outcome());
        assertNull(taken.note());
        assertNull(taken.shareholder());
        assertNull(taken.revisitOn(), "revisitOn came later: a v1 event without it reads as not deferred");
    }

    @Test
    void aNewerPayloadWithFieldsAndValuesThisReaderDoesNotKnowIsRead() throws Exception {
        String newer = """
                {"decisionId":"6f1c2a8e-2f0b-4a57-9d0e-0b6d8c0f4a12","kind":"JOIN","decidedOn":"2025-02-01",
                 "body":"GENERAL_ASSEMBLY","outcome":"APPROVED","votes":{"yes":7,"no":2},"note":"neu"}""";
        DecisionTaken taken = tolerant.readValue(newer);
        assertNull(taken.body(), "an unknown body is null, not a failure");
        assertEquals("neu", taken.note());
        assertEquals(LocalDate.of(2025, 2, 1), taken.decidedOn());
    }
}
