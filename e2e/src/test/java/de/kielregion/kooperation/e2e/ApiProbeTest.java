package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the four services' OpenAPI documents (found anew on every run, so a
 * new operation is probed the day it is added) as an outsider would: every demo role and a
 * shareholder acting on another shareholder's data, then a generated set of malformed inputs per
 * operation. No 5xx, no success for a role the operation does not name, every 4xx
 * problem+json, and nothing changed by the malformed inputs (no event in any outbox).
 */
class ApiProbeTest {

    private static final List<String> SERVICES = List.of("partners", "projects", "memberships", "webhooks");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE = "x".repeat(100_000);

    private final Suite suite = Suite.get();
    private final HttpClient http = HttpClient.newHttpClient();
    /**
     * The OpenAPI documents (~300 KB each) over HTTP/1.1: fetched as a connection's first request
     * with the default client's h2c upgrade, one arrived garbled once ("Frame type(108) ...
     * exceeds MAX_FRAME_SIZE": HTTP/1.1 bytes read as HTTP/2 frames). The probes keep the default
     * client, whose 414 answers HTTP/1.1 loses (the server closes while the request is sent).
     */
    private final HttpClient http11 =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private boolean malformedPhase;

    private record Caller(String name, String token, List<String> roles) {}

    private record Operation(String service, String method, String path, JsonNode spec) {}

    @Test
    void everyOperationEveryRoleAndMalformedInput() throws Exception {
        List<Caller> callers = List.of(
                new Caller("admin", Suite.ADMIN, List.of("admin", "coordinator")),
                new Caller("coordinator", Suite.COORDINATOR, List.of("coordinator")),
                new Caller("decision-maker", Suite.DECIDER, List.of("decision-maker", "viewer")),
                new Caller("viewer", Suite.VIEWER, List.of("viewer")),
                new Caller("shareholder KIEL on PLOEN's data", Suite.KIEL, List.of("shareholder")));
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode doc = JSON.readTree(openApiDocument(suite.url(service) + "/q/openapi?format=json"));
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    operations.add(
                            new Operation(service, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
                }
            }
        }
        assertTrue(operations.size() >= 80, operations.size() + " operations found");

        // 1. Every operation as every role: no success for a role the operation does not name.
        for (Operation op : operations) {
            List<String> allowed = roles(op);
            // A public operation (x-public: e.g. a calendar feed reached by the secret token in its
            // address) names no roles; it is still probed for 5xx and problem+json.
            boolean declaredPublic = op.spec().has("x-public");
            for (Caller caller : callers) {
                HttpResponse<String> response = send(
                        op,
                        caller.token(),
                        path(op, "PLOEN", UUID.randomUUID().toString()),
                        requestType(op),
                        minimalBody(op),
                        null);
                boolean mayCall = caller.roles().stream().anyMatch(allowed::contains);
                boolean foreignWrite =
                        caller.name().startsWith("shareholder") && !op.method().equals("GET");
                if (response.statusCode() < 300 && (!mayCall || foreignWrite)) {
                    failures.add("unauthorized success " + response.statusCode() + ": " + caller.name() + " "
                            + op.method() + " " + op.path());
                }
                if (!mayCall && !declaredPublic && response.statusCode() != 403) {
                    failures.add("expected 403 for " + caller.name() + " on " + op.method() + " " + op.path() + ", got "
                            + response.statusCode());
                }
            }
        }

