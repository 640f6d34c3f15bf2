package de.kielregion.kooperation.platform.testapp;

import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts each consumed widget-created event's effect per name; an event with {@code "fail":
 * true} always fails; one with {@code "losesConnection": n} loses its database connection in its
 * first n tries (as in a PostgreSQL restart). Other event types on the topic are not its business.
 */
@ApplicationScoped
public class WidgetEventConsumer {

    public static final String CREATED = "test.widget.created.v1";

    /** How often an effect with {@code "losesConnection": n} was tried, per name. */
    private static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> TRIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Inbox inbox;
    private final EntityManager em;

    WidgetEventConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("widget-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, Set.of(CREATED), this::apply);
    }

    void apply(IncomingEvent event) {
        if (event.data().path("fail").asBoolean(false)) {
            throw new IllegalStateException("this event always fails");
        }
        int drops = event.data().path("losesConnection").asInt(0);
        String name = event.data().path("name").asText();
        if (drops > 0
                && TRIES.computeIfAbsent(name, n -> new java.util.concurrent.atomic.AtomicInteger())
                                .incrementAndGet()
                        <= drops) {
            // As if PostgreSQL restarted under the effect: the server ends this backend.
            em.createNativeQuery("SELECT pg_terminate_backend(pg_backend_pid())")
                    .getSingleResult();
        }
        em.createNativeQuery("INSERT INTO widget_effect (name, applied) VALUES (?1, 1) "
                        + "ON CONFLICT (name) DO UPDATE SET applied = widget_effect.applied + 1")
                .setParameter(1, event.data().path("name").asText())
                .executeUpdate();
    }
}
