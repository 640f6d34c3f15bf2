package de.kielregion.kooperation.contracts.memberships;

import de.kielregion.kooperation.contracts.Shareholder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cooperation.membership-fee.paid.v1} (key: the membership's id): a year's fee was paid.
 * projects-service counts it as spent against the allocation that answered {@code requestId}.
 *
 * @param requestId the fee request of that year (ResourcesRequested) whose allocation it is paid from
 * @param amount what was paid, in EUR; never more than the year's fee
 */
public record MembershipFeePaid(
        UUID membershipId,
        String organisationAcronym,
        Shareholder holder,
        int year,
        UUID requestId,
        BigDecimal amount,
        LocalDate paidOn,
        String invoiceNumber) {}
