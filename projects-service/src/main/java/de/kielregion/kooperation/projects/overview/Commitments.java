package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.platform.cache.SnapshotCache;
import de.kielregion.kooperation.projects.budget.Allocation;
import de.kielregion.kooperation.projects.budget.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the coming years are committed to: per year the budget lines, what is allocated from them,
 * the membership fees still to be requested (running memberships' yearly fees not yet booked),
 * and the team's capacity and assignments against the staff line. Four queries per year.
 */
@ApplicationScoped
public class Commitments {

    @Schema(description = "One year's budget lines and what is committed against them")
    public record YearCommitments(
            int year,

            @Schema(description = "The STAFF line (FTE); null without one")
            BigDecimal staffLine,

            @Schema(description = "Staff allocated to projects (FTE)")
            BigDecimal staffAllocated,

            @Schema(description = "What the team's people are assigned (FTE)")
            BigDecimal staffAssigned,

            @Schema(description = "The team's capacity (FTE)")
            BigDecimal teamCapacity,

            @Schema(description = "The MEMBERSHIP_FEES line (EUR); null without one")
            BigDecimal feesLine,

            @Schema(description = "Membership fees booked on it (EUR)")
            BigDecimal feesAllocated,

            @Schema(
                    description =
                            "Yearly fees of running memberships not yet booked for the year (EUR): due when the fee run asks")
            BigDecimal feesDue,

            @Schema(description = "The PROJECT_FUNDS line (EUR); null without one")
            BigDecimal projectFundsLine,

            @Schema(description = "Project funds allocated (EUR)")
            BigDecimal projectFundsAllocated) {}

    private final EntityManager em;
    private final SnapshotCache cache;

    Commitments(EntityManager em, SnapshotCache cache) {
        this.em = em;
        this.cache = cache;
    }

    /** Nine queries a year, read on every dashboard: kept while the database is unchanged. */
    @Transactional
    public List<YearCommitments> from(int first, int years) {
        return cache.get(SnapshotCache.key("commitments", first, years), () -> List.copyOf(compute(first, years)));
    }

    private List<YearCommitments> compute(int first, int years) {
        List<YearCommitments> result = new ArrayList<>();
        for (int year = first; year < first + years; year++) {
            result.add(new YearCommitments(
                    year,
                    line(year, Category.STAFF),
                    allocated(year, Category.STAFF),
                    sum("SELECT COALESCE(SUM(a.fte), 0) FROM TeamAssignment a WHERE a.year = :y", year),
                    sum("SELECT COALESCE(SUM(c), 0) FROM TeamMember m JOIN m.capacity c WHERE KEY(c) = :y", year),
                    line(year, Category.MEMBERSHIP_FEES),
                    allocated(year, Category.MEMBERSHIP_FEES),
                    sum(
                            "SELECT COALESCE(SUM(m.yearlyFee), 0) FROM MembershipReplica m WHERE m.status IN"
                                    + " ('ACTIVE', 'NOTICE_GIVEN') AND m.yearlyFee IS NOT NULL AND (m.startDate IS NULL"
                                    + " OR EXTRACT(YEAR FROM m.startDate) <= :y) AND NOT EXISTS (SELECT 1 FROM Allocation a,"
                                    + " BudgetLine l WHERE a.lineId = l.id AND l.year = :y AND a.subjectId = m.id"
                                    + " AND a.status = de.kielregion.kooperation.projects.budget.Allocation.Status.ALLOCATED)",
                            year),
                    line(year, Category.PROJECT_FUNDS),
                    allocated(year, Category.PROJECT_FUNDS)));
        }
        return result;
    }

    private BigDecimal line(int year, Category category) {
        return em.createQuery(
                        "SELECT l.amount FROM BudgetLine l WHERE l.year = :y AND l.category = :c", BigDecimal.class)
                .setParameter("y", year)
                .setParameter("c", category)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private BigDecimal allocated(int year, Category category) {
        return em.createQuery(
                        "SELECT COALESCE(SUM(a.amount), 0) FROM Allocation a, BudgetLine l WHERE a.lineId = l.id"
                                + " AND l.year = :y AND l.category = :c AND a.status = :s",
                        BigDecimal.class)
                .setParameter("y", year)
                .setParameter("c", category)
                .setParameter("s", Allocation.Status.ALLOCATED)
                .getSingleResult();
    }

    private BigDecimal sum(String jpql, int year) {
        return em.createQuery(jpql, BigDecimal.class).setParameter("y", year).getSingleResult();
    }
}
