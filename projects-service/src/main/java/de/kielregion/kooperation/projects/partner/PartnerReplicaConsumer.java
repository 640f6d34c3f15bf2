package de.kielregion.kooperation.projects.partner;

import com.fasterxml.jackson.databind.JsonNode;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.inbox.Inbox;
import de.kielregion.kooperation.projects.decision.DecisionService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the partner replica from {@code cooperation.partners.v1}: registered and updated
 * partners (whole state, applied only if newer than what is kept) and retired ones; decisions
 * on partners go to the register. Other event types on the topic are ignored (tolerant
 * reader); each event has one effect (inbox).
 */
@ApplicationScoped
public class PartnerReplicaConsumer {

    static final String REGISTERED = EventTypes.PARTNER_REGISTERED;
    static final String UPDATED = EventTypes.PARTNER_UPDATED;
    static final String RETIRED = EventTypes.PARTNER_RETIRED;

    static final String DECISION_TAKEN = EventTypes.DECISION_TAKEN;
    static final String ACTIVITY_UPSERTED = EventTypes.ACTIVITY_UPSERTED;
    static final String RELATION_CHANGED = EventTypes.RELATION_CHANGED;

    private final Inbox inbox;
    private final EntityManager em;
    private final DecisionService decisions;

    PartnerReplicaConsumer(Inbox inbox, EntityManager em, DecisionService decisions) {
        this.inbox = inbox;
        this.em = em;
        this.decisions = decisions;
    }

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.handle(message, this::apply);
    }

    private void focusPartner(JsonNode data) {
        UUID id = UUID.fromString(data.path("id").asText());
        FocusPartner focus = em.find(FocusPartner.class, id);
        boolean created = focus == null;
        if (created) {
            focus = new FocusPartner();
            focus.relationId = id;
        }
        focus.partnerId = UUID.fromString(data.path("partnerId").asText());
        focus.shareholder = data.path("shareholder").asText();
        focus.since = data.hasNonNull("since")
                ? java.time.LocalDate.parse(data.get("since").asText())
                : null;
        focus.active = "ACTIVE".equals(data.path("status").asText());
        if (created) {
            em.persist(focus);
        }
    }

    /** Keeps who an activity belongs to and its themes, for the overview's counts; newer versions win. */
    private void activity(JsonNode data) {
        UUID id = UUID.fromString(data.path("id").asText());
        long version = data.path("version").asLong(0);
        ExistingActivity activity = em.find(ExistingActivity.class, id);
        if (activity != null && activity.version > version) {
            return;
        }
        boolean created = activity == null;
        if (created) {
            activity = new ExistingActivity();
            activity.id = id;
        }
        activity.shareholder = data.path("shareholder").asText();
        activity.version = version;
        activity.updatedAt = Instant.now();
        activity.themes.clear();
        for (JsonNode theme : data.path("themes")) {
            activity.themes.add(theme.asText());
        }
        if (created) {
            em.persist(activity);
        }
    }

    void apply(IncomingEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case REGISTERED, UPDATED -> {
                UUID id = UUID.fromString(data.path("id").asText());
                long version = data.path("version").asLong(0);
                PartnerReplica replica = em.find(PartnerReplica.class, id);
                if (replica != null && replica.version > version) {
                    return; // an older state arriving late
                }
                boolean created = replica == null;
                if (created) {
                    replica = new PartnerReplica();
                    replica.id = id;
                }
                replica.name = data.path("name").asText();
                replica.type = data.path("type").asText(null);
                replica.country = data.path("country").asText(null);
                replica.status = data.path("status").asText("ACTIVE");
                replica.version = version;
                replica.updatedAt = Instant.now();
                if (created) {
                    em.persist(replica);
                }
            }
            case RETIRED -> {
                PartnerReplica replica = em.find(
                        PartnerReplica.class, UUID.fromString(data.path("id").asText()));
                if (replica != null) {
                    replica.status = "RETIRED";
                    replica.updatedAt = Instant.now();
                }
            }
            case DECISION_TAKEN -> decisions.registerExternal(event);
            case ACTIVITY_UPSERTED -> activity(data);
            case RELATION_CHANGED -> {
                if ("FOCUS_PARTNER".equals(data.path("kind").asText())) {
                    focusPartner(data);
                }
            }
            default -> {
                // other partner events do not concern projects-service
            }
        }
    }
}
