package de.kielregion.kooperation.projects;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.testing.RecordSender;
import de.kielregion.kooperation.infra.testing.Tokens;
import de.kielregion.kooperation.infra.testing.TopicReader;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
import org.eclipse.microprofile.config.ConfigProvider;

/** Test helpers: requests with real tokens, the topic, and partners-service's events. */
public final class Api {

    public static final String TOPIC = "cooperation.projects.v1";
    public static final String PARTNERS_TOPIC = "cooperation.partners.v1";

    public static final String COORDINATOR = Tokens.user("coordinator-carla", "coordinator");
    public static final String DECIDER = Tokens.user("decider-dirk", "decision-maker");
    public static final String VIEWER = Tokens.user("viewer-vera", "viewer");
    public static final String KIEL = Tokens.shareholder("KIEL");
    public static final String PLOEN = Tokens.shareholder("PLOEN");

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static List<ConsumerRecord<String, String>> events(
            String key, Predicate<List<ConsumerRecord<String, String>>> done) {
        return TopicReader.keyed(bootstrap(), TOPIC, key, done, Duration.ofSeconds(30));
    }

    public static String type(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.value(record.headers(), CloudEventHeaders.TYPE);
    }

    /** The data of a DecisionTaken as memberships-service publishes it for a membership of KIELREGION. */
    public static Map<String, Object> membershipDecision(
            String decisionId,
            String kind,
            String outcome,
            String acronym,
            UUID membership,
            String decidedOn,
            String revisitOn) {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("decisionId", decisionId);
        data.put("service", "memberships-service");
        data.put("subjectType", "Membership");
        data.put("subjectId", membership.toString());
        data.put("subjectName", "Mitgliedschaft in " + acronym + " (KielRegion)");
        data.put("kind", kind);
        data.put("body", "SUPERVISORY_BOARD");
        data.put("decidedOn", decidedOn);
        data.put("outcome", outcome);
        data.put("revisitOn", revisitOn);
        data.put("organisationAcronym", acronym);
        return data;
    }

    /** An open question about the memberships in {@code organisations} (acronyms); its id. */
    public static String membershipQuestion(String text, List<String> organisations) {
        return as(COORDINATOR)
                .body(Map.of("text", text, "organisations", organisations))
                .when()
                .post("/open-questions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Publishes a partner event as partners-service does (a CloudEvent on its topic) and waits
     * until the replica consumer has applied it: the replica is seeded through the real path.
     */
    public static void partnerEvent(String type, UUID id, String name, String status, long version) {
        partnerEvent(type, id, name, "DK", status, version);
    }

    public static void partnerEvent(String type, UUID id, String name, String country, String status, long version) {
        publishPartner(type, id, name, country, status, version);
        awaitReplica(id, status);
    }

    /** Publishes a partner's state as partners-service does; returns the event id (does not wait). */
    public static String publishPartner(
            String type, UUID id, String name, String country, String status, long version) {
        return publish(
                PARTNERS_TOPIC,
                "/ostsee-kooperation/partners-service",
                type,
                id.toString(),
                "Partner",
                partnerData(id, name, country, status, version));
    }

    /** A partner's state (a city) as partners-service's events carry it. */
    public static Map<String, Object> partnerData(UUID id, String name, String country, String status, long version) {
        return Map.of(
                "id", id.toString(),
                "name", name,
                "type", "CITY",
                "country", country,
                "status", status,
                "version", version);
    }

    /** Publishes {@code data} as a CloudEvent of another service on its topic; returns the event id. */
    public static String publish(
            String topic, String source, String type, String key, String aggregateType, Object data) {
        String id = UUID.randomUUID().toString();
        publishWithId(id, topic, source, type, key, aggregateType, data);
        return id;
    }

    /**
     * A CloudEvent of another service as a record for {@link
     * de.kielregion.kooperation.infra.testing.RecordSender#sendTogether} on {@code partition};
     * {@code id} is the event's id.
     */
    public static org.apache.kafka.clients.producer.ProducerRecord<String, String> record(
            String id,
            String topic,
            int partition,
            String source,
            String type,
            String key,
            String aggregateType,
            Object data) {
        try {
            return new org.apache.kafka.clients.producer.ProducerRecord<>(
                    topic,
                    partition,
                    key,
                    new ObjectMapper().writeValueAsString(data),
                    CloudEventHeaders.of(id, source, type, key, aggregateType, Instant.now()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code records} in one request (see {@link de.kielregion.kooperation.infra.testing.RecordSender#sendTogether}). */
    public static void publishTogether(List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> records) {
        de.kielregion.kooperation.infra.testing.RecordSender.sendTogether(bootstrap(), records);
    }

    /** The same with a given event id: publishing it twice is a redelivery. */
    public static void publishWithId(
            String id, String topic, String source, String type, String key, String aggregateType, Object data) {
        try {
            RecordSender.send(
                    bootstrap(),
                    topic,
                    key,
                    CloudEventHeaders.of(id, source, type, key, aggregateType, Instant.now()),
                    new ObjectMapper().writeValueAsString(data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partner known to the replica, ACTIVE. */
    public static UUID partner(String name) {
        return partner(name, "DK");
    }

    /** An ACTIVE partner of that country (ISO code) known to the replica. */
    public static UUID partner(String name, String country) {
        UUID id = UUID.randomUUID();
        partnerEvent("cooperation.partner.registered.v1", id, name, country, "ACTIVE", 0);
        return id;
    }

    private static void awaitReplica(UUID id, String status) {
        AgroalDataSource dataSource =
                Arc.container().instance(AgroalDataSource.class).get();
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

    /** A new project created by the coordinator ({@code body}: its fields, a title at least); its id. */
    public static String project(Map<String, ?> body) {
        return as(COORDINATOR)
                .body(body)
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A project proposed for a decision ({@code body}: its fields, a title at least); its id. */
    public static String proposedProject(Map<String, ?> body) {
        String id = project(body);
        as(COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + id + "/status")
                .then()
                .statusCode(200);
        return id;
    }

    /** A project approved by the management, ready to receive resources; its id. */
    public static String approvedProject(String title) {
        String id = proposedProject(Map.of("title", title));
        as(DECIDER)
                .body(Map.of("body", "MANAGEMENT", "decidedOn", "2024-12-01", "outcome", "APPROVED"))
                .when()
                .post("/projects/" + id + "/decisions")
                .then()
                .statusCode(201);
        return id;
    }
}
