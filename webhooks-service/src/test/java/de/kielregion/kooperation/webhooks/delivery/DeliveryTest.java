package de.kielregion.kooperation.webhooks.delivery;

import static de.kielregion.kooperation.webhooks.Api.ADMIN;
import static de.kielregion.kooperation.webhooks.Api.KIEL;
import static de.kielregion.kooperation.webhooks.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.testing.MailTestResource;
import de.kielregion.kooperation.infra.testing.WebhookReceiver;
import de.kielregion.kooperation.infra.testing.WebhookReceiver.Reply;
import de.kielregion.kooperation.platform.reminders.Reminders;
import de.kielregion.kooperation.webhooks.Api;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery to real HTTP receivers of the test's own (see {@link WebhookReceiver}): what arrived, in which
 * order, signed how, through outages, errors, slowness, 410 and redirects. The retry schedule is
 * production's shrunk (give up after 12 s instead of 24 h; see the test configuration).
 */
@QuarkusTest
class DeliveryTest {

    private static final String PROJECTS = "cooperation.projects.v1";
    private static final String PROPOSED = "cooperation.project.proposed.v1";
    private static final String UPDATED = "cooperation.project.updated.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Reminders reminders;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        Api.deleteAll();
        receivers.forEach(WebhookReceiver::close);
    }

    private WebhookReceiver receiver() {
        WebhookReceiver r = new WebhookReceiver();
        receivers.add(r);
        return r;
    }

    /** Publishes {@code perAggregate} events for each of {@code aggregates} new projects, interleaved; returns ids per aggregate in order. */
    private static Map<String, List<String>> publish(int aggregates, int perAggregate, String shareholder) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        List<String> subjects = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            subjects.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < perAggregate; i++) {
            for (String subject : subjects) {
                String data = "{\"id\": \"" + subject + "\", \"n\": " + i + ", \"shareholders\": [\"" + shareholder
                        + "\"], \"title\": \"Korridor Hamburg–Oslo\"}";
                sent.computeIfAbsent(subject, k -> new ArrayList<>())
                        .add(Api.publish(PROJECTS, i == 0 ? PROPOSED : UPDATED, subject, data));
            }
        }
        return sent;
    }

    /** The ids the receiver processed (2xx, first time), per aggregate, in the order they were processed. */
    private static Map<String, List<String>> processed(WebhookReceiver receiver, boolean binary) {
        Map<String, List<String>> got = new LinkedHashMap<>();
        for (WebhookReceiver.Request r : receiver.processed()) {
            CloudEvent event =
                    HttpMessageFactory.createReader(r.headers(), r.body()).toEvent();
            assertEquals(event.getId(), r.header("webhook-id"), "webhook-id is the event's id");
            assertEquals(binary ? "application/json" : "application/cloudevents+json", r.header("content-type"));
            got.computeIfAbsent(event.getSubject(), k -> new ArrayList<>()).add(event.getId());
        }
        return got;
    }

    private static void awaitAll(WebhookReceiver receiver, Map<String, List<String>> sent, Duration within) {
        int total = sent.values().stream().mapToInt(List::size).sum();
        await().atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> receiver.processed().size() >= total);
    }

    @Test
    void everyEventArrivesSignedAndInOrderPerAggregateInBothContentModes() throws Exception {
        WebhookReceiver structured = receiver();
        WebhookReceiver binary = receiver();
        Map<String, String> sub = Api.subscribe(KIEL, structured.url(), List.of("cooperation.project.*"), Map.of());
        structured.trust(sub.get("secret"));
        binary.trust(Api.subscribe(ADMIN, binary.url(), List.of(PROPOSED, UPDATED), Map.of("contentMode", "BINARY"))
                .get("secret"));
        Map<String, List<String>> sent = publish(5, 8, "KIEL");
        awaitAll(structured, sent, Duration.ofSeconds(30));
        awaitAll(binary, sent, Duration.ofSeconds(30));
        assertEquals(sent, processed(structured, false));
        assertEquals(sent, processed(binary, true));
        assertTrue(structured.requests().stream().allMatch(WebhookReceiver.Request::signatureValid));
        // A healthy receiver gets each event once, at the first attempt (no answer lost, no timeout).
        assertEquals(40, structured.requests().size(), "one request per event");
        List<String> outcomes = as(KIEL).queryParam("size", 500)
                .get("/webhook-subscriptions/" + sub.get("id") + "/deliveries")
                .then()
                .extract()
                .path("items.outcome");
        assertEquals(40, outcomes.size());
        assertTrue(outcomes.stream().allMatch("DELIVERED"::equals), outcomes.toString());
        assertTrue(binary.requests().stream().allMatch(WebhookReceiver.Request::signatureValid));
        WebhookReceiver.Request first = structured.processed().get(0);
        JsonNode envelope = JSON.readTree(first.body());
        assertEquals("1.0", envelope.get("specversion").asText());
        assertEquals("Korridor Hamburg–Oslo", envelope.get("data").get("title").asText());
        assertEquals("Project", envelope.get("aggregatetype").asText());
        WebhookReceiver.Request raw = binary.processed().get(0);
        assertEquals(
                "Korridor Hamburg–Oslo", JSON.readTree(raw.body()).get("title").asText());
        assertEquals("1.0", raw.header("ce-specversion"));
    }

    @Test
    void aReceiverAnswering500IsTriedAgainUntilItTakesEverything() {
        WebhookReceiver again = receiver().answer(n -> n <= 6 ? Reply.status(500) : Reply.ok());
        Map<String, String> sub = Api.subscribe(KIEL, again.url(), List.of("cooperation.project.*"), Map.of());
        again.trust(sub.get("secret"));
        Map<String, List<String>> sent = publish(3, 4, "KIEL");
        awaitAll(again, sent, Duration.ofSeconds(30));
        assertEquals(sent, processed(again, false));
        List<Map<String, Object>> attempts = as(KIEL).queryParam("size", 500)
                .get("/webhook-subscriptions/" + sub.get("id") + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertEquals(
                6,
                attempts.stream().filter(a -> "FAILED".equals(a.get("outcome"))).count());
        assertTrue(attempts.stream()
                .filter(a -> "FAILED".equals(a.get("outcome")))
                .allMatch(a -> Integer.valueOf(500).equals(a.get("statusCode"))
                        && ((String) a.get("response")).startsWith("answer ")));
        assertEquals(
                12,
                attempts.stream()
                        .filter(a -> "DELIVERED".equals(a.get("outcome")))
                        .count());
    }

    @Test
    void aReceiverDownForAWhileGetsEverythingInOrderWhenItIsBack() throws Exception {
        WebhookReceiver receiver = receiver();
        int port = receiver.port();
        Map<String, String> sub = Api.subscribe(KIEL, receiver.url(), List.of("cooperation.project.*"), Map.of());
        receiver.close();
        receivers.remove(receiver);
        Map<String, List<String>> sent = publish(4, 5, "KIEL");
        // Down for 6 s: half of the (shrunk) give-up time, many attempts refused.
        Thread.sleep(6000);
        WebhookReceiver back = new WebhookReceiver(port).trust(sub.get("secret"));
        receivers.add(back);
        awaitAll(back, sent, Duration.ofSeconds(20));
        assertEquals(sent, processed(back, false));
        as(KIEL).get("/webhook-subscriptions/" + sub.get("id")).then().body("status", equalTo("ACTIVE"));
        List<String> errors = as(KIEL).queryParam("size", 500)
                .get("/webhook-subscriptions/" + sub.get("id") + "/deliveries")
                .then()
                .extract()
                .path("items.error");
        assertTrue(errors.stream().anyMatch(e -> e != null && e.contains("Connection refused")), errors.toString());
    }

    @Test
    void aSlowReceiverTimesOutAndItsDuplicateIsDroppedByWebhookId() {
        AtomicBoolean slow = new AtomicBoolean(true);
        WebhookReceiver receiver =
                receiver().answer(n -> slow.getAndSet(false) ? new Reply(204, 3000, Map.of()) : Reply.ok());
        Map<String, String> sub = Api.subscribe(KIEL, receiver.url(), List.of(PROPOSED), Map.of());
        receiver.trust(sub.get("secret"));
        Map<String, List<String>> sent = publish(1, 1, "KIEL");
        awaitAll(receiver, sent, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= 2);
        List<WebhookReceiver.Request> requests = receiver.requests();
        Set<String> ids = requests.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "the same webhook-id on the retry");
        assertEquals(1, receiver.processed().size(), "the receiver's dedupe dropped the second");
        List<String> outcomes = as(KIEL).get("/webhook-subscriptions/" + sub.get("id") + "/deliveries")
                .then()
                .extract()
                .path("items.outcome");
        assertTrue(outcomes.contains("FAILED") && outcomes.contains("DELIVERED"), outcomes.toString());
    }

    @Test
    void a410UnsubscribesUntilTheOwnerResumes() {
        WebhookReceiver receiver = receiver().answer(n -> n == 1 ? Reply.status(410) : Reply.ok());
        Map<String, String> sub = Api.subscribe(KIEL, receiver.url(), List.of("cooperation.project.*"), Map.of());
        receiver.trust(sub.get("secret"));
        Map<String, List<String>> sent = publish(2, 2, "KIEL");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(KIEL).get("/webhook-subscriptions/" + sub.get("id"))
                        .then()
                        .body("status", equalTo("UNSUBSCRIBED")));
        // What was on its way beside the 410 may have been delivered; the rest waits.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> as(KIEL).get("/webhook-subscriptions/" + sub.get("id"))
                        .then()
                        .body("pending", equalTo(4 - receiver.processed().size())));
        int requests = receiver.requests().size();
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertTrue(receiver.requests().size() <= requests + 1, "at most the one on its way when 410 came");
        as(KIEL).post("/webhook-subscriptions/" + sub.get("id") + "/resume")
                .then()
                .body("status", equalTo("ACTIVE"));
        awaitAll(receiver, sent, Duration.ofSeconds(20));
        assertEquals(sent, processed(receiver, false));
    }

    @Test
    void aReceiversRetryAfterIsHonouredUpToTheLongestDelay() {
        WebhookReceiver receiver = receiver().answer(n -> switch (n) {
            case 1 -> new Reply(503, 0, Map.of("Retry-After", "2"));
            case 2 -> new Reply(429, 0, Map.of("Retry-After", "3600"));
            default -> Reply.ok();
        });
        Map<String, String> sub = Api.subscribe(KIEL, receiver.url(), List.of(PROPOSED), Map.of());
        receiver.trust(sub.get("secret"));
        publish(1, 1, "KIEL");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.processed().size() == 1);
        List<WebhookReceiver.Request> requests = receiver.requests();
        long asked = requests.get(1).receivedAtMillis() - requests.get(0).receivedAtMillis();
        long capped = requests.get(2).receivedAtMillis() - requests.get(1).receivedAtMillis();
        // The backoff alone: 50-100 ms, then 100-200 ms (looked for every 100 ms).
        assertTrue(asked >= 1900 && asked < 3000, "asked for 2 s, waited " + asked + " ms");
        assertTrue(capped >= 2900 && capped < 5000, "asked for an hour, waited the longest delay (3 s): " + capped);
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsFailure() {
        WebhookReceiver elsewhere = receiver();
        WebhookReceiver redirecting = receiver().answer(n -> new Reply(302, 0, Map.of("Location", elsewhere.url())));
        Map<String, String> sub = Api.subscribe(KIEL, redirecting.url(), List.of(PROPOSED), Map.of());
        redirecting.trust(sub.get("secret"));
        publish(1, 1, "KIEL");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> redirecting.requests().size() >= 3);
        assertEquals(0, elsewhere.requests().size(), "the redirect's target is never called");
        List<Integer> codes = as(KIEL).get("/webhook-subscriptions/" + sub.get("id") + "/deliveries")
                .then()
                .extract()
                .path("items.statusCode");
        assertTrue(codes.stream().allMatch(c -> c == 302), codes.toString());
    }

    @Test
    void nothingSucceedingForTheGiveUpTimeDisablesTheSubscriptionAndMailsItsOwner() throws Exception {
        WebhookReceiver receiver = receiver().answer(n -> Reply.status(503));
        Map<String, String> sub = Api.subscribe(KIEL, receiver.url(), List.of(PROPOSED), Map.of());
        receiver.trust(sub.get("secret"));
        publish(1, 1, "KIEL");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(KIEL).get("/webhook-subscriptions/" + sub.get("id"))
                        .then()
                        .body("status", equalTo("DISABLED"))
                        .body("pending", equalTo(1)));
        reminders.run(LocalDate.now());
        boolean mailed = false;
        for (MimeMessage m : MailTestResource.mail().getReceivedMessages()) {
            if (m.getSubject().contains("Webhook-Abonnement deaktiviert")
                    && String.valueOf(m.getContent()).contains(sub.get("id"))) {
                mailed = true;
                assertEquals("international@kiel.example", m.getAllRecipients()[0].toString());
            }
        }
        assertTrue(mailed, "the owner (Kiel's contact) got the mail");
        receiver.answer(n -> Reply.ok());
        as(KIEL).post("/webhook-subscriptions/" + sub.get("id") + "/resume")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.processed().size() == 1);
    }

    @Test
    void aReplaySendsTheSameWebhookIdsAgain() {
        WebhookReceiver receiver = receiver();
        Map<String, String> sub = Api.subscribe(KIEL, receiver.url(), List.of("cooperation.project.*"), Map.of());
        receiver.trust(sub.get("secret"));
        Instant before = Instant.now().minusSeconds(1);
        Map<String, List<String>> sent = publish(2, 3, "KIEL");
        awaitAll(receiver, sent, Duration.ofSeconds(20));
        as(KIEL).body(Map.of("from", before.toString()))
                .post("/webhook-subscriptions/" + sub.get("id") + "/replay")
                .then()
                .statusCode(200)
                .body("events", equalTo(6));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= 12);
        assertEquals(6, receiver.processed().size(), "the receiver's dedupe drops the replayed ids");
        Set<String> ids = new HashSet<>();
        receiver.requests().forEach(r -> ids.add(r.header("webhook-id")));
        assertEquals(6, ids.size());
    }

    @Test
    void aShareholderFilterLetsOnlyItsOwnEventsThrough() {
        WebhookReceiver receiver = receiver();
        Map<String, String> sub =
                Api.subscribe(KIEL, receiver.url(), List.of("cooperation.project.*"), Map.of("shareholder", "KIEL"));
        receiver.trust(sub.get("secret"));
        Map<String, List<String>> foreign = publish(2, 2, "PLOEN");
        Map<String, List<String>> own = publish(2, 2, "KIEL");
        awaitAll(receiver, own, Duration.ofSeconds(20));
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertEquals(own, processed(receiver, false));
        assertTrue(foreign.keySet().stream().noneMatch(processed(receiver, false)::containsKey));
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGracePeriodEnds() {
        WebhookReceiver oldOnly = receiver();
        Map<String, String> sub = Api.subscribe(KIEL, oldOnly.url(), List.of(PROPOSED), Map.of());
        oldOnly.trust(sub.get("secret"));
        String fresh = as(KIEL).post("/webhook-subscriptions/" + sub.get("id") + "/secret")
                .path("secret");
        publish(1, 1, "KIEL");
        await().atMost(Duration.ofSeconds(20)).until(() -> oldOnly.processed().size() == 1);
        WebhookReceiver.Request r = oldOnly.processed().get(0);
        assertEquals(2, r.header("webhook-signature").split(" ").length);
        assertTrue(WebhookReceiver.signedWith(fresh, r.headers(), r.body()));
        assertTrue(WebhookReceiver.signedWith(sub.get("secret"), r.headers(), r.body()));
    }
}
