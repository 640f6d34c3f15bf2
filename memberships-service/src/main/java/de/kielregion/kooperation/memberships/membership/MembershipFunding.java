package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.memberships.membership.MembershipApi.MembershipView;
import de.kielregion.kooperation.memberships.organisation.OrganisationService;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The fee of a joined membership and its funding: the request to projects-service
 * (ResourcesRequested), its answer (allocated → ACTIVE; refused → waits, the reason shown), and
 * asking again.
 */
@ApplicationScoped
public class MembershipFunding {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final OrganisationService organisations;
    private final MembershipFees fees;
    private final MembershipViews views;
    private final MembershipMoves moves;
    private final MembershipFeeYears years;

    MembershipFunding(
            EntityManager em,
            ChangeLog changeLog,
            Caller caller,
            OrganisationService organisations,
            MembershipFees fees,
            MembershipViews views,
            MembershipMoves moves,
            MembershipFeeYears years) {
        this.years = years;
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.organisations = organisations;
        this.fees = fees;
        this.views = views;
        this.moves = moves;
    }

    /**
     * The answer of projects-service to a fee request (consumed in the cross-service flow):
     * allocated → ACTIVE; rejected → stays AWAITING_FUNDING with the reason visible.
     */
    @Transactional
    public MembershipView applyFundingAnswer(UUID id, UUID requestId, boolean allocated, String reason) {
        Membership m = em.find(Membership.class, id);
        if (m == null) {
            return null; // an answer about a membership this service does not know: nothing to do
        }
        years.answered(requestId, allocated, reason);
        if (!m.awaitsAnswerTo(requestId)) {
            return views.of(m); // not waiting, or the answer to an older request
        }
        if (allocated) {
            changeLog.record(m.start(LocalDate.now(Wording.ZONE), null, "fee allocated", moves.acronymOf(m)));
        } else {
            changeLog.record(m.fundingRefused(reason));
        }
        return views.of(m);
    }

    /**
     * Asks for the fee again (e.g. after the budget line was raised): a new ResourcesRequested
     * for a membership that still waits for funding.
     */
    @Transactional
    public MembershipView requestFundingAgain(UUID id) {
        Membership m = moves.find(id);
        caller.requireMayWriteFor(m.holder);
        if (m.status != MembershipStatus.AWAITING_FUNDING) {
            throw ProblemException.refusal("membership.funding-again-only-awaiting")
                    .with("currentStatus", m.status)
                    .conflict();
        }
        if (m.pendingRequest != null) {
            throw ProblemException.refusal("membership.funding-request-pending")
                    .with("requestId", m.pendingRequest)
                    .conflict();
        }
        MembershipDecision join = em.createQuery(
                        "FROM MembershipDecision WHERE membershipId = :m AND kind = :k "
                                + "AND outcome = :o ORDER BY recordedAt DESC",
                        MembershipDecision.class)
                .setParameter("m", id)
                .setParameter("k", MembershipDecision.Kind.JOIN)
                .setParameter("o", MembershipDecision.Outcome.APPROVED)
                .setMaxResults(1)
                .getSingleResult();
        requestFee(m, join.id, join.decidedOn);
        changeLog.record(Change.historyOnly(m, "FundingRequestedAgain"), Map.of("decisionId", join.id));
        return views.of(m);
    }

    void requestFee(Membership m, UUID decisionId, LocalDate decidedOn) {
        int year = (m.startDate != null ? m.startDate : decidedOn).getYear();
        BigDecimal fee = fees.feeFor(m.id, year);
        if (fee == null) {
            throw ProblemException.refusal("membership.no-fee-for-year")
                    .with("year", String.valueOf(year))
                    .with("id", m.id)
                    .conflict();
        }
        changeLog.record(m.requestFee(organisations.find(m.organisationId).acronym, year, fee, decisionId));
        years.joinRequested(m.id, year, m.pendingRequest, fee);
    }
}
