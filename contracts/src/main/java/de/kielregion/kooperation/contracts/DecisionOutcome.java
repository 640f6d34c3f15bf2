package de.kielregion.kooperation.contracts;

/**
 * How a decision came out. Partners, memberships and general decisions use APPROVED and
 * REJECTED; a project decision may also approve with conditions or defer; a decision that
 * answers an open question RESOLVED it.
 */
public enum DecisionOutcome {
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    REJECTED,
    DEFERRED,
    RESOLVED
}
