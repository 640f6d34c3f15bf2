package de.kielregion.kooperation.memberships.organisation;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.partners.PartnerChanged;
import de.kielregion.kooperation.contracts.partners.PartnerRetired;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps partner names from {@code cooperation.partners.v1}; other event types are ignored. */
@ApplicationScoped
public class PartnerNameConsumer {

    /** The event types it reacts to; the topic's others are acknowledged without a transaction. */
    static final Set<String> TYPES =
            Set.of(EventTypes.PARTNER_REGISTERED, EventTypes.PARTNER_UPDATED, EventTypes.PARTNER_RETIRED);

    private final Inbox inbox;
    private final EntityManager em;
    private final ObjectMapper mapper;

    PartnerNameConsumer(Inbox inbox, EntityManager em, ObjectMapper mapper) {
        this.mapper = mapper;
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.handle(message, TYPES, this::apply);
    }

    void apply(IncomingEvent event) {
        switch (event.type()) {
            case EventTypes.PARTNER_REGISTERED, EventTypes.PARTNER_UPDATED -> {
                PartnerChanged changed = event.dataAs(PartnerChanged.class, mapper);
                PartnerName partner = em.find(PartnerName.class, changed.id());
                if (partner != null && partner.version > changed.version()) {
                    return;
                }
                boolean created = partner == null;
                if (created) {
                    partner = new PartnerName();
                    partner.id = changed.id();
                }
                partner.name = changed.name();
                partner.status = changed.status() == null ? "ACTIVE" : changed.status();
                partner.version = changed.version();
                if (created) {
                    em.persist(partner);
                }
            }
            case EventTypes.PARTNER_RETIRED -> {
                PartnerName partner = em.find(
                        PartnerName.class,
                        event.dataAs(PartnerRetired.class, mapper).id());
                if (partner != null) {
                    partner.status = "RETIRED";
                }
            }
            default -> {
                // relations, activities, areas and decisions do not concern memberships
            }
        }
    }
}
