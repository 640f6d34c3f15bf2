package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.memberships.membership.MembershipApi.DecisionRequest;
import de.kielregion.kooperation.memberships.membership.MembershipApi.DecisionView;
import de.kielregion.kooperation.memberships.organisation.Organisation;
import de.kielregion.kooperation.memberships.organisation.OrganisationService;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.decision.Deferral;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.text.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The decisions on a membership, recorded and applied in one transaction (DecisionTaken for the
 * register): join (fee requested, or ACTIVE at once for no fee), decline, notice; deferrals name
 * the day to come back to.
 */
@ApplicationScoped
public class MembershipDecisions {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final OrganisationService organisations;
    private final MembershipFees fees;
    private final MembershipMoves moves;
    private final MembershipFunding funding;

    MembershipDecisions(
            EntityManager em,
            ChangeLog changeLog,
            Caller caller,
            OrganisationService organisations,
            MembershipFees fees,
            MembershipMoves moves,
            MembershipFunding funding) {
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.organisations = organisations;
        this.fees = fees;
        this.moves = moves;
        this.funding = funding;
    }

    @Transactional
    public List<DecisionView> decisions(UUID id) {
        moves.find(id);
        return em
                .createQuery(
                        "FROM MembershipDecision WHERE membershipId = :m ORDER BY decidedOn, recordedAt",
                        MembershipDecision.class)
                .setParameter("m", id)
                .getResultList()
                .stream()
                .map(DecisionView::of)
                .toList();
    }

    /**
     * Records a decision and applies it in the same transaction: an approved JOIN requests
     * the fee (ResourcesRequested) and waits in AWAITING_FUNDING (ACTIVE at once for a zero
     * fee); DECLINE → DECIDED_DECLINE; TERMINATE → NOTICE_GIVEN, ending at the first renewal
     * whose notice deadline has not passed.
     */
    @Transactional
    public DecisionView decide(UUID id, DecisionRequest r) {
        Membership m = moves.find(id);
        Organisation organisation = organisations.find(m.organisationId);
        m.requireDecidable(r.kind());
        LocalDate revisitOn =
                Deferral.revisitOn(r.outcome() == MembershipDecision.Outcome.DEFERRED, r.decidedOn(), r.revisitOn());
        BigDecimal fee = null;
        int year = (m.startDate != null ? m.startDate : r.decidedOn()).getYear();
        if (r.kind() == MembershipDecision.Kind.JOIN && r.outcome() == MembershipDecision.Outcome.APPROVED) {
            fee = fees.feeFor(id, year);
            if (fee == null) {
                throw ProblemException.refusal("membership.join-needs-fee")
                        .with("year", String.valueOf(year))
                        .with("id", id)
                        .conflict();
            }
        }
        MembershipDecision d = new MembershipDecision();
        d.id = UUID.randomUUID();
        d.membershipId = id;
        d.kind = r.kind();
        d.body = r.body();
        d.decidedOn = r.decidedOn();
        d.outcome = r.outcome();
        d.conditions = Texts.trimToNull(r.conditions());
        d.minutesReference = Texts.trimToNull(r.minutesReference());
        d.revisitOn = revisitOn;
        d.meetingId = r.meetingId();
        d.recordedBy = caller.subject();
        d.recordedAt = Instant.now();
        em.persist(d);
        changeLog.record(d.recorded(m, organisation));
        if (r.outcome() == MembershipDecision.Outcome.APPROVED) {
            switch (r.kind()) {
                case JOIN -> {
                    if (fee.signum() == 0) {
                        changeLog.record(m.start(
                                LocalDate.now(Wording.ZONE), d.id, "joined; no fee to fund", organisation.acronym));
                    } else {
                        moves.transition(m, MembershipStatus.AWAITING_FUNDING, d.id, "joined; fee requested");
                        funding.requestFee(m, d.id, r.decidedOn());
                    }
                }
                case DECLINE -> moves.transition(m, MembershipStatus.DECIDED_DECLINE, d.id, "declined");
                case TERMINATE -> changeLog.record(m.giveNotice(r.decidedOn(), d.id, organisation.acronym));
            }
        }
        return DecisionView.of(d);
    }
}
