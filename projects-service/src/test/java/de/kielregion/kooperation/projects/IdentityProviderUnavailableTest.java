package de.kielregion.kooperation.projects;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.platform.problem.IdentityProviderUnavailable;
import io.quarkus.oidc.OIDCException;
import org.junit.jupiter.api.Test;

/**
 * Found by the fault campaign (seed 20261208): memberships-service restarted while Keycloak was
 * stopped answered every request 500 ("OIDC Server is not available") until Keycloak was back.
 * The platform answers it 503 with Retry-After; it recognises Quarkus OIDC's exception by name,
 * checked here against the real class.
 */
class IdentityProviderUnavailableTest {

    @Test
    void seed20261208OidcServerNotAvailableIsRecognised() {
        assertTrue(IdentityProviderUnavailable.causedBy(
                new RuntimeException(new OIDCException("OIDC Server is not available"))));
        assertFalse(IdentityProviderUnavailable.causedBy(new OIDCException("Tenant configuration is invalid")));
        assertFalse(IdentityProviderUnavailable.causedBy(new IllegalStateException("OIDC Server is not available")));
    }
}
