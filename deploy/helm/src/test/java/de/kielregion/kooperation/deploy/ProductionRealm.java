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

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProductionRealm() {}

    static String derive(Path localRealm) {
        ObjectNode realm;
        try {
            realm = (ObjectNode) JSON.readTree(localRealm.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        realm.put("sslRequired", "external");
        realm.put("displayName", "Ostsee-Kooperation");
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
