package de.kielregion.kooperation.webhooks.subscription;

import static de.kielregion.kooperation.webhooks.Api.ADMIN;
import static de.kielregion.kooperation.webhooks.Api.COORDINATOR;
import static de.kielregion.kooperation.webhooks.Api.KIEL;
import static de.kielregion.kooperation.webhooks.Api.PLOEN;
import static de.kielregion.kooperation.webhooks.Api.VIEWER;
import static de.kielregion.kooperation.webhooks.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.webhooks.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The subscriptions API: the secret once and encrypted, each owner its own, refusals that store nothing. */
@QuarkusTest
class SubscriptionResourceTest {

    private static final String URL = "http://127.0.0.1:9/events";

    @Inject
    AgroalDataSource db;

    @AfterEach
    void cleanUp() {
        Api.deleteAll();
    }

    @Test
    void theSecretIsShownOnceAndRestsEncrypted() throws Exception {
        var response = as(KIEL).header("Idempotency-Key", "secret-at-rest")
                .body(Map.of(
                        "targetUrl",
                        URL,
                        "eventTypes",
                        List.of("cooperation.project.*"),
                        "shareholder",
                        "KIEL",
                        "contentMode",
                        "BINARY"))
                .post("/webhook-subscriptions");
        response.then().statusCode(201);
        String id = response.path("id");
        String secret = response.path("secret");
        // The pause is @Idempotent (platform store): what it stores carries no secret either.
        as(KIEL).header("Idempotency-Key", "pause-1")
                .post("/webhook-subscriptions/" + id + "/pause")
                .then()
                .statusCode(200);
        as(KIEL).header("Idempotency-Key", "resume-1")
                .post("/webhook-subscriptions/" + id + "/resume")
                .then()
                .statusCode(200);
        as(KIEL).get("/webhook-subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .body("status", equalTo("ACTIVE"))
                .body("owner", equalTo("KIEL"))
                .body("contentMode", equalTo("BINARY"))
                .body("eventTypes", equalTo(List.of("cooperation.project.*")));
        as(KIEL).get("/webhook-subscriptions").then().body("items[0].secret", nullValue());
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT secret FROM webhook_subscription WHERE id = '" + id + "'")) {
            rs.next();
            String stored = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
            assertFalse(stored.contains(secret.substring(6, 26)), "the secret is not stored in plain text");
        }
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE body LIKE '%"
                        + secret.substring(6, 26) + "%') FROM idempotency_key")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 2, "the pause and the resume were stored");
            assertEquals(0, rs.getInt(2), "no secret in the idempotency store");
        }
    }

    @Test
    void aRetryWithTheSameKeyAnswersWithTheSameSubscriptionAndSecret() {
        Map<String, Object> body = Map.of("targetUrl", URL, "eventTypes", List.of("cooperation.decision.taken.v1"));
        var first = as(KIEL).header("Idempotency-Key", "k-1").body(body).post("/webhook-subscriptions");
        first.then().statusCode(201);
        var again = as(KIEL).header("Idempotency-Key", "k-1").body(body).post("/webhook-subscriptions");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.path("id").toString(), again.path("id").toString());
        assertEquals(first.path("secret").toString(), again.path("secret").toString());
        as(KIEL).header("Idempotency-Key", "k-1")
                .body(Map.of("targetUrl", URL, "eventTypes", List.of("cooperation.project.*")))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(422);
        as(KIEL).get("/webhook-subscriptions").then().body("totalItems", equalTo(1));
    }

    @ParameterizedTest
    @CsvSource({
        "https://10.0.0.1/events, cooperation.project.*, webhook.address-private",
        "https://169.254.169.254/latest/meta-data, cooperation.project.*, webhook.address-link-local",
        "http://93.184.215.14/events, cooperation.project.*, webhook.url-not-https",
        "not a url, cooperation.project.*, webhook.url-malformed",
        "https://user:pw@127.0.0.1/, cooperation.project.*, webhook.url-user-info",
        "http://127.0.0.1:9/events, cooperation.projekt.*, webhook.event-type-unknown",
        "http://127.0.0.1:9/events, cooperation.project.proposed.v2, webhook.event-type-unknown",
        "http://127.0.0.1:9/events, *.v1, webhook.event-type-unknown"
    })
    void badInputIsRefusedAndStoresNothing(String url, String type, String key) {
        as(ADMIN)
                .body(Map.of("targetUrl", url, "eventTypes", List.of(type)))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ostsee-kooperation:problem:" + key));
        as(ADMIN).get("/webhook-subscriptions").then().body("totalItems", equalTo(0));
    }

    @Test
    void refusalsAreGermanForGermanReaders() {
        as(ADMIN)
                .header("Accept-Language", "de")
                .body(Map.of("targetUrl", "https://10.0.0.1/x", "eventTypes", List.of("cooperation.project.*")))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(400)
                .body("detail", containsString("privaten Adresse 10.0.0.1"))
                .body("detail", containsString("öffentliche Adressen"));
        as(ADMIN)
                .header("Accept-Language", "de")
                .body(Map.of("targetUrl", URL, "eventTypes", List.of("cooperation.nichts")))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(400)
                .body("detail", containsString("kein Ereignistyp"));
    }

    @Test
    void aShareholdersClientFiltersOnlyOnItsOwnDataAndSeesOnlyItsOwn() {
        as(KIEL).body(Map.of("targetUrl", URL, "eventTypes", List.of("cooperation.project.*"), "shareholder", "PLOEN"))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ostsee-kooperation:problem:webhook.foreign-shareholder"));
        as(ADMIN).get("/webhook-subscriptions").then().body("totalItems", equalTo(0));

        String kiels = Api.subscribe(KIEL, URL, List.of("cooperation.project.*"), Map.of())
                .get("id");
        String ploens = Api.subscribe(PLOEN, URL, List.of("cooperation.project.*"), Map.of())
                .get("id");
        as(KIEL).get("/webhook-subscriptions")
                .then()
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(kiels));
        as(ADMIN).get("/webhook-subscriptions").then().body("totalItems", equalTo(2));
        for (String path : List.of("", "/deliveries", "/history")) {
            as(KIEL).get("/webhook-subscriptions/" + ploens + path).then().statusCode(404);
        }
        for (String action : List.of("pause", "resume", "secret")) {
            as(KIEL).post("/webhook-subscriptions/" + ploens + "/" + action)
                    .then()
                    .statusCode(404);
        }
        as(KIEL).body(Map.of("from", "2026-01-01T00:00:00Z"))
                .post("/webhook-subscriptions/" + ploens + "/replay")
                .then()
                .statusCode(404);
        as(KIEL).delete("/webhook-subscriptions/" + ploens).then().statusCode(404);
        as(PLOEN).get("/webhook-subscriptions/" + ploens).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void onlyAdminsAndShareholdersClientsUseWebhooks() {
        for (String token : List.of(VIEWER, COORDINATOR)) {
            as(token).get("/webhook-subscriptions").then().statusCode(403);
            as(token)
                    .body(Map.of("targetUrl", URL, "eventTypes", List.of("cooperation.project.*")))
                    .post("/webhook-subscriptions")
                    .then()
                    .statusCode(403);
        }
        io.restassured.RestAssured.given().get("/webhook-subscriptions").then().statusCode(401);
    }

    @Test
    void pauseResumeRotateAndDeleteAreInTheHistory() throws Exception {
        Map<String, String> created = Api.subscribe(KIEL, URL, List.of("cooperation.project.*"), Map.of());
        String id = created.get("id");
        as(KIEL).post("/webhook-subscriptions/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"));
        as(KIEL).post("/webhook-subscriptions/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"));
        as(KIEL).post("/webhook-subscriptions/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        var rotated = as(KIEL).header("Idempotency-Key", "r-1").post("/webhook-subscriptions/" + id + "/secret");
        rotated.then().statusCode(200).body("previousSecretValidUntil", not(nullValue()));
        String secret = rotated.path("secret");
        assertNotEquals(created.get("secret"), secret);
        as(KIEL).header("Idempotency-Key", "r-1")
                .post("/webhook-subscriptions/" + id + "/secret")
                .then()
                .body("secret", equalTo(secret));
        as(KIEL).get("/webhook-subscriptions/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", hasItem("WebhookSubscriptionCreated"))
                .body("action", hasItem("WebhookSubscriptionPaused"))
                .body("action", hasItem("WebhookSubscriptionResumed"))
                .body("action", hasItem("WebhookSecretRotated"));
        as(KIEL).body(Map.of("from", "2099-01-01T00:00:00Z"))
                .post("/webhook-subscriptions/" + id + "/replay")
                .then()
                .statusCode(400);
        as(KIEL).delete("/webhook-subscriptions/" + id).then().statusCode(204);
        as(KIEL).get("/webhook-subscriptions/" + id).then().statusCode(404);
        try (Connection c = db.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_entry WHERE aggregate_id = '" + id
                        + "' AND action = 'WebhookSubscriptionDeleted'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the deletion stays in the history");
        }
    }

    @Test
    void aReplayFromLongAgoStartsAtTheOldestEventKept() {
        String id = Api.subscribe(KIEL, URL, List.of("cooperation.project.*"), Map.of())
                .get("id");
        for (String from : List.of("2000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+99999-01-01T00:00:00Z")) {
            var answer = as(KIEL).body(Map.of("from", from)).post("/webhook-subscriptions/" + id + "/replay");
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, from + ": " + answer.statusCode());
            if (answer.statusCode() == 200) {
                assertTrue(
                        java.time.Instant.parse(answer.path("from"))
                                .isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(31))),
                        from + " starts within the retention: " + answer.path("from"));
            }
        }
    }

    @Test
    void theEventTypesAreListed() {
        as(KIEL).get("/webhook-subscriptions/event-types")
                .then()
                .statusCode(200)
                .body("types", hasItem("cooperation.decision.taken.v1"))
                .body("types", hasItem("cooperation.project.proposed.v1"));
    }
}
