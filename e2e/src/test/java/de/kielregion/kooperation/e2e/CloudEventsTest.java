package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** What the services publish, read off Kafka with a plain consumer: valid CloudEvents 1.0 in binary mode. */
class CloudEventsTest {

    @Test
    void everyPublishedRecordIsAValidCloudEvent() throws Exception {
        Suite suite = Suite.get();
        // Something on every topic.
        String partner = suite.as("partners", Suite.COORDINATOR)
                .body(Map.of("name", "CE " + UUID.randomUUID(), "type", "CITY", "country", "FI"))
                .when()
                .post("/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.as("projects", Suite.COORDINATOR)
                .body(Map.of("title", "CE project"))
                .when()
                .post("/projects")
                .then()
                .statusCode(201);
        suite.as("memberships", Suite.COORDINATOR)
                .body(Map.of(
                        "name",
                        "CE org",
                        "acronym",
                        "CE-" + partner.substring(0, 6).toUpperCase(),
                        "kind",
                        "OTHER",
                        "seatCountry",
                        "FI",
                        "feeModel",
                        Map.of("type", "FLAT", "flatFee", 1)))
                .when()
                .post("/organisations")
                .then()
                .statusCode(201);
        ObjectMapper json = new ObjectMapper();
        for (String service : List.of("partners", "projects", "memberships")) {
            String topic = "cooperation." + service + ".v1";
            String source = "/ostsee-kooperation/" + service + "-service";
            List<ConsumerRecord<String, String>> records;
            try (TopicReader reader = new TopicReader(suite.bootstrapServers(), topic)) {
                Suite.await(
                        Duration.ofSeconds(30),
                        "events on " + topic,
                        () -> reader.readToEnd(Duration.ofSeconds(30)).stream()
                                .anyMatch(r -> source.equals(header(r, "ce_source"))));
                records = reader.records().stream()
                        .filter(r -> source.equals(header(r, "ce_source")))
                        .toList();
            }
            assertFalse(records.isEmpty(), topic);
            for (ConsumerRecord<String, String> r : records) {
                assertEquals("1.0", header(r, "ce_specversion"), topic);
                assertNotNull(UUID.fromString(header(r, "ce_id")));
                assertTrue(
                        header(r, "ce_type").startsWith("cooperation.")
                                && header(r, "ce_type").endsWith(".v1"),
                        header(r, "ce_type"));
                assertEquals(r.key(), header(r, "ce_subject"), "the record key is the subject");
                assertNotNull(Instant.parse(header(r, "ce_time")));
                assertEquals("application/json", header(r, "content-type"));
                assertTrue(json.readTree(r.value()).isObject(), r.value());
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
