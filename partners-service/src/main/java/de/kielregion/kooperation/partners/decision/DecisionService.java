package de.kielregion.kooperation.partners.decision;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.partners.decision.DecisionApi.DecisionRequest;
import de.kielregion.kooperation.partners.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.partners.partner.Partner;
import de.kielregion.kooperation.partners.partner.PartnerService;
import de.kielregion.kooperation.partners.partner.PartnerStatus;
import de.kielregion.kooperation.partners.relation.RelationService;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.decision.Deferral;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Decisions on partners. Recording one applies its effect (an approved designation makes the
 * partner a focus partner; an approved revocation ends that) and publishes DecisionTaken,
 * all in one transaction.
 */
@ApplicationScoped
public class DecisionService {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final PartnerService partners;
    private final RelationService relations;

    DecisionService(
            EntityManager em, ChangeLog changeLog, Caller caller, PartnerService partners, RelationService relations) {
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.partners = partners;
        this.relations = relations;
    }

    @Transactional
    public List<DecisionView> list(UUID partnerId) {
        partners.find(partnerId);
        return em
                .createQuery(
                        "FROM PartnerDecision WHERE partnerId = :p ORDER BY decidedOn, recordedAt",
                        PartnerDecision.class)
                .setParameter("p", partnerId)
                .getResultList()
                .stream()
                .map(DecisionView::of)
                .toList();
    }

    @Transactional
    public DecisionView record(UUID partnerId, DecisionRequest r) {
        Partner partner = partners.find(partnerId);
        Shareholder shareholder = r.shareholder() == null ? Shareholder.KIELREGION : r.shareholder();
        boolean designate = r.kind() == PartnerDecision.Kind.DESIGNATE_FOCUS_PARTNER;
        LocalDate revisitOn =
                Deferral.revisitOn(r.outcome() == PartnerDecision.Outcome.DEFERRED, r.decidedOn(), r.revisitOn());
        if (r.outcome() == PartnerDecision.Outcome.APPROVED) {
            if (designate && partner.status == PartnerStatus.RETIRED) {
                throw ProblemException.refusal("decision.partner-retired")
                        .with("partner", partner.name)
                        .conflict();
            }
            relations.applyFocusDecision(shareholder, partnerId, designate, r.decidedOn());
        }
        PartnerDecision decision = new PartnerDecision();
        decision.id = UUID.randomUUID();
        decision.partnerId = partnerId;
        decision.shareholder = shareholder;
        decision.kind = r.kind();
        decision.body = r.body();
        decision.decidedOn = r.decidedOn();
        decision.outcome = r.outcome();
        decision.minutesReference = Texts.trimToNull(r.minutesReference());
        decision.note = Texts.trimToNull(r.note());
        decision.revisitOn = revisitOn;
        decision.meetingId = r.meetingId();
        decision.recordedBy = caller.subject();
        decision.recordedAt = Instant.now();
        em.persist(decision);
        changeLog.record(decision.recorded(partner));
        return DecisionView.of(decision);
    }
}
