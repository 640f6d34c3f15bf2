package de.kielregion.kooperation.projects.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.projects.OpenQuestionResolved;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An open question is resolved once, by a decision, and says so in its event. */
class OpenQuestionTest {

    @Test
    void resolvedOnceByADecision() {
        OpenQuestion q = new OpenQuestion();
        q.id = UUID.randomUUID();
        q.measureId = UUID.randomUUID();
        q.text = "Mitgliedschaft in STRING?";
        q.status = OpenQuestion.Status.OPEN;
        UUID decision = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-27T10:00:00Z");

        Change change = q.resolve("STRING: JOIN APPROVED", decision, at);
        assertEquals(EventTypes.OPEN_QUESTION_RESOLVED, change.eventType());
        OpenQuestionResolved resolved = (OpenQuestionResolved) change.event().get();
        assertEquals(new OpenQuestionResolved(q.id, q.measureId, q.text, "STRING: JOIN APPROVED", decision), resolved);
        assertEquals(OpenQuestion.Status.RESOLVED, q.status);
        assertEquals(at, q.resolvedAt);

        ProblemException again =
                assertThrows(ProblemException.class, () -> q.resolve("anders", UUID.randomUUID(), at.plusSeconds(1)));
        assertEquals(409, again.problem().getStatus());
        assertEquals("STRING: JOIN APPROVED", q.answer, "the first answer stays");
        assertEquals(decision, q.resolvedByDecision);
    }
}
