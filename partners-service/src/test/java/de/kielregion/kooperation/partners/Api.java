package de.kielregion.kooperation.partners;

import static io.restassured.RestAssured.given;

import de.kielregion.kooperation.infra.testing.Tokens;
import de.kielregion.kooperation.infra.testing.TopicReader;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test helpers: requests with real signed tokens for each role, and a look at the topic. */
public final class Api {

    public static final String TOPIC = "cooperation.partners.v1";

    public static final String ADMIN = Tokens.user("admin-anna", "admin");
    public static final String COORDINATOR = Tokens.user("coordinator-carla", "coordinator");
    public static final String DECIDER = Tokens.user("decider-dirk", "decision-maker");
    public static final String VIEWER = Tokens.user("viewer-vera", "viewer");
    public static final String KIEL = Tokens.shareholder("KIEL");
    public static final String PLOEN = Tokens.shareholder("PLOEN");
    public static final String SHAREHOLDER_WITHOUT_CLAIM = Tokens.user("someone", "shareholder");

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    /** Registers a partner as coordinator; returns its id. */
    public static String partner(String name, String type, String country) {
        return partner(Map.of("name", name, "type", type, "country", country));
    }

    public static String partner(Map<String, Object> body) {
        return as(COORDINATOR)
                .body(body)
                .when()
                .post("/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The records on the topic with {@code key}, once {@code done} holds for them (or after 30 s). */
    public static List<ConsumerRecord<String, String>> events(
            String key, Predicate<List<ConsumerRecord<String, String>>> done) {
        return TopicReader.keyed(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                TOPIC,
                key,
                done,
                Duration.ofSeconds(30));
    }

    public static String type(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.value(record.headers(), CloudEventHeaders.TYPE);
    }
}
