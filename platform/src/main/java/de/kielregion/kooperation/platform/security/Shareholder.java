package de.kielregion.kooperation.platform.security;

/**
 * KielRegion's shareholders, and KielRegion itself as an actor. The values are those of the
 * {@code shareholder} claim in the tokens of the shareholders' machine clients and staff.
 */
public enum Shareholder {
    KIEL,
    RENDSBURG_ECKERNFOERDE,
    PLOEN,
    KIELREGION;

    /** Parses a shareholder named in a URL; an unknown one is a 404 naming the known ones. */
    public static Shareholder fromPath(String value) {
        for (Shareholder s : values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        throw de.kielregion.kooperation.platform.problem.ProblemException.notFound("Shareholder",
                "'" + value + "' (known: KIEL, RENDSBURG_ECKERNFOERDE, PLOEN, KIELREGION)");
    }
}
