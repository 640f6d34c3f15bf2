package de.kielregion.kooperation.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.testing.TopicReader;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.testapp.Sql;
import de.kielregion.kooperation.platform.testapp.WidgetEventConsumer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    private static final String IN = "platform-test.in";
    private static final String DLQ = "platform-test.dlq";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EFFECT = "SELECT coalesce(sum(applied), 0) FROM widget_effect WHERE name = ?";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Sql sql;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "twice-" + key;
        String eventId = UUID.randomUUID().toString();
        send(key, cloudEvent(eventId, "/test/twice"), "{\"name\":\"" + name + "\"}");
        send(key, cloudEvent(eventId, "/test/twice"), "{\"name\":\"" + name + "\"}");
        // Same id from another source is another event.
        send(key, cloudEvent(eventId, "/test/other-source"), "{\"name\":\"" + name + "\"}");
        String marker = "marker-" + key;
        send(key, cloudEvent(UUID.randomUUID().toString(), "/test/twice"), "{\"name\":\"" + marker + "\"}");

        sql.awaitCount(1, WAIT, EFFECT, marker);
        assertEquals(2, sql.count(EFFECT, name), "one effect per (source, id), the redelivery had none");
    }

    @Test
    void eventsOfTypesTheConsumerDoesNotHandleAreAcknowledgedWithoutEffectOrInboxRow() {
        String key = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        send(
                key,
                (RecordHeaders) CloudEventHeaders.of(
                        other, "/test/types", "test.widget.archived.v1", "subject", "Widget", Instant.now()),
                "{\"name\":\"archived-" + key + "\"}");
        String marker = "after-other-type-" + key;
        send(key, cloudEvent(UUID.randomUUID().toString(), "/test/types"), "{\"name\":\"" + marker + "\"}");

        sql.awaitCount(1, WAIT, EFFECT, marker);
        assertEquals(0, sql.count(EFFECT, "archived-" + key), "the other type had no effect");
        assertEquals(
                0,
                sql.count("SELECT count(*) FROM inbox_event WHERE id = ?", other),
                "and cost no inbox row (no transaction)");
        metrics().body(containsString("outcome=\"ignored\""));
    }

    @Test
    void applyDirectlyIsIdempotentAndRollsBackWithTheEffect() {
        String name = "direct-" + UUID.randomUUID();
        IncomingEvent event = new IncomingEvent(
                UUID.randomUUID().toString(),
                "/test/direct",
                "test.direct.v1",
                "s",
                "Widget",
                Instant.now(),
                mapper.createObjectNode().put("name", name),
                IN,
                0,
                0);
        AtomicInteger effects = new AtomicInteger();
        EventHandler failing = e -> {
            effects.incrementAndGet();
            sql.count("SELECT 1");
            throw new IllegalStateException("effect fails");
        };
        try {
            inbox.apply(event, failing);
        } catch (IllegalStateException expected) {
            // the claim of the event rolls back with the failed effect
        }
        EventHandler counting = e -> effects.incrementAndGet();
        assertTrue(inbox.apply(event, counting), "after a failed attempt the event is applied");
        assertFalse(inbox.apply(event, counting), "a second delivery is recognised");
        assertEquals(2, effects.get());
        assertEquals(
                1,
                sql.count("SELECT count(*) FROM inbox_event WHERE source = ? AND id = ?", event.source(), event.id()));
    }

    @Test
    void poisonAndFailingRecordsGoToDeadLetterTopicWhileLaterOnesAreProcessed() {
        String key = UUID.randomUUID().toString(); // one key: one partition, so order matters
        String poison = "not json at all {" + key;
        send(key, new RecordHeaders(), poison);
        String noData = UUID.randomUUID().toString();
        send(key, cloudEvent(noData, "/test/poison"), "{broken json " + key);
        String failing = UUID.randomUUID().toString();
        send(key, cloudEvent(failing, "/test/poison"), "{\"name\":\"fails-" + key + "\",\"fail\":true}");
        String after = "after-" + key;
        send(key, cloudEvent(UUID.randomUUID().toString(), "/test/poison"), "{\"name\":\"" + after + "\"}");

        sql.awaitCount(1, WAIT, EFFECT, after);
        List<ConsumerRecord<String, String>> dead;
        try (TopicReader reader = new TopicReader(bootstrapServers, DLQ)) {
            dead = reader
                    .readUntil(
                            rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 3, WAIT)
                    .stream()
                    .filter(r -> key.equals(r.key()))
                    .toList();
        }
        assertEquals(3, dead.size(), "the three bad records are in the dead-letter topic");
        assertEquals(poison, dead.get(0).value());
        assertEquals(noData, CloudEventHeaders.value(dead.get(1).headers(), CloudEventHeaders.ID));
        assertEquals(failing, CloudEventHeaders.value(dead.get(2).headers(), CloudEventHeaders.ID));
        assertEquals(0, sql.count(EFFECT, "fails-" + key), "the failing effect never committed");
        metrics()
                .body(containsString("ostsee_inbox_deadlettered_total{reason=\"malformed\""))
                .body(containsString("ostsee_inbox_deadlettered_total{reason=\"failed\""))
                .body(containsString("ostsee_inbox_consumed_total{outcome=\"applied\""));
    }

    @Test
    void anEventWhoseDatabaseIsGoneWaitsForItInsteadOfBeingDeadLettered() {
        String key = UUID.randomUUID().toString();
        String name = "restart-" + key;
        // Five lost connections in a row: more than the three attempts a failing effect gets.
        send(
                key,
                cloudEvent(UUID.randomUUID().toString(), "/test/restart"),
                "{\"name\":\"" + name + "\",\"losesConnection\":5}");
        String after = "after-restart-" + key;
        send(key, cloudEvent(UUID.randomUUID().toString(), "/test/restart"), "{\"name\":\"" + after + "\"}");

        sql.awaitCount(1, WAIT, EFFECT, after);
        assertEquals(1, sql.count(EFFECT, name), "the event applied once, after the database was back");
    }

    /** The management interface's metrics, answered 200. */
    private static io.restassured.response.ValidatableResponse metrics() {
        return given().baseUri("http://127.0.0.1")
                .port(9901)
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200);
    }

    private RecordHeaders cloudEvent(String id, String source) {
        return (RecordHeaders)
                CloudEventHeaders.of(id, source, WidgetEventConsumer.CREATED, "subject", "Widget", Instant.now());
    }

    private void send(String key, RecordHeaders headers, String value) {
        try {
            producer.send(new ProducerRecord<>(IN, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + IN, e);
        }
    }
}
