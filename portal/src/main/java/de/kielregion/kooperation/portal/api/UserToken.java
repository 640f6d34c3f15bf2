package de.kielregion.kooperation.portal.api;

import de.kielregion.kooperation.portal.i18n.RequestLanguage;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Calls a service as the signed-in user: with the user's language ({@code Accept-Language},
 * so that validation messages come back in it) and access token (from the code-flow session, kept on
 * the server side), so that the service, not the portal, decides what the user may do. Without
 * a signed-in user no token is sent, and the service answers 401.
 */
public class UserToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        try (InstanceHandle<RequestLanguage> ui = Arc.container().instance(RequestLanguage.class)) {
            if (ui.isAvailable() && Arc.container().requestContext().isActive()) {
                request.getHeaders()
                        .putSingle(HttpHeaders.ACCEPT_LANGUAGE, ui.get().lang());
            }
        }
        try (InstanceHandle<AccessTokenCredential> token = Arc.container().instance(AccessTokenCredential.class)) {
            if (token.isAvailable() && token.get() != null && token.get().getToken() != null) {
                request.getHeaders()
                        .putSingle(
                                HttpHeaders.AUTHORIZATION,
                                "Bearer " + token.get().getToken());
            }
        }
    }
}
