package de.kielregion.kooperation.projects.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.projects.Api;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * An older event arriving after a newer one (a replay, a redelivery of an old batch) changes no
 * replica: each replica checks the event's version itself, and what hangs off a replica (the
 * focus partner off its relation) follows only when the replica took the event. Fed through the
 * real topic, as partners-service publishes; each stale event is waited for in the inbox.
 */
@QuarkusTest
class StaleReplicaEventsTest {

    private static final String SOURCE = "/ostsee-kooperation/partners-service";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void anOlderFocusPartnerRelationDoesNotBringAnEndedFocusPartnerBack() {
        UUID partner = Api.partner("Göteborg " + UUID.randomUUID());
        UUID relation = UUID.randomUUID();
        String ended = relation(relation, partner, "ENDED", 2);
        awaitApplied(ended);
        assertEquals("false|2", row("SELECT active::text, version FROM relation_replica WHERE id = ?", relation));
        assertEquals("false", row("SELECT active::text FROM focus_partner WHERE relation_id = ?", relation));

        String stale = relation(relation, partner, "ACTIVE", 1);
        awaitApplied(stale);
        assertEquals("false|2", row("SELECT active::text, version FROM relation_replica WHERE id = ?", relation));
        assertEquals(
                "false",
                row("SELECT active::text FROM focus_partner WHERE relation_id = ?", relation),
                "the ended focus partner stays ended");
    }

    @Test
    void anOlderPartnerStateOrActivityChangesNothing() {
        UUID partner = Api.partner("Aarhus " + UUID.randomUUID());
        awaitApplied(Api.publishPartner(EventTypes.PARTNER_UPDATED, partner, "Aarhus Kommune", "DK", "ACTIVE", 5));
        awaitApplied(Api.publishPartner(EventTypes.PARTNER_UPDATED, partner, "Aarhus (alt)", "DK", "ACTIVE", 3));
        assertEquals("Aarhus Kommune|5", row("SELECT name, version FROM partner_replica WHERE id = ?", partner));

        UUID activity = UUID.randomUUID();
        awaitApplied(activity(activity, "Wasserstoff", 4));
        awaitApplied(activity(activity, "Veraltet", 2));
        assertEquals("4", row("SELECT version FROM existing_activity WHERE id = ?", activity));
        assertEquals("Wasserstoff", row("SELECT theme FROM existing_activity_theme WHERE activity_id = ?", activity));
    }

    /**
     * A poll's batch of replica events is applied in runs (replicas loaded at once, one flush a
     * run): it ends exactly as applying them one by one would. Sent together into one partition,
     * so that one poll takes them all (asserted: their inbox rows were written by one
     * transaction); the runs are counted by the inbox's metric. Assumes no other record waits on
     * partition 0 (each earlier event of these tests is awaited).
     */
    @Test
    void replicaEventsOfOnePollEndAsIfAppliedOneByOne() {
        UUID existing = UUID.randomUUID();
        awaitApplied(activity(existing, "Vorher", 1));
        DistributionSummary runs = registry.summary("ostsee.inbox.replica.run.size", "topic", Api.PARTNERS_TOPIC);
        long runsBefore = runs.count();
        double replicatedBefore = runs.totalAmount();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        UUID relation = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        // Run 1: a stale version of a replica made in the run; one partner registered and updated.
        batch.add(activityRecord(ids, a, "Eins", 1));
        batch.add(activityRecord(ids, a, "Drei", 3));
        batch.add(activityRecord(ids, a, "Zwei", 2)); // stale: a is at 3 by now
        batch.add(partnerRecord(ids, EventTypes.PARTNER_REGISTERED, partner, "Malmö Stad", 1));
        batch.add(partnerRecord(ids, EventTypes.PARTNER_UPDATED, partner, "Malmö stad", 2));
        batch.add(relationRecord(ids, relation, partner)); // another route: the run before it is written first
        // Run 2: a partner its next event (not a replica route) finds in the database and retires.
        batch.add(partnerRecord(ids, EventTypes.PARTNER_REGISTERED, retired, "Lunds kommun", 1));
        batch.add(retiredRecord(ids, retired));
        // Run 3: a replica made, an older event after it; a replica loaded from the database.
        batch.add(activityRecord(ids, b, "Neu", 2));
        batch.add(activityRecord(ids, b, "Alt", 1));
        batch.add(activityRecord(ids, existing, "Nachher", 2));
        Api.publishTogether(batch);
        ids.forEach(this::awaitApplied);

        assertEquals(
                "1",
                row(
                        "SELECT count(DISTINCT xmin::text) FROM inbox_event WHERE id = ANY (?)",
                        ids.toArray(String[]::new)),
                "one poll, one transaction");
        assertEquals(3, runs.count() - runsBefore, "three runs of replica events");
        assertEquals(9.0, runs.totalAmount() - replicatedBefore, "nine replica events in them");
        assertEquals("3|Drei", activityRow(a));
        assertEquals("2|Neu", activityRow(b));
        assertEquals("2|Nachher", activityRow(existing), "the loaded replica's themes replaced");
        assertEquals("Malmö stad|2", row("SELECT name, version FROM partner_replica WHERE id = ?", partner));
        assertEquals("true|1", row("SELECT active::text, version FROM relation_replica WHERE id = ?", relation));
        assertEquals("RETIRED", row("SELECT status FROM partner_replica WHERE id = ?", retired));
    }

