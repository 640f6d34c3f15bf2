package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.memberships.organisation.OrganisationService;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.text.Wording;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fee of every year of a membership: the fee run asks projects-service for the fee of each
 * running membership for a year (one ResourcesRequested per membership and year, with a request id
 * derived from both, so that a rerun, or two runs at once, ask once; projects-service books a
 * request id once too); the join asks for its first year. Each year keeps its request and answer.
 */
@ApplicationScoped
public class MembershipFeeYears {

    @Schema(name = "FeeYearStatus")
    public enum Status {
        REQUESTED,
        ALLOCATED,
        REJECTED
    }

    public record FeeYearView(
            int year,
            BigDecimal fee,
            UUID requestId,
            Status status,
            String reason,
            String invoiceNumber,
            LocalDate invoicedOn,
            BigDecimal invoiceAmount,
            LocalDate payableBy,
            LocalDate paidOn,
            BigDecimal paidAmount,

            @Schema(description = "Invoiced and not paid by the day it was payable by")
            boolean overdue) {}

    @Schema(description = "What a fee run asked for")
    public record FeeRunView(
            int year,

            @Schema(description = "Memberships whose fee of the year was requested now")
            int requested,

            @Schema(description = "Memberships whose fee of the year was requested before")
            int requestedBefore,

            @Schema(description = "Running memberships without a fee for the year")
            int withoutFee) {}

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final MembershipFees fees;
    private final OrganisationService organisations;

    MembershipFeeYears(EntityManager em, ChangeLog changeLog, MembershipFees fees, OrganisationService organisations) {
        this.em = em;
        this.changeLog = changeLog;
        this.fees = fees;
        this.organisations = organisations;
    }

    /** The request of a year's fee: the same for a membership and year, whoever asks how often. */
    static UUID requestIdOf(UUID membershipId, int year) {
        return UUID.nameUUIDFromBytes(("membership-fee:" + membershipId + ":" + year).getBytes(StandardCharsets.UTF_8));
    }

    /** Every day: the fee of this year for every running membership that has not asked for it (from 1 January on). */
    @Scheduled(
            cron = "{memberships.fee-run.cron:0 15 6 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        run(LocalDate.now(Wording.ZONE).getYear());
    }

    @Transactional
    public FeeRunView run(int year) {
        int requested = 0;
        int before = 0;
        int withoutFee = 0;
        // Asked before and not refused: nothing to do for them (one query instead of three per membership;
        // a rerun reads this and the memberships, and writes nothing).
        java.util.Set<UUID> askedBefore = new java.util.HashSet<>(em.createQuery(
                        "SELECT y.membershipId FROM FeeYear y WHERE y.year = :y AND y.status <> 'REJECTED'", UUID.class)
                .setParameter("y", year)
                .getResultList());
        for (Membership m : em.createQuery("FROM Membership WHERE status IN (:s) ORDER BY id", Membership.class)
                .setParameter("s", List.of(MembershipStatus.ACTIVE, MembershipStatus.NOTICE_GIVEN))
                // Read only: the run changes no membership, so the flushes before each insert check none of them.
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .getResultList()) {
            if (!m.runsIn(year)) {
                continue;
            }
            if (askedBefore.contains(m.id)) {
                before++;
                continue;
            }
            BigDecimal fee = fees.feeFor(m.id, year);
            if (fee == null || fee.signum() == 0) {
                withoutFee++;
                continue;
            }
            UUID requestId = requestIdOf(m.id, year);
            // Inserted: this run asks. Already there (also while another run's insert is not yet
            // committed: the insert waits for it): asked before, nothing to do.
            UUID asked = insert(m.id, year, requestId, fee) ? requestId : askAgainIfRefused(m.id, year, fee);
            if (asked != null) {
                changeLog.record(m.yearlyFeeRequested(organisations.find(m.organisationId).acronym, year, fee, asked));
                requested++;
            } else {
                before++;
            }
        }
        return new FeeRunView(year, requested, before, withoutFee);
    }

    /**
     * A year whose request was refused (the line had no room) is asked again, with a new request
     * id (projects-service answers a request id once); the row lock lets one run do it.
     */
    @SuppressWarnings("unchecked")
    private UUID askAgainIfRefused(UUID membershipId, int year, BigDecimal fee) {
        List<Object> again = em.createNativeQuery("UPDATE membership_fee_year SET request_id = :r, fee = :f, status ="
                        + " 'REQUESTED', reason = NULL, requested_at = :t, answered_at = NULL"
                        + " WHERE membership_id = :m AND year = :y AND status = 'REJECTED' RETURNING request_id")
                .setParameter("r", UUID.randomUUID())
                .setParameter("f", fee)
                .setParameter("t", Timestamp.from(Instant.now()))
                .setParameter("m", membershipId)
                .setParameter("y", year)
                .getResultList();
        return again.isEmpty() ? null : (UUID) again.get(0);
    }

    /** The join's request of its first year (and a request made again): the year keeps the newest. */
    void joinRequested(UUID membershipId, int year, UUID requestId, BigDecimal fee) {
        em.createNativeQuery(
                        "INSERT INTO membership_fee_year (membership_id, year, request_id, fee, status, requested_at)"
                                + " VALUES (:m, :y, :r, :f, 'REQUESTED', :t) ON CONFLICT (membership_id, year) DO UPDATE SET"
                                + " request_id = EXCLUDED.request_id, fee = EXCLUDED.fee, status = 'REQUESTED', reason = NULL,"
                                + " requested_at = EXCLUDED.requested_at, answered_at = NULL")
                .setParameter("m", membershipId)
                .setParameter("y", year)
                .setParameter("r", requestId)
                .setParameter("f", fee)
                .setParameter("t", Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** projects-service's answer to a request, kept with its year (an unknown request changes nothing). */
    void answered(UUID requestId, boolean allocated, String reason) {
        em.createNativeQuery("UPDATE membership_fee_year SET status = :s, reason = :why, answered_at = :t"
                        + " WHERE request_id = :r")
                .setParameter("s", allocated ? Status.ALLOCATED.name() : Status.REJECTED.name())
                .setParameter("why", allocated ? null : reason)
                .setParameter("t", Timestamp.from(Instant.now()))
                .setParameter("r", requestId)
                .executeUpdate();
    }

    @Transactional
    public List<FeeYearView> years(UUID membershipId) {
        LocalDate today = LocalDate.now(Wording.ZONE);
        return em
                .createQuery("FROM FeeYear y WHERE y.membershipId = :m ORDER BY y.year", FeeYear.class)
                .setParameter("m", membershipId)
                .getResultList()
                .stream()
                .map(y -> new FeeYearView(
                        y.year,
                        y.fee.setScale(2),
                        y.requestId,
                        Status.valueOf(y.status),
                        y.reason,
                        y.invoiceNumber,
                        y.invoicedOn,
                        y.invoiceAmount,
                        y.payableBy,
                        y.paidOn,
                        y.paidAmount,
                        y.overdue(today)))
                .toList();
    }

    private boolean insert(UUID membershipId, int year, UUID requestId, BigDecimal fee) {
        return !em.createNativeQuery("INSERT INTO membership_fee_year (membership_id, year, request_id, fee, status,"
                        + " requested_at) VALUES (:m, :y, :r, :f, 'REQUESTED', :t) ON CONFLICT DO NOTHING"
                        + " RETURNING year")
                .setParameter("m", membershipId)
                .setParameter("y", year)
                .setParameter("r", requestId)
                .setParameter("f", fee)
                .setParameter("t", Timestamp.from(Instant.now()))
                .getResultList()
                .isEmpty();
    }
}
