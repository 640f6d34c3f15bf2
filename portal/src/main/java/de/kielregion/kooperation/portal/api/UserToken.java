package de.kielregion.kooperation.portal.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.oidc.AccessTokenCredential;

/**
 * Calls a service with the signed-in user's access token (from the code-flow session, kept on
 * the server side), so that the service, not the portal, decides what the user may do. Without
 * a signed-in user no token is sent, and the service answers 401.
 */
public class UserToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        try (InstanceHandle<AccessTokenCredential> token = Arc.container().instance(AccessTokenCredential.class)) {
            if (token.isAvailable() && token.get() != null && token.get().getToken() != null) {
                request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.get().getToken());
            }
        }
    }
}
