package de.kielregion.kooperation.projects.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.partners.ActivityUpserted;
import de.kielregion.kooperation.contracts.partners.PartnerChanged;
import de.kielregion.kooperation.contracts.partners.PartnerRetired;
import de.kielregion.kooperation.contracts.partners.RelationChanged;
import de.kielregion.kooperation.contracts.partners.ShareholderInterestsChanged;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.inbox.Inbox;
import de.kielregion.kooperation.platform.text.SearchText;
import de.kielregion.kooperation.projects.decision.DecisionService;
import de.kielregion.kooperation.projects.partner.ExistingActivity;
import de.kielregion.kooperation.projects.partner.FocusPartner;
import de.kielregion.kooperation.projects.partner.InterestReplica;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.partner.RelationReplica;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Set;
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

    /** The event types it reacts to; the topic's others are acknowledged without a transaction. */
    static final Set<String> TYPES = Set.of(
            EventTypes.PARTNER_REGISTERED,
            EventTypes.PARTNER_UPDATED,
            EventTypes.PARTNER_RETIRED,
            EventTypes.DECISION_TAKEN,
            EventTypes.ACTIVITY_UPSERTED,
            EventTypes.SHAREHOLDER_INTERESTS_CHANGED,
            EventTypes.RELATION_CHANGED);

    private final Inbox inbox;
    private final EntityManager em;
    private final DecisionService decisions;
    private final ObjectMapper mapper;

    PartnerReplicaConsumer(Inbox inbox, EntityManager em, DecisionService decisions, ObjectMapper mapper) {
        this.mapper = mapper;
        this.inbox = inbox;
        this.em = em;
        this.decisions = decisions;
    }

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.handle(message, TYPES, this::apply);
    }

    /** A shareholder's interests, to narrow the quick-win list; theme names kept as search keys. */
    private void interests(ShareholderInterestsChanged changed) {
        if (changed.shareholder() == null) {
            throw new MalformedEventException("ShareholderInterestsChanged without a shareholder it knows");
        }
        InterestReplica interest =
                em.find(InterestReplica.class, changed.shareholder().name());
        if (interest != null && interest.version > changed.version()) {
            return;
        }
        boolean created = interest == null;
        if (created) {
            interest = new InterestReplica();
            interest.shareholder = changed.shareholder().name();
        }
        interest.themeKeys.clear();
        if (changed.themes() != null) {
            for (String theme : changed.themes()) {
                interest.themeKeys.add(SearchText.key(theme));
            }
        }
        interest.countries.clear();
        if (changed.countries() != null) {
            interest.countries.addAll(changed.countries());
        }
        interest.regionIds.clear();
        if (changed.regionIds() != null) {
            interest.regionIds.addAll(changed.regionIds());
        }
        interest.version = changed.version();
        interest.updatedAt = Instant.now();
        if (created) {
            em.persist(interest);
        }
    }

    /** Every relation of a shareholder to a partner, for how far the cooperation reaches (measure 4). */
    private void relation(RelationChanged changed) {
        if (changed.id() == null || changed.partnerId() == null) {
            throw new MalformedEventException("RelationChanged without id or partnerId");
        }
        RelationReplica relation = em.find(RelationReplica.class, changed.id());
        if (relation != null && relation.version > changed.version()) {
            return;
        }
        boolean created = relation == null;
        if (created) {
            relation = new RelationReplica();
            relation.id = changed.id();
        }
        relation.shareholder =
                changed.shareholder() == null ? null : changed.shareholder().name();
        relation.partnerId = changed.partnerId();
        relation.kind = changed.kind() == null ? "UNKNOWN" : changed.kind();
        relation.active = "ACTIVE".equals(changed.status());
        relation.version = changed.version();
        relation.updatedAt = Instant.now();
        if (created) {
            em.persist(relation);
        }
    }

    private void focusPartner(RelationChanged relation) {
        FocusPartner focus = em.find(FocusPartner.class, relation.id());
        boolean created = focus == null;
        if (created) {
            focus = new FocusPartner();
            focus.relationId = relation.id();
        }
        focus.partnerId = relation.partnerId();
        focus.shareholder =
                relation.shareholder() == null ? null : relation.shareholder().name();
        focus.since = relation.since();
        focus.active = "ACTIVE".equals(relation.status());
        if (created) {
            em.persist(focus);
        }
    }

    /** Keeps who an activity belongs to and its themes, for the overview's counts; newer versions win. */
    private void activity(ActivityUpserted upserted) {
        ExistingActivity activity = em.find(ExistingActivity.class, upserted.id());
        if (activity != null && activity.version > upserted.version()) {
            return;
        }
        boolean created = activity == null;
        if (created) {
            activity = new ExistingActivity();
            activity.id = upserted.id();
        }
        activity.shareholder =
                upserted.shareholder() == null ? null : upserted.shareholder().name();
        activity.version = upserted.version();
        activity.updatedAt = Instant.now();
        activity.themes.clear();
        if (upserted.themes() != null) {
            activity.themes.addAll(upserted.themes());
        }
        activity.partnerIds.clear();
        if (upserted.partnerIds() != null) {
            activity.partnerIds.addAll(upserted.partnerIds());
        }
        if (created) {
            em.persist(activity);
        }
    }

    private void partner(PartnerChanged changed) {
        PartnerReplica replica = em.find(PartnerReplica.class, changed.id());
        if (replica != null && replica.version > changed.version()) {
            return; // an older state arriving late
        }
        boolean created = replica == null;
        if (created) {
            replica = new PartnerReplica();
            replica.id = changed.id();
        }
        replica.name = changed.name();
        replica.type = changed.type();
        replica.country = changed.country();
        replica.status = changed.status() == null ? "ACTIVE" : changed.status();
        replica.urbanisation = changed.urbanisation();
        replica.parentRegionId = changed.parentRegionId();
        replica.version = changed.version();
        replica.updatedAt = Instant.now();
        if (created) {
            em.persist(replica);
        }
    }

    void apply(IncomingEvent event) {
        switch (event.type()) {
            case EventTypes.PARTNER_REGISTERED, EventTypes.PARTNER_UPDATED ->
                partner(event.dataAs(PartnerChanged.class, mapper));
            case EventTypes.PARTNER_RETIRED -> {
                PartnerReplica replica = em.find(
                        PartnerReplica.class,
                        event.dataAs(PartnerRetired.class, mapper).id());
                if (replica != null) {
                    replica.status = "RETIRED";
                    replica.updatedAt = Instant.now();
                }
            }
            case EventTypes.DECISION_TAKEN -> decisions.registerExternal(event);
            case EventTypes.ACTIVITY_UPSERTED -> activity(event.dataAs(ActivityUpserted.class, mapper));
            case EventTypes.SHAREHOLDER_INTERESTS_CHANGED ->
                interests(event.dataAs(ShareholderInterestsChanged.class, mapper));
            case EventTypes.RELATION_CHANGED -> {
                RelationChanged relation = event.dataAs(RelationChanged.class, mapper);
                relation(relation);
                if ("FOCUS_PARTNER".equals(relation.kind())) {
                    focusPartner(relation);
                }
            }
            default -> {
                // other partner events do not concern projects-service
            }
        }
    }
}
