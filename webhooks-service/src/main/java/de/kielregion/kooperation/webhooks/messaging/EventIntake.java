package de.kielregion.kooperation.webhooks.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.inbox.Inbox;
import de.kielregion.kooperation.webhooks.subscription.Queue;
import de.kielregion.kooperation.webhooks.subscription.Wakeup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes every event of the three services' topics into the event log, once (the inbox), and in
 * the same transaction a delivery for each subscription that wants it; then wakes the dispatcher.
 */
@ApplicationScoped
public class EventIntake {

    /**
     * The fields of an event's data that name the shareholders it concerns (the contracts'
     * {@code Shareholder} fields: {@code shareholder}, {@code holder}, {@code shareholders}).
     */
    public static final List<String> SHAREHOLDER_FIELDS = List.of("shareholder", "holder", "shareholders");

    private final Inbox inbox;
    private final EntityManager em;
    private final Wakeup wakeup;

    EventIntake(Inbox inbox, EntityManager em, Wakeup wakeup) {
        this.inbox = inbox;
        this.em = em;
        this.wakeup = wakeup;
    }

    @Incoming("events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, null, this::record).thenRun(wakeup::signal);
    }

    void record(IncomingEvent event) {
        @SuppressWarnings("unchecked")
        List<Number> seq = em.createNativeQuery(
                        "INSERT INTO webhook_event (id, source, type, subject, aggregate_type, time, data,"
                                + " shareholders, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                                + " ON CONFLICT (id) DO NOTHING RETURNING seq")
                .setParameter(1, event.id())
                .setParameter(2, event.source())
                .setParameter(3, event.type())
                .setParameter(4, event.subject())
                .setParameter(5, event.aggregateType())
                .setParameter(6, event.time() == null ? null : Timestamp.from(event.time()))
                .setParameter(7, event.data().toString())
                .setParameter(8, shareholders(event.data()).toArray(String[]::new))
                .setParameter(9, Timestamp.from(Instant.now()))
                .getResultList();
        if (!seq.isEmpty()) {
            em.createNativeQuery(Queue.ENQUEUE_EVENT)
                    .setParameter(1, seq.get(0).longValue())
                    .executeUpdate();
        }
    }

    /** The shareholders an event's data names (top-level fields, see {@link #SHAREHOLDER_FIELDS}). */
    static Set<String> shareholders(JsonNode data) {
        Set<String> found = new LinkedHashSet<>();
        for (String field : SHAREHOLDER_FIELDS) {
            JsonNode value = data.get(field);
            if (value == null) {
                continue;
            }
            if (value.isTextual()) {
                found.add(value.asText());
            } else if (value.isArray()) {
                value.forEach(v -> {
                    if (v.isTextual()) {
                        found.add(v.asText());
                    }
                });
            }
        }
        return found;
    }
}
