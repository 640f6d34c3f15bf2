package de.kielregion.kooperation.memberships;

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

    public static final String TOPIC = "cooperation.memberships.v1";

    public static final String COORDINATOR = Tokens.user("coordinator-carla", "coordinator");
    public static final String DECIDER = Tokens.user("decider-dirk", "decision-maker");
    public static final String VIEWER = Tokens.user("viewer-vera", "viewer");
    public static final String KIEL = Tokens.shareholder("KIEL");

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    /** Registers an organisation with a flat fee and two working groups; returns its id. */
    public static String organisation(String acronym) {
        return as(COORDINATOR)
                .body(Map.of(
                        "name",
                        "Organisation " + acronym,
                        "acronym",
                        acronym,
                        "kind",
                        "CITY_NETWORK",
                        "seatCountry",
                        "PL",
                        "website",
                        "https://www.ubc.net",
                        "feeModel",
                        Map.of("type", "FLAT", "flatFee", 3900),
                        "workingGroups",
                        List.of("Mobility", "Culture"),
                        "themes",
                        List.of("Mobilität")))
                .when()
                .post("/organisations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

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

    /**
     * A membership of KIELREGION in a new organisation, joined by an approved decision (its first
     * year's fee requested, the answer still out); its id.
     */
    public static String joinedMembership(String acronymPrefix, String yearlyFee, String startDate, String decidedOn) {
        String org = organisation(acronymPrefix
                + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        String id = as(COORDINATOR)
                .body(Map.of(
                        "holder", "KIELREGION", "organisationId", org, "yearlyFee", yearlyFee, "startDate", startDate))
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(DECIDER)
                .body(Map.of(
                        "kind", "JOIN", "body", "SUPERVISORY_BOARD", "decidedOn", decidedOn, "outcome", "APPROVED"))
                .when()
                .post("/memberships/" + id + "/decisions")
                .then()
                .statusCode(201);
        return id;
    }
}
