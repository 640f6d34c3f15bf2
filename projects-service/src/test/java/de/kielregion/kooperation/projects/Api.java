package de.kielregion.kooperation.projects;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.kielregion.kooperation.infra.testing.Tokens;
import de.kielregion.kooperation.infra.testing.TopicReader;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test helpers: requests with real tokens, the topic, and partners-service's events. */
public final class Api {

    public static final String TOPIC = "cooperation.projects.v1";
    public static final String PARTNERS_TOPIC = "cooperation.partners.v1";

    public static final String COORDINATOR = Tokens.user("coordinator-carla", "coordinator");
    public static final String DECIDER = Tokens.user("decider-dirk", "decision-maker");
    public static final String VIEWER = Tokens.user("viewer-vera", "viewer");
    public static final String KIEL = Tokens.shareholder("KIEL");
    public static final String PLOEN = Tokens.shareholder("PLOEN");

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static List<ConsumerRecord<String, String>> events(String key,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        return TopicReader.keyed(bootstrap(), TOPIC, key, done, Duration.ofSeconds(30));
    }

    public static String type(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.value(record.headers(), CloudEventHeaders.TYPE);
    }

    /**
     * Publishes a partner event as partners-service does (a CloudEvent on its topic) and waits
     * until the replica consumer has applied it: the replica is seeded through the real path.
     */
    public static void partnerEvent(String type, UUID id, String name, String status, long version) {
        Map<String, Object> data = Map.of("id", id.toString(), "name", name, "type", "CITY", "country", "DK",
                "status", status, "version", version);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            RecordHeaders headers = (RecordHeaders) CloudEventHeaders.of(UUID.randomUUID().toString(),
                    "/ostsee-kooperation/partners-service", type, id.toString(), "Partner", Instant.now());
            producer.send(new ProducerRecord<>(PARTNERS_TOPIC, null, id.toString(),
                    new ObjectMapper().writeValueAsString(data), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish a partner event", e);
        }
        awaitReplica(id, status);
    }

    /** A partner known to the replica, ACTIVE. */
    public static UUID partner(String name) {
        UUID id = UUID.randomUUID();
        partnerEvent("cooperation.partner.registered.v1", id, name, "ACTIVE", 0);
        return id;
    }

    private static void awaitReplica(UUID id, String status) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT status FROM partner_replica WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && status.equals(rs.getString(1))) {
                        return;
                    }
                }
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("partner " + id + " did not reach the replica as " + status);
    }
}
