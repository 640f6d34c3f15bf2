package de.kielregion.kooperation.projects.messaging;

import static de.kielregion.kooperation.platform.inbox.Replicas.upsert;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.partners.ActivityUpserted;
import de.kielregion.kooperation.contracts.partners.CooperationAreaChanged;
import de.kielregion.kooperation.contracts.partners.PartnerChanged;
import de.kielregion.kooperation.contracts.partners.PartnerRetired;
import de.kielregion.kooperation.contracts.partners.RelationChanged;
import de.kielregion.kooperation.contracts.partners.ShareholderInterestsChanged;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.inbox.EventRoutes;
import de.kielregion.kooperation.platform.inbox.Inbox;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.partner.AreaReplica;
import de.kielregion.kooperation.projects.partner.ExistingActivity;
import de.kielregion.kooperation.projects.partner.FocusPartner;
import de.kielregion.kooperation.projects.partner.InterestReplica;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.partner.RelationReplica;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the replicas of {@code cooperation.partners.v1}: partners (whole state, applied only if
 * not older than what is kept) and retired ones, shareholders' activities and interests,
 * relations and focus partners, cooperation areas with their potential analysis's ranking;
 * decisions on partners go to the register. Each replica applies
 * its own event and its version check: a stale event changes nothing anywhere. Other event
 * types on the topic are acknowledged without a transaction (tolerant reader); each event has
 * one effect (inbox). Partners, activities and areas are replica routes: a run of them in a poll
 * is loaded with one query and written with one flush (a backlog catches up faster).
 */
@ApplicationScoped
public class PartnerReplicaConsumer {

    private final Inbox inbox;
    private final EntityManager em;
    private final EventRoutes routes;

    PartnerReplicaConsumer(Inbox inbox, EntityManager em, DecisionRegister decisions, ObjectMapper mapper) {
        this.inbox = inbox;
        this.em = em;
        this.routes = EventRoutes.builder(mapper)
                .replica(
                        em,
                        Set.of(EventTypes.PARTNER_REGISTERED, EventTypes.PARTNER_UPDATED),
                        PartnerChanged.class,
                        PartnerReplica.class,
                        PartnerChanged::id,
                        PartnerReplica::new,
                        PartnerReplica::apply)
                .on(EventTypes.PARTNER_RETIRED, PartnerRetired.class, this::retired)
                .onEvent(EventTypes.DECISION_TAKEN, decisions::registerExternal)
                .replica(
                        em,
                        EventTypes.ACTIVITY_UPSERTED,
                        ActivityUpserted.class,
                        ExistingActivity.class,
                        ActivityUpserted::id,
                        ExistingActivity::new,
                        ExistingActivity::apply)
                .on(EventTypes.SHAREHOLDER_INTERESTS_CHANGED, ShareholderInterestsChanged.class, this::interests)
                .on(EventTypes.RELATION_CHANGED, RelationChanged.class, this::relation)
                .replica(
                        em,
                        EventTypes.COOPERATION_AREA_CHANGED,
                        CooperationAreaChanged.class,
                        AreaReplica.class,
                        CooperationAreaChanged::id,
                        AreaReplica::new,
                        AreaReplica::apply)
                .build();
    }

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, routes);
    }

    private void retired(PartnerRetired retired) {
        PartnerReplica replica = em.find(PartnerReplica.class, retired.id());
        if (replica != null) {
            replica.retire();
        }
    }

    /** A shareholder's interests, to narrow the quick-win list. */
    private void interests(ShareholderInterestsChanged changed) {
        if (changed.shareholder() == null) {
            throw new MalformedEventException("ShareholderInterestsChanged without a shareholder it knows");
        }
        String shareholder = changed.shareholder().name();
        upsert(em, InterestReplica.class, shareholder, () -> new InterestReplica(shareholder), i -> i.apply(changed));
    }

    /**
     * Every relation of a shareholder to a partner, for how far the cooperation reaches (measure
     * 4); a focus-partner relation also as a focus partner, but only when the relation took the
     * event (an older one arriving late changes neither).
     */
    private void relation(RelationChanged changed) {
        if (changed.id() == null || changed.partnerId() == null) {
            throw new MalformedEventException("RelationChanged without id or partnerId");
        }
        boolean applied = upsert(
                em,
                RelationReplica.class,
                changed.id(),
                () -> new RelationReplica(changed.id()),
                r -> r.apply(changed));
        if (applied && "FOCUS_PARTNER".equals(changed.kind())) {
            upsert(em, FocusPartner.class, changed.id(), () -> new FocusPartner(changed.id()), f -> f.apply(changed));
        }
    }
}
