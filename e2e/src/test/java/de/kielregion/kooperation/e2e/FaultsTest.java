package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.KIEL;
import static de.kielregion.kooperation.e2e.Suite.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.infra.testing.RecordSender;
import de.kielregion.kooperation.infra.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof that nothing is lost: a broker outage while writes go on, services killed while they
 * relay and consume, redelivered and malformed records. The effect observed is the
 * shareholders' activities (partners-service) counted in projects-service's read model.
 */
class FaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.get();
    }

    @Test
    void brokerOutageDelaysEventsAndLosesNone() throws Exception {
        String theme = "Outage " + UUID.randomUUID();
        int written = 0;
        suite.kafka().stop();
        try {
            // Writes go on until the relay has met the outage (its readiness data says so), at
            // least ten of them; at most 60 s.
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < end
                    && (written < 10 || !health("partners", "/q/health/ready").contains("unreachable since"))) {
                // Writes keep succeeding while the broker is down.
                suite.as("partners", KIEL)
                        .body(activity("Während des Ausfalls " + written, theme))
                        .when()
                        .put("/shareholders/KIEL/activities/OUT-" + UUID.randomUUID())
                        .then()
                        .statusCode(201);
                written++;
                Thread.sleep(500);
            }
            assertTrue(
                    suite.count(
                                    "partners",
                                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL "
                                            + "AND jsonb_exists(payload->'themes', ?)",
                                    theme)
                            > 0,
                    "events wait in the outbox during the outage");
            // Readiness and startup stay UP (ADR 3): the relay's check reports the unreachable
            // broker in its data; liveness does not fail.
            for (String check : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
                assertHealthUp("partners", check);
            }
            assertTrue(assertHealthUp("partners", "/q/health/ready").contains("unreachable since"));
            // A pod (re)started during the outage starts and becomes ready: Suite.restart waits
            // for readiness, and the startup probe's answer is UP.
            suite.stop("memberships");
            suite.restart("memberships");
            assertHealthUp("memberships", "/q/health/started");
            assertHealthUp("memberships", "/q/health/ready");
        } finally {
            suite.kafka().restart();
        }
        int expected = written;
        await(WAIT, expected + " activities in projects-service after the outage", () -> themeCount(theme) == expected);
        assertEachEventAppliedOnce(theme, expected);
    }

    /** The health check's answer, whatever its status. */
    private static String health(String service, String path) {
        return io.restassured.RestAssured.given()
                .baseUri(suite.management(service))
                .when()
                .get(path)
                .then()
                .extract()
                .asString();
    }

    /** The health check's answer, asserted 200 with status UP; its body returned. */
    private static String assertHealthUp(String service, String path) {
        var response = io.restassured.RestAssured.given()
                .baseUri(suite.management(service))
                .when()
                .get(path)
                .then()
                .extract()
                .response();
        String body = response.asString();
        int status = response.statusCode();
        assertEquals(200, status, service + " " + path + " during the outage: " + body);
        assertTrue(body.contains("\"status\": \"UP\"") || body.contains("\"status\":\"UP\""), body);
        return body;
    }

    @Test
    void killedServicesLoseNothingAndApplyNothingTwice() {
        String theme = "Crash " + UUID.randomUUID();
        int count = 2000;
        List<Map<String, Object>> activities = bulk("Absturz", "CR-", theme, count);
        suite.as("partners", KIEL)
                .body(Map.of("activities", activities))
                .when()
                .post("/shareholders/KIEL/activities/bulk")
                .then()
                .statusCode(200);
        // SIGKILL partners-service once its relay has published part of the events, and
        // projects-service once it has applied part of them (or as soon as the rest is gone).
        String unpublishedSql = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL "
                + "AND jsonb_exists(payload->'themes', ?)";
        awaitQuietly(() -> suite.count("partners", unpublishedSql, theme) < count);
        suite.kill("partners");
        long unpublished = suite.count("partners", unpublishedSql, theme);
        awaitQuietly(() -> themeCount(theme) > 0);
        suite.kill("projects");
        long applied = themeCount(theme);
        System.out.printf(
                "Killed partners-service with %d of %d events unpublished, projects-service with %d " + "applied%n",
                unpublished, count, applied);
        suite.restart("partners", "projects");
        await(WAIT, count + " activities after the restart", () -> themeCount(theme) == count);
        assertEachEventAppliedOnce(theme, count);
    }

    @Test
    void redeliveredAndMalformedRecordsHaveOneEffectAndGoToTheDeadLetterTopic() throws Exception {
        String theme = "Replay " + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            suite.as("partners", KIEL)
                    .body(activity("Wiederholung " + i, theme))
                    .when()
                    .put("/shareholders/KIEL/activities/RP-" + UUID.randomUUID())
                    .then()
                    .statusCode(201);
        }
        await(WAIT, "20 activities", () -> themeCount(theme) == 20);
        List<ConsumerRecord<String, String>> originals;
        try (TopicReader reader = new TopicReader(suite.bootstrapServers(), "cooperation.partners.v1")) {
            originals = reader.readToEnd(Duration.ofSeconds(30)).stream()
                    .filter(r -> r.value().contains(theme))
                    .toList();
        }
        assertEquals(20, originals.size());
        for (ConsumerRecord<String, String> r : originals) {
            RecordSender.send(
                    suite.bootstrapServers(),
                    "cooperation.partners.v1",
                    r.key(),
                    new RecordHeaders(r.headers().toArray()),
                    r.value());
        }
        String poisonKey = "poison-" + UUID.randomUUID();
        RecordSender.send(
                suite.bootstrapServers(),
                "cooperation.partners.v1",
                poisonKey,
                new RecordHeaders(),
                "this is not a CloudEvent");
        awaitCaughtUp("projects-service", "cooperation.partners.v1");

        assertEquals(20, themeCount(theme), "the read model did not change");
        assertEachEventAppliedOnce(theme, 20);
        List<ConsumerRecord<String, String>> dead = TopicReader.keyed(
                suite.bootstrapServers(),
                "cooperation.projects.dlq",
                poisonKey,
                rs -> !rs.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "the malformed record is in the dead-letter topic");
        assertEquals(
                "this is not a CloudEvent",
                new String(dead.get(0).value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        // The partition keeps flowing.
        String after = "After poison " + UUID.randomUUID();
        suite.as("partners", KIEL)
                .body(activity("Danach", after))
                .when()
                .put("/shareholders/KIEL/activities/AP-" + UUID.randomUUID())
                .then()
                .statusCode(201);
        await(WAIT, "an activity after the poison record", () -> themeCount(after) == 1);
    }

    /**
     * The restore runbook (deploy/README.md, "Restore"), rehearsed: a backup of
     * projects-service's database, events it applies after the backup, the database restored to
     * the backup (those effects gone), the consumer group moved back to the backup's time with
     * the runbook's own command ({@code kafka-consumer-groups --reset-offsets --to-datetime}),
     * and the service started again: it converges, each event applied once. The backup is a copy
     * of the stopped database (CloudNativePG's is online, to any point in time; what follows the
     * restore is the same).
     */
    @Test
    void aDatabaseRestoredToAnEarlierPointCatchesUpAfterTheOffsetReset() throws Exception {
        String theme = "Restore " + UUID.randomUUID();
        String database = suite.databaseName("projects");
        String backup = database + "_backup";
        putActivities(theme, "Vor der Sicherung", 10);
        await(WAIT, "10 activities before the backup", () -> themeCount(theme) == 10);

        suite.stop("projects");
        suite.onServer("CREATE DATABASE " + backup + " TEMPLATE " + database);
        java.time.Instant backupTime = java.time.Instant.now();
        Thread.sleep(1000); // the records after the backup carry later timestamps
        suite.restart("projects");
        putActivities(theme, "Nach der Sicherung", 15);
        await(WAIT, "25 activities before the restore", () -> themeCount(theme) == 25);

        suite.stop("projects");
        suite.onServer("DROP DATABASE " + database);
        suite.onServer("CREATE DATABASE " + database + " TEMPLATE " + backup);
        suite.onServer("DROP DATABASE " + backup);
        assertEquals(10, themeCount(theme), "the restored database knows only what it had at the backup");

        String at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                .withZone(java.time.ZoneOffset.UTC)
                .format(backupTime);
        String out = consumerGroups(
                "--bootstrap-server",
                suite.bootstrapServers(),
                "--group",
                "projects-service",
                "--reset-offsets",
                "--all-topics",
                "--to-datetime",
                at,
                "--execute");
        assertTrue(out.contains("cooperation.partners.v1"), out);

        suite.restart("projects");
        await(WAIT, "all 25 activities again after the restore", () -> themeCount(theme) == 25);
        assertEachEventAppliedOnce(theme, 25);
    }

    /**
     * A rollout stops pods while they answer: the chart pauses before SIGTERM (preStop) so that
     * no new request reaches the pod, and on SIGTERM the service finishes what is in flight
     * (Quarkus' graceful stop, {@code quarkus.shutdown.timeout}). Here a bulk push of 8,000
     * activities (seconds of work) is in flight when partners-service gets
     * SIGTERM: it is answered 200 and every activity of it is committed, its events published
     * after the restart.
     */
    @Test
    void aRequestInFlightWhenTheServiceIsStoppedIsAnsweredAndKept() throws Exception {
        String theme = "Stopp " + UUID.randomUUID();
        int count = 8000;
        List<Map<String, Object>> activities = bulk("Beim Stoppen", "GS-", theme, count);
        String body =
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("activities", activities));
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var push = pool.submit(() -> suite.as("partners", KIEL)
                    .body(body)
                    .when()
                    .post("/shareholders/KIEL/activities/bulk")
                    .then()
                    .extract()
                    .statusCode());
            // SIGTERM once the request is being worked on: its transaction is open in the database.
            await(
                    WAIT,
                    "the push's transaction open",
                    () -> push.isDone()
                            || suite.count(
                                            "partners",
                                            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                                    + " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                                                    + " OR (datname = current_database() AND pid <> pg_backend_pid()"
                                                    + " AND state = 'active' AND query ILIKE '%activity%')")
                                    > 0);
            assertFalse(push.isDone(), "the push was still in flight when the stop began");
            suite.stop("partners");
            assertEquals(200, push.get(60, TimeUnit.SECONDS), "answered, not cut off");
        } finally {
            pool.shutdownNow();
            suite.restart("partners");
        }
        assertEquals(
                count,
                suite.count("partners", "SELECT count(*) FROM activity_theme WHERE theme = ?", theme),
                "every activity of the request committed");
        await(WAIT, count + " activities in projects-service", () -> themeCount(theme) == count);
    }

    /** kafka-consumer-groups (Kafka's own tool, in this JVM), its output; a failure throws instead of exiting. */
    private static String consumerGroups(String... args) {
        org.apache.kafka.common.utils.Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("kafka-consumer-groups exited " + status + ": " + message);
        });
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(args);
        } finally {
            System.setOut(original);
            org.apache.kafka.common.utils.Exit.resetExitProcedure();
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        return out;
    }

    private static void putActivities(String theme, String title, int count) {
        for (int i = 0; i < count; i++) {
            suite.as("partners", KIEL)
                    .body(activity(title + " " + i, theme))
                    .when()
                    .put("/shareholders/KIEL/activities/RS-" + UUID.randomUUID())
                    .then()
                    .statusCode(201);
        }
    }

    /** Polls up to 20 s for the condition; goes on either way (the kill then lands a little later). */
    private static void awaitQuietly(java.util.function.Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code count} activities of one theme for a bulk push, each with an external id of its own. */
    private static List<Map<String, Object>> bulk(String title, String idPrefix, String theme, int count) {
        List<Map<String, Object>> activities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> a = new java.util.HashMap<>(activity(title + " " + i, theme));
            a.put("externalId", idPrefix + UUID.randomUUID());
            activities.add(a);
        }
        return activities;
    }

    private static Map<String, Object> activity(String title, String theme) {
        return Map.of("title", title, "kind", "EXCHANGE", "yearFrom", 2024, "themes", List.of(theme));
    }

    private static long themeCount(String theme) {
        return suite.count("projects", "SELECT count(*) FROM existing_activity_theme WHERE theme = ?", theme);
    }

    /** Every event partners-service produced for the theme is in projects-service's inbox exactly once. */
    private static void assertEachEventAppliedOnce(String theme, long expected) {
        long[] events = suite.activityEventsProducedAndApplied(theme);
        assertEquals(expected, events[0], "one event per activity was produced");
        assertEquals(expected, events[1], "each event was applied once in projects-service");
    }

    /** Waits until the consumer group has committed the end of every partition of the topic. */
    private static void awaitCaughtUp(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers()))) {
            await(WAIT, group + " caught up on " + topic, () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                    committed.keySet().stream()
                            .filter(tp -> tp.topic().equals(topic))
                            .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                    return !latest.isEmpty()
                            && ends.entrySet().stream()
                                    .allMatch(e -> committed.get(e.getKey()).offset()
                                            >= e.getValue().offset());
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }
}
