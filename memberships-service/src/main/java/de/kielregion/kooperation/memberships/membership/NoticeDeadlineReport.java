package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.memberships.membership.MembershipApi.Deadline;
import de.kielregion.kooperation.memberships.organisation.OrganisationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The notice deadlines coming up: which ACTIVE memberships must be given notice when. */
@ApplicationScoped
public class NoticeDeadlineReport {

    private final EntityManager em;
    private final OrganisationService organisations;
    private final MembershipFees fees;

    NoticeDeadlineReport(EntityManager em, OrganisationService organisations, MembershipFees fees) {
        this.em = em;
        this.organisations = organisations;
        this.fees = fees;
    }

    /** ACTIVE memberships whose last day to give notice falls within {@code within} from {@code today}. */
    @Transactional
    public List<Deadline> deadlines(String within, LocalDate today) {
        Period window = MembershipService.parsePeriod(within, "within");
        LocalDate until = today.plus(window);
        List<Deadline> deadlines = new ArrayList<>();
        for (Membership m : em.createQuery(
                        "FROM Membership WHERE status = :s AND renewalDate IS NOT NULL", Membership.class)
                .setParameter("s", MembershipStatus.ACTIVE)
                .getResultList()) {
            Period notice = Period.parse(m.noticePeriod);
            LocalDate renewal = NoticeDeadlines.endForNoticeOn(m.renewalDate, m.termMonths, notice, today);
            LocalDate last = NoticeDeadlines.lastNoticeDay(renewal, notice);
            if (!last.isAfter(until)) {
                deadlines.add(new Deadline(
                        m.id,
                        m.holder,
                        organisations.find(m.organisationId).acronym,
                        renewal,
                        last,
                        ChronoUnit.DAYS.between(today, last),
                        fees.feeFor(m.id, renewal.getYear())));
            }
        }
        deadlines.sort(Comparator.comparing(Deadline::lastNoticeDay).thenComparing(Deadline::organisationAcronym));
        return deadlines;
    }
}
