package de.kielregion.kooperation.contracts;

/** The bodies that take decisions on KielRegion's cooperation. */
public enum DecisionBody {
    SUPERVISORY_BOARD,
    ADMINISTRATIVE_HEADS,
    MANAGEMENT
}
