package de.kielregion.kooperation.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds the log-in through Keycloak (OAuth 2 authorization code, PKCE in Swagger UI with the
 * public client {@code ostsee-swagger-ui}) as an alternative to a pasted bearer token on every
 * secured operation. Runs at start-up because the realm's address is known only then.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class KeycloakLogin implements OASFilter {

    /** Name of the OAuth 2 scheme in the document (Swagger UI shows it in its Authorize dialog). */
    public static final String SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Optional<String> realm =
                ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class);
        if (realm.isEmpty()
                || api.getComponents() == null
                || api.getComponents().getSecuritySchemes() == null) {
            return;
        }
        Components components = api.getComponents();
        Map<String, SecurityScheme> schemes = components.getSecuritySchemes();
        if (schemes.size() != 1) {
            return; // only the bearer scheme is expected next to which the log-in is offered
        }
        String bearer = schemes.keySet().iterator().next();
        String base = realm.get().replaceAll("/+$", "") + "/protocol/openid-connect";
        components.addSecurityScheme(
                SCHEME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("Log-in through KielRegion's Keycloak (authorization code with PKCE); "
                                + "machine clients send a bearer token from their client credentials instead")
                        .flows(OASFactory.createOAuthFlows()
                                .authorizationCode(OASFactory.createOAuthFlow()
                                        .authorizationUrl(base + "/auth")
                                        .tokenUrl(base + "/token")
                                        .scopes(Map.of()))));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() != null
                        && operation.getSecurity().stream().anyMatch(requirement -> requirement.hasScheme(bearer))) {
                    SecurityRequirement login =
                            OASFactory.createSecurityRequirement().addScheme(SCHEME);
                    operation.addSecurityRequirement(login);
                }
            }
        }
    }
}
