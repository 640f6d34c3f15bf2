package de.kielregion.kooperation.contracts;

/**
 * KielRegion's shareholders, and KielRegion itself as an actor. The values are those of the
 * {@code shareholder} claim in the tokens of the shareholders' machine clients and staff.
 */
public enum Shareholder {
    KIEL,
    RENDSBURG_ECKERNFOERDE,
    PLOEN,
    KIELREGION
}
