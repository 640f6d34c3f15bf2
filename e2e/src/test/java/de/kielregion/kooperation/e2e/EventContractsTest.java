package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.infra.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The event contracts hold: every event the services published in this run (their real
 * outbox, read off Kafka) is valid against the JSON Schema of its type in the producing
 * service's asyncapi.yaml, every type a service publishes is described there, and each
 * AsyncAPI document lists exactly the topics its service publishes and consumes.
 */
class EventContractsTest {

    private static final List<String> SERVICES = List.of("partners", "projects", "memberships");
    private static final Pattern TYPE = Pattern.compile("cooperation\\.[a-z0-9-]+\\.[a-z0-9.-]+\\.v\\d+");
    private final ObjectMapper json = new ObjectMapper();

    private static JsonNode asyncApi(String service) throws Exception {
        return new YAMLMapper()
                .readTree(Path.of("..", service + "-service", "asyncapi.yaml").toFile());
    }

    /** The type → message name of a document, from each message's summary (exactly one type each). */
    private static Map<String, String> messagesByType(JsonNode doc) {
        Map<String, String> byType = new HashMap<>();
        doc.path("components").path("messages").fields().forEachRemaining(message -> {
            Matcher type = TYPE.matcher(message.getValue().path("summary").asText());
            assertTrue(type.find(), "message " + message.getKey() + " names its type in the summary");
            byType.put(type.group(), message.getKey());
        });
        return byType;
    }

    @Test
    void everyPublishedEventFitsTheSchemaOfItsTypeInTheProducersAsyncApi() throws Exception {
        Suite suite = Suite.get();
        suite.demoData();
        decisionsInEveryService(suite);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> checked = new TreeMap<>();
        for (String service : SERVICES) {
            JsonNode doc = asyncApi(service);
            Map<String, String> messages = messagesByType(doc);
            String topic = "cooperation." + service + ".v1";
            String source = "/ostsee-kooperation/" + service + "-service";
            List<ConsumerRecord<String, String>> records;
            try (TopicReader reader = new TopicReader(suite.bootstrapServers(), topic)) {
                Suite.await(
                        Duration.ofSeconds(30),
                        "DecisionTaken on " + topic,
                        () -> reader.readToEnd(Duration.ofSeconds(30)).stream()
                                .anyMatch(r -> source.equals(header(r, "ce_source"))
                                        && EventTypes.DECISION_TAKEN.equals(header(r, "ce_type"))));
                records = reader.records().stream()
                        .filter(r -> source.equals(header(r, "ce_source")))
                        .toList();
            }
            Map<String, JsonSchema> schemas = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                String type = header(record, "ce_type");
                String message = messages.get(type);
                if (message == null) {
                    problems.add(service + " publishes " + type + ", which its asyncapi.yaml does not describe");
                    continue;
                }
                JsonSchema schema = schemas.computeIfAbsent(message, m -> {
                    ObjectNode root = doc.deepCopy();
                    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                    root.put("$ref", "#/components/messages/" + m + "/payload");
                    return factory.getSchema(root);
                });
                Set<ValidationMessage> errors = schema.validate(json.readTree(record.value()));
                if (!errors.isEmpty()) {
                    problems.add(service + " " + type + ": " + errors + " in " + record.value());
                }
                checked.merge(service + " " + type, 1, Integer::sum);
            }
        }
        System.out.println("Event contracts: events checked per type " + checked);
        assertTrue(
                problems.isEmpty(),
                String.join("\n", problems.stream().limit(20).toList()));
        for (String service : SERVICES) {
            assertTrue(checked.containsKey(service + " " + EventTypes.DECISION_TAKEN), "DecisionTaken of " + service);
        }
    }

    @Test
    void everyAsyncApiListsTheTopicsItsServicePublishesAndConsumes() throws Exception {
        for (String service : SERVICES) {
            Properties config = new Properties();
            try (var in = Files.newBufferedReader(
                    Path.of("..", service + "-service", "src", "main", "resources", "application.properties"),
                    StandardCharsets.UTF_8)) {
                config.load(in);
            }
            Set<String> published = Set.of(config.getProperty("ostsee.outbox.topic"));
            Set<String> consumed = new TreeSet<>();
            config.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("mp.messaging.incoming.")
                            && k.endsWith(".topic")
                            && !k.contains("dead-letter"))
                    .forEach(k -> consumed.add(config.getProperty(k)));
            JsonNode doc = asyncApi(service);
            Set<String> sent = new TreeSet<>();
            Set<String> received = new TreeSet<>();
            doc.path("operations").forEach(operation -> {
                String channel = operation.path("channel").path("$ref").asText().replace("#/channels/", "");
                String address =
                        doc.path("channels").path(channel).path("address").asText();
                (operation.path("action").asText().equals("send") ? sent : received).add(address);
            });
            assertEquals(published, sent, service + ": topics published (outbox) vs. send operations");
            assertEquals(consumed, received, service + ": topics consumed (incoming channels) vs. receive operations");
        }
    }

    /** A decision in each service, so that each one's DecisionTaken is on its topic. */
    private static void decisionsInEveryService(Suite suite) {
        String today = LocalDate.now().toString();
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String partner = suite.as("partners", Suite.COORDINATOR)
                .body(Map.of("name", "Vertrag " + tag, "type", "CITY", "country", "SE"))
                .when()
                .post("/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.as("partners", Suite.DECIDER)
                .body(Map.of(
                        "kind",
                        "DESIGNATE_FOCUS_PARTNER",
                        "shareholder",
                        "PLOEN",
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        today,
                        "outcome",
                        "REJECTED",
                        "note",
                        "Vertragstest"))
                .when()
                .post("/partners/" + partner + "/decisions")
                .then()
                .statusCode(201);
        suite.as("projects", Suite.DECIDER)
                .body(Map.of(
                        "kind", "STRATEGY_REVIEWED", "body", "MANAGEMENT", "decidedOn", today, "outcome", "APPROVED"))
                .when()
                .post("/strategy/decisions")
                .then()
                .statusCode(201);
        String organisation = suite.as("memberships", Suite.COORDINATOR)
                .body(Map.of(
                        "name",
                        "Vertragsnetz " + tag,
                        "acronym",
                        "VN-" + tag,
                        "kind",
                        "OTHER",
                        "seatCountry",
                        "SE",
                        "feeModel",
                        Map.of("type", "FLAT", "flatFee", 100)))
                .when()
                .post("/organisations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String membership = suite.as("memberships", Suite.COORDINATOR)
                .body(Map.of("holder", "KIELREGION", "organisationId", organisation))
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.as("memberships", Suite.DECIDER)
                .body(Map.of(
                        "kind", "DECLINE", "body", "ADMINISTRATIVE_HEADS", "decidedOn", today, "outcome", "APPROVED"))
                .when()
                .post("/memberships/" + membership + "/decisions")
                .then()
                .statusCode(201);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
