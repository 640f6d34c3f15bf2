package de.kielregion.kooperation.partners.decision;

/** Who decides: the supervisory board (Aufsichtsrat), the administrative heads, or management. */
public enum DecisionBody {
    SUPERVISORY_BOARD,
    ADMINISTRATIVE_HEADS,
    MANAGEMENT
}
