package de.kielregion.kooperation.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.KafkaBroker;
import de.kielregion.kooperation.infra.testing.InjectKafkaBroker;
import de.kielregion.kooperation.infra.testing.TopicReader;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import de.kielregion.kooperation.platform.testapp.Sql;
import de.kielregion.kooperation.platform.testapp.WidgetService;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "platform-test.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    WidgetService widgets;

    @Inject
    Sql sql;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void committedEventReachesKafkaAsCloudEventKeyedByAggregate() throws Exception {
        WidgetService.Created created = widgets.create("anchor-" + UUID.randomUUID(), 7);
        String key = created.widget().id.toString();

        ConsumerRecord<String, String> record;
        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            record = reader.readUntil(rs -> rs.stream().anyMatch(r -> key.equals(r.key())), WAIT).stream()
                    .filter(r -> key.equals(r.key()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("event of widget " + key + " did not reach " + TOPIC));
        }
        assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals(created.eventId().toString(), header(record, CloudEventHeaders.ID));
        assertEquals("/ostsee-kooperation/platform-test", header(record, CloudEventHeaders.SOURCE));
        assertEquals(WidgetService.CREATED, header(record, CloudEventHeaders.TYPE));
        assertEquals(key, header(record, CloudEventHeaders.SUBJECT));
        assertEquals("Widget", header(record, CloudEventHeaders.AGGREGATE_TYPE));
        assertEquals("application/json", header(record, CloudEventHeaders.CONTENT_TYPE));
        Instant time = Instant.parse(header(record, CloudEventHeaders.TIME));
        assertTrue(Duration.between(time, Instant.now()).abs().toMinutes() < 5, "ce_time is the recording time");
        JsonNode data = mapper.readTree(record.value());
        assertEquals(created.widget().name, data.get("name").asText());
        assertEquals(7, data.get("count").asInt());

        awaitPublished(List.of(created.eventId()));
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> widgets.createThenFail(ghost));
        // A later committed event: once it is on the topic, the relay has had every chance
        // to publish the rolled-back one, had it been there.
        WidgetService.Created marker = widgets.create("marker-" + UUID.randomUUID(), 1);
        String markerKey = marker.widget().id.toString();

        List<ConsumerRecord<String, String>> records;
        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            records = reader.readUntil(rs -> rs.stream().anyMatch(r -> markerKey.equals(r.key())), WAIT);
        }
        assertTrue(records.stream().anyMatch(r -> markerKey.equals(r.key())), "the marker event arrived");
        assertFalse(records.stream().anyMatch(r -> r.value().contains(ghost)), "no event of the rolled-back change");
        assertEquals(0, sql.count("SELECT count(*) FROM outbox_event WHERE payload->>'name' = ?", ghost));
        assertEquals(0, sql.count("SELECT count(*) FROM widget WHERE name = ?", ghost));
    }

    @Test
    void brokerStoppedMidStreamDelaysEventsAndLosesNone() throws Exception {
        String batch = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String pending = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND payload->>'name' LIKE ?";
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add(widgets.create(batch + "-before-" + i, i).widget().id.toString());
        }
        double failuresBefore = failures();
        broker.stop();
        try {
            for (int i = 0; i < 20; i++) {
                // Writes keep succeeding while the broker is down.
                keys.add(widgets.create(batch + "-during-" + i, i).widget().id.toString());
            }
            // Wait until the relay has really failed (send timeout 3 s in tests) and backed off.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (failures() == failuresBefore && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(failures() > failuresBefore, "the relay noticed the outage");
            assertTrue(sql.count(pending, batch + "-during-%") > 0, "events wait in the outbox meanwhile");
        } finally {
            broker.restart();
        }
        for (int i = 0; i < 10; i++) {
            keys.add(widgets.create(batch + "-after-" + i, i).widget().id.toString());
        }
        Set<String> expected = new HashSet<>(keys);
        List<ConsumerRecord<String, String>> records;
        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            records = reader.readUntil(rs -> keysOf(rs).containsAll(expected), Duration.ofSeconds(60));
        }
        assertTrue(keysOf(records).containsAll(expected), "all 40 events arrived after the broker came back");
        sql.awaitCount(0, WAIT, pending, batch + "%");
    }

    private double failures() {
        return registry.counter("ostsee.outbox.publish.failures").count();
    }

    @Test
    void eventsOfOneAggregateArriveInCommitOrder() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        for (int i = 0; i < 50; i++) {
            int n = i;
            QuarkusTransaction.requiringNew()
                    .run(() -> outbox.record("Widget", aggregate, "test.sequence.v1", Map.of("n", n)));
        }
        List<Integer> sequence = new ArrayList<>();
        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            for (ConsumerRecord<String, String> r : reader.readUntil(
                    rs -> rs.stream().filter(r -> aggregate.equals(r.key())).count() >= 50, WAIT)) {
                if (aggregate.equals(r.key())) {
                    sequence.add(mapper.readTree(r.value()).get("n").asInt());
                }
            }
        }
        assertEquals(IntStream.range(0, 50).boxed().toList(), sequence);
    }

    @Test
    void onlyTheRelayHoldingTheTopicLockPublishes() throws Exception {
        UUID eventId;
        try (Connection other = dataSource.getConnection()) {
            // Play a second instance of the service that is publishing right now.
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.lockKey(TOPIC));
                lock.execute();
            }
            eventId = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.record("Widget", "locked", "test.lock.v1", Map.of("n", 1)));
            Thread.sleep(1500); // several sweeps (200 ms in tests)
            assertEquals(
                    1,
                    sql.count("SELECT count(*) FROM outbox_event WHERE id = ? AND published_at IS NULL", eventId),
                    "this relay does not publish while another holds the lock");
            other.rollback();
        }
        awaitPublished(List.of(eventId));
    }

    @Test
    void publishedRowsArePrunedAfterRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        String insert = "INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, created_at, "
                + "published_at) VALUES (?, 'Widget', 'w', 't', '{}', now() - ?::interval, now() - ?::interval)";
        sql.update(insert, old, "3 hours", "2 hours");
        sql.update(insert, recent, "10 minutes", "9 minutes");
        sql.awaitCount(0, WAIT, "SELECT count(*) FROM outbox_event WHERE id = ?", old);
        assertEquals(
                1,
                sql.count("SELECT count(*) FROM outbox_event WHERE id = ?", recent),
                "rows within the retention (1h in tests) stay");
    }

    private static Set<String> keysOf(List<ConsumerRecord<String, String>> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(r -> keys.add(r.key()));
        return keys;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private void awaitPublished(List<UUID> ids) {
        for (UUID id : ids) {
            sql.awaitCount(0, WAIT, "SELECT count(*) FROM outbox_event WHERE id = ? AND published_at IS NULL", id);
        }
    }
}
