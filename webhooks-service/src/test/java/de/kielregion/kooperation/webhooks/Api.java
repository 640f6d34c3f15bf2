package de.kielregion.kooperation.webhooks;

import static io.restassured.RestAssured.given;

import de.kielregion.kooperation.infra.testing.Tokens;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test helpers: tokens of each role, subscriptions, and events published as the services do. */
public final class Api {

    public static final String ADMIN = Tokens.user("admin-anna", "admin");
    public static final String COORDINATOR = Tokens.user("coordinator-carla", "coordinator");
    public static final String VIEWER = Tokens.user("viewer-vera", "viewer");
    public static final String KIEL = Tokens.shareholder("KIEL");
    public static final String PLOEN = Tokens.shareholder("PLOEN");

    private static KafkaProducer<String, byte[]> producer;

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    /** A subscription of {@code token}'s owner to {@code types} at {@code url}; returns id and secret. */
    public static Map<String, String> subscribe(
            String token, String url, List<String> types, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("targetUrl", url);
        body.put("eventTypes", types);
        Map<String, Object> created = as(token)
                .body(body)
                .post("/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        return Map.of("id", (String) created.get("id"), "secret", (String) created.get("secret"));
    }

    /** Deletes every subscription (tests leave none behind for the next). */
    public static void deleteAll() {
        List<String> ids = as(ADMIN)
                .queryParam("size", 500)
                .get("/webhook-subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        for (String id : ids) {
            as(ADMIN).delete("/webhook-subscriptions/" + id).then().statusCode(204);
        }
    }

    /** Publishes an event as a service's outbox relay does; returns its id. */
    public static synchronized String publish(String topic, String type, String subject, String json) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class.getName(),
                    ProducerConfig.LINGER_MS_CONFIG,
                    0));
        }
        String id = UUID.randomUUID().toString();
        try {
            producer.send(CloudEventHeaders.record(
                            topic,
                            subject,
                            CloudEventHeaders.event(
                                    id,
                                    "/ostsee-kooperation/test",
                                    type,
                                    subject,
                                    "Project",
                                    Instant.now(),
                                    json.getBytes(StandardCharsets.UTF_8))))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
        return id;
    }
}
