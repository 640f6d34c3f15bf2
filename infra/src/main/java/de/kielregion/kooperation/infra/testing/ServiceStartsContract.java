package de.kielregion.kooperation.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service must do once started: be live and ready (database included), have run
 * its Flyway baseline with the platform's outbox and inbox, and serve its OpenAPI document.
 * A service's test extends it and adds {@code @QuarkusTest}.
 */
public abstract class ServiceStartsContract {

    /** quarkus.management.test-port of the platform's defaults. */
    static final int MANAGEMENT_TEST_PORT = 9901;

    @Test
    void healthIsUpIncludingTheDatabase() {
        // On the management interface (its own port), not on the API port.
        given().baseUri("http://127.0.0.1")
                .port(MANAGEMENT_TEST_PORT)
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri("http://127.0.0.1")
                .port(MANAGEMENT_TEST_PORT)
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void flywayBaselineCreatesOutboxAndInbox() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables "
                        + "WHERE table_name IN ('outbox_event', 'inbox_event')")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    /**
     * Every operation of the API has a summary, names its roles in the description
     * ("Roles: ...") and carries the security requirement derived from its
     * {@code @RolesAllowed}.
     */
    @Test
    void everyOperationIsDocumentedWithItsRoles() {
        Map<String, Map<String, Map<String, Object>>> paths = openApi().getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, Map<String, Map<String, Object>>> path :
                (paths == null ? Map.<String, Map<String, Map<String, Object>>>of() : paths).entrySet()) {
            for (Map.Entry<String, Map<String, Object>> op : path.getValue().entrySet()) {
                operations++;
                Object security = op.getValue().get("security");
                Object description = op.getValue().get("description");
                Object summary = op.getValue().get("summary");
                // A public operation says so and why (x-public), e.g. a calendar feed whose secret
                // token in the address is the permission; every other one names its security.
                boolean declaredPublic = op.getValue().get("x-public") instanceof String reason && !reason.isBlank();
                if ((!declaredPublic && (!(security instanceof List<?> list) || list.isEmpty()))
                        || description == null
                        || !description.toString().contains("Roles:")
                        || summary == null
                        || summary.toString().isBlank()) {
                    missing.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(operations >= minimumOperations(), operations + " operations in the OpenAPI document");
        assertTrue(missing.isEmpty(), "operations without summary, roles or security: " + missing);
    }

    /**
     * What a generated client needs (issue: typed API clients): every operation has a unique
     * operationId, a typed success answer (a schema, or 204 without a body), every error it
     * documents as problem+json, an example request body, and every POST the Idempotency-Key.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsTypedForGeneratedClients() {
        Map<String, Map<String, Map<String, Object>>> paths = openApi().getMap("paths");
        List<String> problems = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase() + " " + path;
            Object id = operation.get("operationId");
            if (id == null || !ids.add(id.toString())) {
                problems.add(name + ": no or a repeated operationId " + id);
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            boolean typedSuccess = false;
            for (Map.Entry<String, Map<String, Object>> response : responses.entrySet()) {
                Map<String, Map<String, Object>> content =
                        (Map<String, Map<String, Object>>) response.getValue().get("content");
                if (response.getKey().startsWith("2")) {
                    typedSuccess |= response.getKey().equals("204")
                            || (content != null && content.values().stream().allMatch(m -> m.get("schema") != null));
                } else if (content == null || !content.containsKey("application/problem+json")) {
                    problems.add(name + ": " + response.getKey() + " without the problem+json schema");
                }
            }
            if (!typedSuccess) {
                problems.add(name + ": no typed success response");
            }
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null
                    && ((Map<String, Map<String, Object>>) body.get("content"))
                            .values().stream().anyMatch(m -> m.get("example") == null)) {
                problems.add(name + ": a request body without an example");
            }
            List<Map<String, Object>> parameters =
                    (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
            if (method.equals("post") && parameters.stream().noneMatch(p -> "Idempotency-Key".equals(p.get("name")))) {
                problems.add(name + ": no Idempotency-Key");
            }
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        List<Map<String, Object>> groups = openApi().getList("x-tagGroups");
        assertTrue(groups != null && !groups.isEmpty(), "x-tagGroups: the portal's sections");
        assertTrue(
                groups.stream().noneMatch(g -> "Other".equals(g.get("name"))),
                "every tag in a portal section: " + groups);
    }

    /** How many operations the service's API has at least. */
    /** A valid token that may read the first plain GET path (a viewer's, unless the service has no readers). */
    protected String readerToken() {
        return Tokens.user("vera", "viewer");
    }

    protected int minimumOperations() {
        return 1;
    }

    @Test
    void openApiDocumentIsServed() {
        String name = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Ostsee-Kooperation " + name));
    }

    /** The service's OpenAPI document as JSON, as clients fetch it. */
    private static io.restassured.path.json.JsonPath openApi() {
        return given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Where the realm's address stands in the committed documents (each environment has its own). */
    static final String REALM_PLACEHOLDER = "https://keycloak.example.org/realms/ostsee";

    /**
     * The OpenAPI document that clients generate from is committed in {@code docs/api/} and is
     * exactly the one the service serves (the realm's address aside). When they differ, the
     * test writes the served one there and fails: review the change with git diff and commit it.
     */
    @Test
    void theServedOpenApiDocumentIsTheCommittedOne() throws Exception {
        String name = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String served = given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .replace(realm, REALM_PLACEHOLDER);
        java.nio.file.Path committed = java.nio.file.Path.of("..", "docs", "api", name + ".yaml")
                .toAbsolutePath()
                .normalize();
        String before = java.nio.file.Files.exists(committed) ? java.nio.file.Files.readString(committed) : "";
        if (!before.equals(served)) {
            java.nio.file.Files.createDirectories(committed.getParent());
            java.nio.file.Files.writeString(committed, served);
        }
        if (!before.equals(served)) {
            String[] was = before.split("\n", -1);
            String[] is = served.split("\n", -1);
            int line = 0;
            while (line < Math.min(was.length, is.length) && was[line].equals(is[line])) {
                line++;
            }
            org.junit.jupiter.api.Assertions.fail(committed + " differed from the served document from line "
                    + (line + 1)
                    + " on (committed: '" + (line < was.length ? was[line].strip() : "<end>") + "', served: '"
                    + (line < is.length ? is[line].strip() : "<end>") + "') and has been rewritten: check it with "
                    + "git diff and commit it");
        }
    }

    /**
     * Swagger UI logs in through Keycloak: the document offers the realm's authorization-code
     * flow as an alternative on every secured operation, and Swagger UI is set up for the public
     * client with PKCE (no pasted token needed).
     */
    @Test
    void swaggerUiLogsInThroughKeycloakWithPkce() {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        io.restassured.path.json.JsonPath api = openApi();
        assertEquals("oauth2", api.getString("components.securitySchemes.keycloak.type"));
        assertEquals(
                realm + "/protocol/openid-connect/auth",
                api.getString("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl"));
        assertEquals(
                realm + "/protocol/openid-connect/token",
                api.getString("components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl"));
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        List<String> without = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("x-public") == null
                    && !String.valueOf(operation.get("security")).contains("keycloak")) {
                without.add(method.toUpperCase() + " " + path);
            }
        }));
        assertTrue(without.isEmpty(), "operations without the Keycloak log-in: " + without);
        String config = given().when()
                .get("/q/swagger-ui/index.html")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(config.contains("ostsee-swagger-ui"), "Swagger UI's client id");
        // Keycloak requires S256 of this client: the browser test's log-in proves PKCE is sent.
        assertTrue(config.contains("usePkceWithAuthorizationCodeGrant"), "PKCE in Swagger UI");
    }

    /**
     * Tokens are checked here, against the issuer's keys and the audience: a garbage or unsigned
     * token and a token for another API are refused (401) without any call to the issuer's
     * introspection endpoint.
     */
    @Test
    void tokensAreCheckedLocallyAndForTheirAudience() throws Exception {
        Map<String, Map<String, Object>> paths = openApi().getMap("paths");
        String path = paths.entrySet().stream()
                .filter(e -> !e.getKey().contains("{") && e.getValue().containsKey("get"))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow();
        String issuer = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        long before = introspections(issuer);
        String unsigned =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                        + "."
                        + java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString("{\"sub\":\"x\",\"realm_access\":{\"roles\":[\"admin\"]}}".getBytes())
                        + ".";
        for (String token : List.of("garbage", unsigned, Tokens.forAudience("another-api", "someone", "admin"))) {
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        }
        given().when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().header("Authorization", Tokens.bearer(readerToken()))
                .when()
                .get(path)
                .then()
                .statusCode(200);
        assertEquals(before, introspections(issuer), "no token was sent to the introspection endpoint");
    }

    private static long introspections(String wiremock) throws Exception {
        java.net.URI admin = java.net.URI.create(wiremock.replaceAll("/auth/?$", "") + "/__admin/requests/count");
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(admin)
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"urlPattern\":\".*introspect.*\"}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WireMock admin: " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(response.body().replaceAll("[^0-9]", ""));
    }
}
