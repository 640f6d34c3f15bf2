package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.problem.Problem;
import de.kielregion.kooperation.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: responses carry the version as a strong ETag; an update
 * names the version it was based on, in {@code If-Match} or in the body's {@code version}.
 * A stale If-Match is a 412, a stale body version a 409; neither is a 428.
 */
public final class Versions {

    private Versions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * Checks that the client's version is the current one.
     *
     * @param ifMatch the If-Match header, or null
     * @param bodyVersion the version in the request body, or null
     */
    public static void requireCurrent(String ifMatch, Long bodyVersion, long current, String what) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            long expected = parseIfMatch(ifMatch);
            if (expected != current) {
                throw ProblemException.refusal("version.changed")
                        .with("what", what)
                        .with("current", String.valueOf(current))
                        .with("yours", String.valueOf(expected))
                        .preconditionFailed();
            }
            return;
        }
        if (bodyVersion != null) {
            if (bodyVersion != current) {
                throw ProblemException.refusal("version.changed")
                        .with("what", what)
                        .with("current", String.valueOf(current))
                        .with("yours", String.valueOf(bodyVersion))
                        .conflict();
            }
            return;
        }
        throw new ProblemException(new Problem(
                null,
                "Precondition Required",
                428,
                "Say which version of " + what + " your change is based on: send If-Match with its ETag, "
                        + "or 'version' in the body",
                null,
                null));
    }

    private static long parseIfMatch(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.refusal("version.if-match-invalid")
                    .with("ifMatch", ifMatch)
                    .badRequest();
        }
    }
}
