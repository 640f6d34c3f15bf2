package de.kielregion.kooperation.memberships.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The fee history of memberships: which fee applies when. */
@ApplicationScoped
public class MembershipFees {

    private final EntityManager em;

    MembershipFees(EntityManager em) {
        this.em = em;
    }

    /** The fee of {@code year}: the one valid on 1 January, else the first one starting in that year. */
    public BigDecimal feeFor(UUID id, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        MembershipFee found = null;
        for (MembershipFee f : rows(id)) {
            boolean coversFirst = !f.validFrom.isAfter(first) && (f.validTo == null || !f.validTo.isBefore(first));
            if (coversFirst) {
                return f.yearlyFee;
            }
            if (found == null && !f.validFrom.isBefore(first) && !f.validFrom.isAfter(last)) {
                found = f;
            }
        }
        return found == null ? null : found.yearlyFee;
    }

    /** The fee in force now (the latest one), or null. */
    BigDecimal current(UUID id) {
        List<MembershipFee> rows = rows(id);
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).yearlyFee;
    }

    /** The fee history, oldest first. */
    List<MembershipFee> rows(UUID id) {
        return em.createQuery("FROM MembershipFee WHERE membershipId = :m ORDER BY validFrom", MembershipFee.class)
                .setParameter("m", id)
                .getResultList();
    }

    void add(UUID membershipId, BigDecimal fee, LocalDate validFrom) {
        MembershipFee row = new MembershipFee();
        row.id = UUID.randomUUID();
        row.membershipId = membershipId;
        row.yearlyFee = fee;
        row.validFrom = validFrom;
        em.persist(row);
    }
}
