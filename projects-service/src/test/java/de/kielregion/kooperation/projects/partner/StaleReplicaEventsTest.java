package de.kielregion.kooperation.projects.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.projects.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static String relation(UUID id, UUID partner, String status, long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("shareholder", "KIEL");
        data.put("partnerId", partner.toString());
        data.put("kind", "FOCUS_PARTNER");
        data.put("status", status);
        data.put("since", LocalDate.of(2025, 1, 1).toString());
        data.put("themes", List.of());
        data.put("createdAt", Instant.now().toString());
        data.put("updatedAt", Instant.now().toString());
        data.put("version", version);
        return Api.publish(Api.PARTNERS_TOPIC, SOURCE, EventTypes.RELATION_CHANGED, id.toString(), "Relation", data);
    }

    private static String activity(UUID id, String theme, long version) {
        Map<String, Object> data = Map.of(
                "id", id.toString(),
                "shareholder", "KIEL",
                "themes", List.of(theme),
                "partnerIds", List.of(),
                "version", version);
        return Api.publish(
                Api.PARTNERS_TOPIC, SOURCE, EventTypes.ACTIVITY_UPSERTED, id.toString(), "ShareholderActivity", data);
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
