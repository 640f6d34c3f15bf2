package de.kielregion.kooperation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The realm the chart imports, derived from the local stack's realm ({@code deploy/keycloak}),
 * so that roles, clients and mappers are written once: without demo users (people log in with
 * accounts the operators create), without the demo clients, with every client secret a
 * placeholder the Keycloak operator fills from a Kubernetes Secret, and with the public host
 * names (placeholders the chart replaces) instead of loopback addresses.
 */
final class ProductionRealm {

    /** Clients that exist for the local stack and the tests only. */
    static final Set<String> DEMO_CLIENTS = Set.of("demo-loader", "demo-test-login");

    /** Confidential client → the placeholder of its secret (keycloak.yaml fills them). */
    static final Map<String, String> SECRET_PLACEHOLDERS = Map.of(
            "ostsee-portal", "PORTAL_CLIENT_SECRET",
            "kiel-it", "KIEL_IT_CLIENT_SECRET",
            "rendsburg-eckernfoerde-it", "RENDSBURG_ECKERNFOERDE_IT_CLIENT_SECRET",
            "ploen-it", "PLOEN_IT_CLIENT_SECRET");

    /** Seconds a machine client's access token is valid. */
    static final int MACHINE_TOKEN_SECONDS = 300;

    /** Seconds a person's access token is valid (the portal refreshes it). */
    static final int TOKEN_SECONDS = 300;

    /** The password policy of the production realm (Keycloak's policy syntax). */
    static final String PASSWORD_POLICY =
            "length(12) and notUsername(undefined) and notEmail(undefined) and passwordHistory(5)";

    /** The browser flow of the production realm: the built-in one plus OTP for the admin role. */
    static final String BROWSER_FLOW = "browser with OTP for admins";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProductionRealm() {}