    private static ProducerRecord<String, String> retiredRecord(List<String> ids, UUID id) {
        Map<String, Object> data = Map.of(
                "id",
                id.toString(),
                "name",
                "Lunds kommun",
                "status",
                "RETIRED",
                "retiredAt",
                Instant.now().toString());
        return record(ids, EventTypes.PARTNER_RETIRED, id, "Partner", data);
    }

    private String activityRow(UUID id) {
        return row(
                "SELECT a.version || '|' || string_agg(t.theme, ',' ORDER BY t.theme) FROM existing_activity a"
                        + " JOIN existing_activity_theme t ON t.activity_id = a.id WHERE a.id = ? GROUP BY a.version",
                id);
    }

    private static ProducerRecord<String, String> activityRecord(
            List<String> ids, UUID id, String theme, long version) {
        return record(ids, EventTypes.ACTIVITY_UPSERTED, id, "ShareholderActivity", activityData(id, theme, version));
    }

    private static ProducerRecord<String, String> partnerRecord(
            List<String> ids, String type, UUID id, String name, long version) {
        return record(ids, type, id, "Partner", Api.partnerData(id, name, "SE", "ACTIVE", version));
    }

    private static ProducerRecord<String, String> relationRecord(List<String> ids, UUID id, UUID partner) {
        return record(
                ids,
                EventTypes.RELATION_CHANGED,
                id,
                "Relation",
                relationData(id, partner, "PROJECT_PARTNER", "ACTIVE", 1));
    }

    /** A record on partition 0 (all of the test's in one partition), its event id added to {@code ids}. */
    private static ProducerRecord<String, String> record(
            List<String> ids, String type, UUID key, String aggregateType, Object data) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        return Api.record(id, Api.PARTNERS_TOPIC, 0, SOURCE, type, key.toString(), aggregateType, data);
    }

    private static String relation(UUID id, UUID partner, String status, long version) {
        return Api.publish(
                Api.PARTNERS_TOPIC,
                SOURCE,
                EventTypes.RELATION_CHANGED,
                id.toString(),
                "Relation",
                relationData(id, partner, "FOCUS_PARTNER", status, version));
    }

    /** A RelationChanged of Kiel's to {@code partner}. */
    private static Map<String, Object> relationData(UUID id, UUID partner, String kind, String status, long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("shareholder", "KIEL");
        data.put("partnerId", partner.toString());
        data.put("kind", kind);
        data.put("status", status);
        data.put("since", LocalDate.of(2025, 1, 1).toString());
        data.put("themes", List.of());
        data.put("createdAt", Instant.now().toString());
        data.put("updatedAt", Instant.now().toString());
        data.put("version", version);
        return data;
    }

    private static String activity(UUID id, String theme, long version) {
        return Api.publish(
                Api.PARTNERS_TOPIC,
                SOURCE,
                EventTypes.ACTIVITY_UPSERTED,
                id.toString(),
                "ShareholderActivity",
                activityData(id, theme, version));
    }

    /** An ActivityUpserted of Kiel's with one theme. */
    private static Map<String, Object> activityData(UUID id, String theme, long version) {
        return Map.of(
                "id", id.toString(),
                "shareholder", "KIEL",
                "themes", List.of(theme),
                "partnerIds", List.of(),
                "version", version);
    }

    /** Waits until the inbox has taken the event (its effect, if any, is committed with it). */
    private void awaitApplied(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"1".equals(row("SELECT count(*) FROM inbox_event WHERE id = ?", eventId))) {
            assertTrue(System.nanoTime() < deadline, "event " + eventId + " not consumed within 30 s");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The first row's columns joined with '|', or null. */
    private String row(String sql, Object parameter) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                return row.toString();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
