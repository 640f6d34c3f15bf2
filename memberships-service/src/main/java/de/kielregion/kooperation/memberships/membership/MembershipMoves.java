package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.memberships.organisation.OrganisationService;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * A membership by id, and the history entry and event of each status move, for the parts of
 * the service (details, decisions, funding) that move it.
 */
@ApplicationScoped
class MembershipMoves {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final OrganisationService organisations;

    MembershipMoves(EntityManager em, ChangeLog changeLog, OrganisationService organisations) {
        this.em = em;
        this.changeLog = changeLog;
        this.organisations = organisations;
    }

    Membership find(UUID id) {
        Membership m = em.find(Membership.class, id);
        if (m == null) {
            throw ProblemException.notFound("Membership", id);
        }
        return m;
    }

    void transition(Membership m, MembershipStatus to, UUID decisionId, String note) {
        changeLog.record(m.moveTo(to, decisionId, note, acronymOf(m)));
    }

    String acronymOf(Membership m) {
        return organisations.find(m.organisationId).acronym;
    }
}
