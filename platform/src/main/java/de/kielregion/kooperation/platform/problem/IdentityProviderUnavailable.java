package de.kielregion.kooperation.platform.problem;

import java.util.Locale;

/**
 * Whether a request failed because the identity provider (Keycloak) could not be reached to check
 * its token: a service started while Keycloak was down has no signing keys yet, and Quarkus OIDC
 * raises {@code io.quarkus.oidc.OIDCException} "OIDC Server is not available" for every request
 * until it has them. Such a request is answered 503 with {@code Retry-After} (nothing was done:
 * the check runs before the operation). Matched by class name, since the platform does not
 * depend on the OIDC extension (the services do).
 */
public final class IdentityProviderUnavailable {

    static final String OIDC_EXCEPTION = "io.quarkus.oidc.OIDCException";

    private IdentityProviderUnavailable() {}

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t.getClass().getName().equals(OIDC_EXCEPTION)
                    && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("not available")) {
                return true;
            }
        }
        return false;
    }
}
