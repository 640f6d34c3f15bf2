package de.kielregion.kooperation.platform.security;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.problem.ProblemException;

/** The shareholder named in a URL. */
public final class Shareholders {

    private Shareholders() {}

    /** Parses a shareholder named in a URL; an unknown one is a 404 naming the known ones. */
    public static Shareholder fromPath(String value) {
        for (Shareholder s : Shareholder.values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        throw ProblemException.notFound(
                "Shareholder", "'" + value + "' (known: KIEL, RENDSBURG_ECKERNFOERDE, PLOEN, KIELREGION)");
    }
}
