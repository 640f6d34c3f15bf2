package de.kielregion.kooperation.memberships.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.partners.PartnerChanged;
import de.kielregion.kooperation.contracts.partners.PartnerRetired;
import de.kielregion.kooperation.memberships.partner.PartnerName;
import de.kielregion.kooperation.platform.inbox.EventRoutes;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps partner names from {@code cooperation.partners.v1}; other event types are ignored. */
@ApplicationScoped
public class PartnerNameConsumer {

    private final Inbox inbox;
    private final EventRoutes routes;

    PartnerNameConsumer(Inbox inbox, EntityManager em, ObjectMapper mapper) {
        this.inbox = inbox;
        this.routes = EventRoutes.builder(mapper)
                .replica(
                        em,
                        Set.of(EventTypes.PARTNER_REGISTERED, EventTypes.PARTNER_UPDATED),
                        PartnerChanged.class,
                        PartnerName.class,
                        PartnerChanged::id,
                        PartnerName::new,
                        PartnerName::apply)
                .on(EventTypes.PARTNER_RETIRED, PartnerRetired.class, retired -> {
                    PartnerName partner = em.find(PartnerName.class, retired.id());
                    if (partner != null) {
                        partner.retire();
                    }
                })
                .build();
    }

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, routes);
    }
}
