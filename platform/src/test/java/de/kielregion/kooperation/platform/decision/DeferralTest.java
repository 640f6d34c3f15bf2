package de.kielregion.kooperation.platform.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.platform.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeferralTest {

    private static final LocalDate DECIDED = LocalDate.of(2026, 11, 20);

    private static String refusal(boolean deferred, LocalDate revisitOn) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> Deferral.revisitOn(deferred, DECIDED, revisitOn));
        assertEquals(400, e.problem().getStatus());
        return e.getMessage();
    }

    @Test
    void aDeferralNamesADayAfterTheDecisionWithinFiveYears() {
        assertEquals(LocalDate.of(2027, 3, 1), Deferral.revisitOn(true, DECIDED, LocalDate.of(2027, 3, 1)));
        assertEquals(DECIDED.plusYears(5), Deferral.revisitOn(true, DECIDED, DECIDED.plusYears(5)));
        assertTrue(refusal(true, null).contains("required"));
        assertTrue(refusal(true, DECIDED).contains("after"));
        assertTrue(refusal(true, DECIDED.plusYears(5).plusDays(1)).contains("5 years"));
    }

    @Test
    void otherOutcomesHaveNoRevisitDate() {
        assertNull(Deferral.revisitOn(false, DECIDED, null));
        assertTrue(refusal(false, LocalDate.of(2027, 1, 1)).contains("only for a DEFERRED"));
    }
}
