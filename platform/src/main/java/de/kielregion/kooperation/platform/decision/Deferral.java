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
                throw ProblemException.refusal("deferral.revisit-only-when-deferred")
                        .invalid("revisitOn");
            }
            return null;
        }
        if (revisitOn == null) {
            throw ProblemException.refusal("deferral.revisit-required").invalid("revisitOn");
        }
        if (decidedOn != null && !revisitOn.isAfter(decidedOn)) {
            throw ProblemException.refusal("deferral.revisit-after-decision")
                    .with("decidedOn", decidedOn)
                    .invalid("revisitOn");
        }
        if (decidedOn != null && revisitOn.isAfter(decidedOn.plusYears(MAX_YEARS))) {
            throw ProblemException.refusal("deferral.revisit-too-late")
                    .with("years", MAX_YEARS)
                    .with("decidedOn", decidedOn)
                    .invalid("revisitOn");
        }
        return revisitOn;
    }
}
