package de.kielregion.kooperation.platform.testapp;

import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Counts each consumed widget-created event's effect per name; an event with {@code "fail":
 * true} always fails. Other event types on the topic are not its business.
 */
@ApplicationScoped
public class WidgetEventConsumer {

    public static final String CREATED = "test.widget.created.v1";

    private final Inbox inbox;
    private final EntityManager em;

    WidgetEventConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("widget-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.handle(message, Set.of(CREATED), this::apply);
    }

    void apply(IncomingEvent event) {
        if (event.data().path("fail").asBoolean(false)) {
            throw new IllegalStateException("this event always fails");
        }
        em.createNativeQuery("INSERT INTO widget_effect (name, applied) VALUES (?1, 1) "
                        + "ON CONFLICT (name) DO UPDATE SET applied = widget_effect.applied + 1")
                .setParameter(1, event.data().path("name").asText())
                .executeUpdate();
    }
}