        // 2. Malformed inputs, as an admin (who may call everything).
        long eventsBefore = quietEvents();
        malformedPhase = true;
        for (Operation op : operations) {
            String id = UUID.randomUUID().toString();
            for (String bad : List.of("abc", "%00", "caa%EF%BC%99%EF%BC%97", "%2B1", HUGE.substring(0, 3000))) {
                if (op.path().contains("{")) {
                    send(op, Suite.ADMIN, path(op, bad, bad), "application/json", minimalBody(op), null);
                }
            }
            for (JsonNode parameter : op.spec().path("parameters")) {
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                for (String bad :
                        List.of("abc", "a%00b", "-1", "1.5", ",,,", "maybe", "2024-02-30", HUGE.substring(0, 5000))) {
                    send(
                            op,
                            Suite.ADMIN,
                            path(op, "KIEL", id) + "?" + parameter.path("name").asText() + "="
                                    + bad.replace(" ", "%20"),
                            "application/json",
                            minimalBody(op),
                            null);
                }
            }
            if (op.method().equals("POST") || op.method().equals("PUT")) {
                String target = path(op, "KIEL", id);
                for (String body : malformedBodies(op)) {
                    send(op, Suite.ADMIN, target, "application/json", body, null);
                }
                send(op, Suite.ADMIN, target, "text/plain", "title=x", null);
                send(op, Suite.ADMIN, target, "application/json", "{\"title\":\"x\"}xyz", null);
                if (op.method().equals("PUT")) {
                    send(op, Suite.ADMIN, target, "application/json", minimalBody(op), "\"zzz\"");
                    send(op, Suite.ADMIN, target, "application/json", minimalBody(op), "W/\"1\"garbage");
                }
            }
        }
        long eventsAfter = quietEvents();
        StringBuilder report = new StringBuilder(String.format(
                "API probe: %d operations, %d requests, statuses %s; %d times told to wait by the rate limit%n",
                operations.size(), requests, statuses, rateLimited));
        System.out.print(report);
        java.nio.file.Files.writeString(
                java.nio.file.Path.of("target", "api-probe.txt"), report + String.join("\n", failures));
        assertEquals(List.of(), failures);
        assertEquals(eventsBefore, eventsAfter, "refused requests changed nothing (no event in any outbox)");
    }

    /** The number of events in the outboxes once it has not changed for two seconds (consumers done). */
    private long quietEvents() throws InterruptedException {
        long last = -1;
        long now = events();
        while (now != last) {
            Thread.sleep(2_000);
            last = now;
            now = events();
        }
        return now;
    }

    private long events() {
        long total = 0;
        for (String service : SERVICES) {
            total += suite.count(service, "select count(*) from outbox_event");
        }
        return total;
    }

    /** The media type the operation takes (a file upload takes application/octet-stream), else JSON. */
    private static String requestType(Operation op) {
        Iterator<String> types = op.spec().path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : "application/json";
    }

    /** The roles an operation names ("Roles: viewer, coordinator ..." or "Roles: every role"). */
    private static List<String> roles(Operation op) {
        String description = op.spec().path("description").asText("");
        int at = description.lastIndexOf("Roles:");
        String roles = at < 0 ? "" : description.substring(at);
        if (roles.contains("every role")) {
            return List.of("admin", "coordinator", "decision-maker", "viewer", "shareholder");
        }
        List<String> named = new ArrayList<>();
        for (String role : List.of("admin", "coordinator", "decision-maker", "viewer", "shareholder")) {
            if (roles.contains(role)) {
                named.add(role);
            }
        }
        return named;
    }

    private static String path(Operation op, String shareholderOrText, String id) {
        String path = op.path();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                out.append(path.substring(i));
                break;
            }
            out.append(path, i, open);
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            out.append(
                    switch (name) {
                        case "shareholder" -> shareholderOrText;
                        case "year" ->
                            shareholderOrText.equals("PLOEN") || shareholderOrText.equals("KIEL") ? "2026" : id;
                        case "category" ->
                            shareholderOrText.equals("PLOEN") || shareholderOrText.equals("KIEL")
                                    ? "PROJECT_FUNDS"
                                    : id;
                        case "type" -> "Project";
                        case "externalId" ->
                            shareholderOrText.equals("PLOEN") || shareholderOrText.equals("KIEL") ? "probe-1" : id;
                        default -> id;
                    });
            i = close + 1;
        }
        return out.toString();
    }

    /** A body that names another shareholder where the request has one (a shareholder may not write for PLOEN). */
    private static String minimalBody(Operation op) {
        if (!op.method().equals("POST") && !op.method().equals("PUT")) {
            return null;
        }
        return "{\"shareholder\":\"PLOEN\",\"holder\":\"PLOEN\"}";
    }

    /** Per property of the request schema, values that are wrong for its declared type; and bodies that are not JSON objects. */
    private List<String> malformedBodies(Operation op) throws Exception {
        List<String> bodies = new ArrayList<>(List.of("[]", "\"text\"", "42", "null", "{", "{\"a\":}"));
        JsonNode schema = op.spec()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        JsonNode properties = resolve(op.service(), schema).path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            for (Object value : wrongFor(resolve(op.service(), field.getValue()))) {
                ObjectNode body = JSON.createObjectNode();
                body.set(field.getKey(), JSON.valueToTree(value));
                bodies.add(JSON.writeValueAsString(body));
            }
        }
        return bodies;
    }

    /** Values a property of this schema must refuse. */
    private static List<Object> wrongFor(JsonNode schema) {
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        if (schema.has("enum")) {
            return List.of("NOPE", 1, List.of());
        }
        return switch (type) {
            case "string" ->
                switch (format) {
                    case "date" -> List.of("2024-02-30", "2024-02-29T10:00:00Z", "", "20.11.2024", 20241120);
                    case "date-time" -> List.of("yesterday", "2024-13-01T00:00:00Z", 1);
                    case "uuid" -> List.of("not-a-uuid", "caa\uFF19\uFF17\uFF11d0-0000-4000-8000-000000000001", 7);
                    default ->
                        schema.has("maxLength")
                                ? List.of("a\u0000b", HUGE, 42, true, Map.of("x", 1), List.of("x"))
                                : List.of("a\u0000b", 42, true, Map.of("x", 1), List.of("x"));
                };
            case "integer" -> List.of("x", 1.5, true, Map.of());
            case "number" -> List.of("x", true, Map.of(), List.of(1));
            case "boolean" -> List.of("maybe", 1);
            case "array" -> List.of("x", Map.of("x", 1), 5);
            default -> List.of("x", List.of(1), 5);
        };
    }

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();

    private JsonNode resolve(String service, JsonNode schema) throws Exception {
        if (!schema.has("$ref")) {
            return schema;
        }
        JsonNode doc = documents.computeIfAbsent(service, s -> {
            try {
                return JSON.readTree(openApiDocument(suite.url(s) + "/q/openapi?format=json"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
        return doc.path("components").path("schemas").path(name);
    }

    /** Answers 429 (the rate limit) that made the probe wait and send again. */
    private int rateLimited;

    private HttpResponse<String> send(
            Operation op, String token, String path, String contentType, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(op.service()) + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // The services' rate limit runs as in production: a probe faster than it waits as a good
        // client does and sends the request again, so that each operation's own answer is judged.
        for (int again = 0; response.statusCode() == 429 && again < 20; again++) {
            rateLimited++;
            Thread.sleep(1000
                    * Long.parseLong(
                            response.headers().firstValue("Retry-After").orElse("1")));
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        requests++;
        int status = response.statusCode();
        statuses.merge(status / 100 + "xx", 1, Integer::sum);
        String what = op.method() + " " + path.substring(0, Math.min(path.length(), 120)) + " "
                + (body == null ? "" : body.substring(0, Math.min(body.length(), 80)));
        if (malformedPhase && status < 300 && !op.method().equals("GET")) {
            failures.add("malformed input accepted (" + status + "): " + what);
        }
        if (status >= 500) {
            failures.add(status + " for " + what + ": "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        } else if (status >= 400
                && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add(status + " without problem+json for " + what);
        }
        return response;
    }

    private String openApiDocument(String url) throws Exception {
        return http11.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