    /**
     * What the local realm leaves at Keycloak's defaults for convenience and production must not:
     * brute-force detection (a temporary lock after five failures, growing to 15 minutes), a
     * password policy, tokens of five minutes, and a one-time password for everyone with the
     * admin role (the Conditional OTP Form forces it for that role and skips it otherwise;
     * an admin without one is asked to set it up at the next log-in).
     */
    private static void harden(ObjectNode realm) {
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 5);
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("maxDeltaTimeSeconds", 43200);
        realm.put("quickLoginCheckMilliSeconds", 1000);
        realm.put("minimumQuickLoginWaitSeconds", 60);
        realm.put("passwordPolicy", PASSWORD_POLICY);
        realm.put("accessTokenLifespan", TOKEN_SECONDS);
        realm.put("browserFlow", BROWSER_FLOW);
        ArrayNode flows = realm.putArray("authenticationFlows");
        ArrayNode steps =
                flow(flows, BROWSER_FLOW, "Cookie, or user name and password; a one-time password for admins", true);
        execution(steps, "auth-cookie", "ALTERNATIVE", 10, null);
        ObjectNode forms = execution(steps, null, "ALTERNATIVE", 20, null);
        forms.put("authenticatorFlow", true);
        forms.put("autheticatorFlow", true); // the representation's historical spelling, still read
        forms.put("flowAlias", BROWSER_FLOW + " forms");
        ArrayNode formSteps = flow(
                flows, BROWSER_FLOW + " forms", "User name and password, then a one-time password for admins", false);
        execution(formSteps, "auth-username-password-form", "REQUIRED", 10, null);
        execution(formSteps, "auth-conditional-otp-form", "REQUIRED", 20, "otp-for-admins");
        ObjectNode config = realm.putArray("authenticatorConfig").addObject();
        config.put("alias", "otp-for-admins");
        config.putObject("config").put("forceOtpRole", "admin").put("defaultOtpOutcome", "skip");
    }

    /** A flow of the realm's own (not built in); its list of executions to fill. */
    private static ArrayNode flow(ArrayNode flows, String alias, String description, boolean topLevel) {
        ObjectNode flow = flows.addObject();
        flow.put("alias", alias);
        flow.put("description", description);
        flow.put("providerId", "basic-flow");
        flow.put("topLevel", topLevel);
        flow.put("builtIn", false);
        return flow.putArray("authenticationExecutions");
    }

    private static ObjectNode execution(
            ArrayNode steps, String authenticator, String requirement, int priority, String config) {
        ObjectNode step = steps.addObject();
        if (authenticator != null) {
            step.put("authenticator", authenticator);
        }
        step.put("requirement", requirement);
        step.put("priority", priority);
        step.put("authenticatorFlow", false);
        step.put("autheticatorFlow", false);
        step.put("userSetupAllowed", false);
        if (config != null) {
            step.put("authenticatorConfig", config);
        }
        return step;
    }

    static String derive(Path localRealm) {
        ObjectNode realm;
        try {
            realm = (ObjectNode) JSON.readTree(localRealm.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        realm.put("sslRequired", "external");
        realm.put("displayName", "Ostsee-Kooperation");
        harden(realm);
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (Iterator<JsonNode> it = clients.iterator(); it.hasNext(); ) {
            ObjectNode client = (ObjectNode) it.next();
            String id = client.get("clientId").asText();
            if (DEMO_CLIENTS.contains(id)) {
                it.remove();
                continue;
            }
            if (client.has("name")) {
                client.put(
                        "name",
                        client.get("name")
                                .asText()
                                .replaceAll("[;,]?\\s*\\(?DEMO secret\\)?", "")
                                .trim());
            }
            if (client.path("serviceAccountsEnabled").asBoolean()) {
                // A machine client's token lives briefly: a leaked one is soon worthless, and a
                // client fetches a new one with its secret whenever it needs one.
                ObjectNode attributes = client.has("attributes")
                        ? (ObjectNode) client.get("attributes")
                        : client.putObject("attributes");
                attributes.put("access.token.lifespan", String.valueOf(MACHINE_TOKEN_SECONDS));
            }
            if (client.has("secret")) {
                String placeholder = SECRET_PLACEHOLDERS.get(id);
                if (placeholder == null) {
                    throw new IllegalStateException("client " + id + " has a secret but no placeholder");
                }
                client.put("secret", "${" + placeholder + "}");
            }
            if (client.has("redirectUris")) {
                String host = id.equals("ostsee-portal") ? "PORTAL_HOST" : null;
                ArrayNode uris = JSON.createArrayNode();
                if (host != null) {
                    uris.add("https://" + host + "/*");
                } else {
                    for (String api : new String[] {"PARTNERS_HOST", "PROJECTS_HOST", "MEMBERSHIPS_HOST"}) {
                        uris.add("https://" + api + "/*");
                    }
                }
                client.set("redirectUris", uris);
                ArrayNode origins = JSON.createArrayNode();
                uris.forEach(u -> origins.add(u.asText().replace("/*", "")));
                client.set("webOrigins", origins);
                ObjectNode attributes = client.has("attributes") ? (ObjectNode) client.get("attributes") : null;
                if (attributes != null && attributes.has("post.logout.redirect.uris")) {
                    StringBuilder logout = new StringBuilder();
                    uris.forEach(
                            u -> logout.append(logout.isEmpty() ? "" : "##").append(u.asText()));
                    attributes.put("post.logout.redirect.uris", logout.toString());
                }
            }
        }
        ArrayNode users = (ArrayNode) realm.get("users");
        for (Iterator<JsonNode> it = users.iterator(); it.hasNext(); ) {
            JsonNode user = it.next();
            String owner = user.path("serviceAccountClientId").asText(null);
            // Only the service accounts of the shareholders' IT systems (they carry the role).
            if (owner == null || DEMO_CLIENTS.contains(owner)) {
                it.remove();
            }
        }
        try {
            return JSON.writeValueAsString(realm) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
