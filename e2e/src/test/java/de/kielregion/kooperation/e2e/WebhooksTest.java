package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The path as the City of Kiel's IT system uses it: its client (client credentials from the real
 * Keycloak) subscribes to its own activities; an activity written in partners-service arrives at
 * its receiver as a signed CloudEvent, another shareholder's does not.
 */
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Suite suite = Suite.get();

    @Test
    void anActivityWrittenInPartnersServiceReachesKielsReceiverSignedAndOnlyKiels() throws Exception {
        String ploen = Suite.shareholder("PLOEN");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = suite.subscribe(
                    Suite.KIEL, receiver, List.of("cooperation.activity.*"), Map.of("shareholder", "KIEL"));
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (var writer : List.of(Map.entry("KIEL", Suite.KIEL), Map.entry("PLOEN", ploen))) {
                suite.as("partners", writer.getValue())
                        .body(Map.of(
                                "externalId",
                                "wh-" + run,
                                "title",
                                "Webhook-Probe " + run + " " + writer.getKey(),
                                "kind",
                                "EXCHANGE",
                                "yearFrom",
                                2026))
                        .put("/shareholders/" + writer.getKey() + "/activities/wh-" + run)
                        .then()
                        .statusCode(201);
            }
            await(
                    Duration.ofSeconds(30),
                    "Kiel's activity at the receiver",
                    () -> !receiver.processed().isEmpty());
            // Kiel's activity is there; give Plön's the same time to (not) arrive.
            Thread.sleep(1500);
            List<WebhookReceiver.Request> got = receiver.processed();
            assertEquals(1, got.size(), "only Kiel's activity");
            WebhookReceiver.Request request = got.get(0);
            assertTrue(request.signatureValid(), "signed with the subscription's secret");
            JsonNode event = JSON.readTree(request.body());
            assertEquals("cooperation.activity.upserted.v1", event.get("type").asText());
            assertEquals(
                    "/ostsee-kooperation/partners-service", event.get("source").asText());
            assertEquals("KIEL", event.get("data").get("shareholder").asText());
            assertEquals(
                    "Webhook-Probe " + run + " KIEL",
                    event.get("data").get("title").asText());
            assertEquals(event.get("id").asText(), request.header("webhook-id"));
            suite.as("webhooks", Suite.KIEL)
                    .delete("/webhook-subscriptions/" + id)
                    .then()
                    .statusCode(204);
        }
    }
}
