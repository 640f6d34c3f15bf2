package de.kielregion.kooperation.platform.decision;

import de.kielregion.kooperation.platform.problem.ProblemException;
import java.time.LocalDate;

/**
 * The one rule of a deferred decision, the same in every service: a board that postpones a
 * decision ("AR vertagt UBC") names the day to come back to it. That day is required for a
 * deferral, after the day of the decision and at most five years later; any other outcome has
 * none.
 */
public final class Deferral {

    /** How far ahead a decision may be postponed. */
    public static final int MAX_YEARS = 5;

    private Deferral() {}

    /**
     * Checks the revisit date of a decision; a 400 naming {@code revisitOn} otherwise.
     *
     * @return the revisit date to store: the given one for a deferral, null otherwise
     */
    public static LocalDate revisitOn(boolean deferred, LocalDate decidedOn, LocalDate revisitOn) {
        if (!deferred) {
            if (revisitOn != null) {
                throw ProblemException.invalid("revisitOn", "is only for a DEFERRED decision");
            }
            return null;
        }
        if (revisitOn == null) {
            throw ProblemException.invalid(
                    "revisitOn", "is required for a DEFERRED decision: the day the board comes back to it");
        }
        if (decidedOn != null && !revisitOn.isAfter(decidedOn)) {
            throw ProblemException.invalid("revisitOn", "must be after the day of the decision (" + decidedOn + ")");
        }
        if (decidedOn != null && revisitOn.isAfter(decidedOn.plusYears(MAX_YEARS))) {
            throw ProblemException.invalid(
                    "revisitOn", "must lie within " + MAX_YEARS + " years of the decision (" + decidedOn + ")");
        }
        return revisitOn;
    }
}
