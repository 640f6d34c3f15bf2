package de.kielregion.kooperation.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The realm the chart imports is the local stack's realm without its demo parts (derived, never
 * edited by hand: a changed local realm rewrites the chart's file and fails once, like the API
 * documents), and the import fills every secret from a Kubernetes Secret.
 */
class RealmImportTest {

    private static final Path LOCAL_REALM = Path.of("..", "keycloak", "ostsee-realm.json");
    private static final Path CHART_REALM = Rendered.CHART.resolve("files/ostsee-realm.json");

    @Test
    void theChartsRealmIsTheLocalRealmWithoutItsDemoParts() throws IOException {
        String derived = ProductionRealm.derive(LOCAL_REALM);
        String committed = Files.exists(CHART_REALM) ? Files.readString(CHART_REALM) : "";
        if (!derived.equals(committed)) {
            Files.writeString(CHART_REALM, derived);
        }
        assertEquals(derived, committed, CHART_REALM + " was out of date and has been rewritten: commit it");
    }

    @Test
    void theImportedRealmHasNoDemoUsersNoDemoClientsAndSecretsOnlyFromSecrets() {
        for (String values : new String[] {"values.yaml", "values-production.yaml"}) {
            Rendered chart = values.equals("values.yaml") ? Rendered.with() : Rendered.with(values);
            JsonNode spec = chart.kind("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport")
                    .get(0)
                    .path("spec");
            JsonNode realm = spec.path("realm");
            assertEquals("ostsee", realm.path("realm").asText());
            for (JsonNode user : realm.path("users")) {
                assertTrue(
                        user.has("serviceAccountClientId"),
                        "only the service accounts of the shareholders' IT systems: " + user.path("username"));
                assertFalse(user.has("credentials"), "no passwords");
            }
            Set<String> clients = new TreeSet<>();
            realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
            assertEquals(
                    new TreeSet<>(Set.of(
                            "ostsee-portal", "ostsee-swagger-ui", "kiel-it", "rendsburg-eckernfoerde-it", "ploen-it")),
                    clients);
            String text = Rendered.yaml(realm);
            assertFalse(text.toLowerCase().contains("demo"), "nothing of the demo in the realm");
            assertFalse(text.contains("127.0.0.1") || text.contains("localhost"), "public addresses only");
            assertTrue(text.contains("https://ostsee.kielregion.example/*"), "the portal's public address");
            Set<String> used = new TreeSet<>();
            Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text);
            while (m.find()) {
                used.add(m.group(1));
            }
            Set<String> filled = new TreeSet<>();
            spec.path("placeholders").fieldNames().forEachRemaining(filled::add);
            assertEquals(new TreeSet<>(ProductionRealm.SECRET_PLACEHOLDERS.values()), used);
            assertEquals(used, filled, "every placeholder filled from a Secret");
            spec.path("placeholders")
                    .forEach(p ->
                            assertFalse(p.path("secret").path("name").asText().isEmpty()));
        }
    }

    @Test
    void theProductionRealmIsHardened() {
        JsonNode realm = Rendered.with("values-production.yaml")
                .kind("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport")
                .get(0)
                .path("spec")
                .path("realm");
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force detection");
        assertEquals(5, realm.path("failureFactor").asInt());
        assertFalse(realm.path("permanentLockout").asBoolean(), "a temporary lock: no denial of service by lock-out");
        String policy = realm.path("passwordPolicy").asText();
        for (String rule : List.of("length(12)", "notUsername", "notEmail", "passwordHistory(5)")) {
            assertTrue(policy.contains(rule), policy);
        }
        assertEquals(300, realm.path("accessTokenLifespan").asInt());
        for (JsonNode client : realm.path("clients")) {
            if (client.path("serviceAccountsEnabled").asBoolean()) {
                assertEquals(
                        "300",
                        client.path("attributes").path("access.token.lifespan").asText(),
                        client.path("clientId") + ": a machine client's token lives five minutes");
            }
            if (client.path("clientId").asText().equals("ostsee-portal")) {
                assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), "no password grant");
            }
        }
        // The browser flow forces a one-time password on the admin role and skips it otherwise.
        String browser = realm.path("browserFlow").asText();
        List<String> steps = new ArrayList<>();
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().startsWith(browser)) {
                flow.path("authenticationExecutions")
                        .forEach(e -> steps.add(e.path("authenticator").asText("") + ":"
                                + e.path("requirement").asText() + ":"
                                + e.path("authenticatorConfig").asText("")));
            }
        }
        assertTrue(steps.contains("auth-conditional-otp-form:REQUIRED:otp-for-admins"), steps.toString());
        assertTrue(steps.contains("auth-username-password-form:REQUIRED:"), steps.toString());
        JsonNode config = realm.path("authenticatorConfig").get(0);
        assertEquals("otp-for-admins", config.path("alias").asText());
        assertEquals("admin", config.path("config").path("forceOtpRole").asText());
        assertEquals("skip", config.path("config").path("defaultOtpOutcome").asText(), "others log in without");
    }
}
