package de.kielregion.kooperation.memberships.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps partner names from {@code cooperation.partners.v1}; other event types are ignored. */
@ApplicationScoped
public class PartnerNameConsumer {

    private final Inbox inbox;
    private final EntityManager em;

    PartnerNameConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.handle(message, this::apply);
    }

    void apply(IncomingEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case EventTypes.PARTNER_REGISTERED, EventTypes.PARTNER_UPDATED -> {
                UUID id = UUID.fromString(data.path("id").asText());
                long version = data.path("version").asLong(0);
                PartnerName partner = em.find(PartnerName.class, id);
                if (partner != null && partner.version > version) {
                    return;
                }
                boolean created = partner == null;
                if (created) {
                    partner = new PartnerName();
                    partner.id = id;
                }
                partner.name = data.path("name").asText();
                partner.status = data.path("status").asText("ACTIVE");
                partner.version = version;
                if (created) {
                    em.persist(partner);
                }
            }
            case EventTypes.PARTNER_RETIRED -> {
                PartnerName partner = em.find(
                        PartnerName.class, UUID.fromString(data.path("id").asText()));
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
