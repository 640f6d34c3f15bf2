package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.platform.problem.ProblemException;
import java.math.BigDecimal;

/** What an indicator counts, and which values that allows. */
public enum IndicatorUnit {
    /** A number of things (events, agreements, publications): whole numbers. */
    COUNT(true, null),
    /** A number of people (participants, staff exchanged): whole numbers. */
    PERSONS(true, null),
    /** A share, 0 to 100. */
    PERCENT(false, new BigDecimal("100")),
    /** Money in euro, two decimals. */
    EUR(false, null);

    private final boolean whole;
    private final BigDecimal max;

    IndicatorUnit(boolean whole, BigDecimal max) {
        this.whole = whole;
        this.max = max;
    }

    /**
     * Refuses a value this unit does not allow (400 on {@code field}): negative, a fraction of a
     * whole number, more than 100 %.
     */
    public void check(BigDecimal value, String field) {
        if (value.signum() < 0) {
            throw ProblemException.refusal("indicator.value-negative")
                    .with("value", value)
                    .invalid(field);
        }
        if (whole && value.stripTrailingZeros().scale() > 0) {
            throw ProblemException.refusal("indicator.value-not-whole")
                    .with("value", value)
                    .with("unit", this)
                    .invalid(field);
        }
        if (max != null && value.compareTo(max) > 0) {
            throw ProblemException.refusal("indicator.value-above-max")
                    .with("value", value)
                    .with("max", max)
                    .invalid(field);
        }
    }
}
