package de.kielregion.kooperation.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker Compose without Docker: the compose file read as Compose reads it (SnakeYAML resolves
 * its anchors and merge keys; the variables come from {@code deploy/stack.env}), and the
 * addresses checked that a container uses. Inside a container {@code localhost} is the container
 * itself, so Keycloak must be reached by its service name, while the tokens' issuer stays the
 * address the browser and the demo loader fetch them from.
 */
class ComposeTest {

    private static final Path COMPOSE = Path.of("..", "compose", "compose.yaml");
    private static final Path STACK_ENV = Path.of("..", "stack.env");

    @Test
    void everyContainerReachesKeycloakByItsServiceNameAndChecksThePublicIssuer() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> keycloak = services.get("keycloak");
        String publicOrigin = String.valueOf(env(keycloak).get("KC_HOSTNAME"));
        assertEquals(
                "true",
                String.valueOf(env(keycloak).get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC")),
                "back-channel addresses (token, keys) as the caller asked: the containers ask by service name");
        int checked = 0;
        for (var service : services.entrySet()) {
            Map<String, Object> env = env(service.getValue());
            Object server = env.get("OIDC_AUTH_SERVER_URL");
            if (server == null) {
                continue;
            }
            checked++;
            URI uri = URI.create(String.valueOf(server));
            assertFalse(
                    uri.getHost().equals("localhost") || uri.getHost().startsWith("127."),
                    service.getKey() + ": " + uri + " is the container itself");
            assertTrue(services.containsKey(uri.getHost()), service.getKey() + ": " + uri + " names no service");
            assertEquals("keycloak", uri.getHost(), service.getKey());
            assertEquals(8080, uri.getPort(), service.getKey() + ": Keycloak's port inside the network");
            assertEquals(
                    publicOrigin + "/realms/ostsee",
                    String.valueOf(env.get("QUARKUS_OIDC_TOKEN_ISSUER")),
                    service.getKey() + ": the issuer Keycloak writes into the tokens");
        }
        assertEquals(5, checked, "the four services and the portal");
        assertEquals(
                publicOrigin,
                String.valueOf(env(services.get("portal")).get("OIDC_ORIGIN")),
                "the browser is sent to the public address");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    /** The compose file's services, with stack.env's variables substituted as Compose does. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : Files.readAllLines(STACK_ENV)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                vars.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(Files.readString(COMPOSE));
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            assertTrue(value != null, m.group(1) + " is not in stack.env");
            m.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        m.appendTail(text);
        Map<String, Object> compose = new Yaml().load(text.toString());
        return (Map<String, Map<String, Object>>) compose.get("services");
    }
}
