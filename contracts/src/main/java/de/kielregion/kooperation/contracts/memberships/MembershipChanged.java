package de.kielregion.kooperation.contracts.memberships;

import de.kielregion.kooperation.contracts.Shareholder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.membership.proposed.v1} and {@code cooperation.membership.updated.v1}
 * (key: membership id): the membership's state as other services need it. Its contact person,
 * evaluation and notes stay in memberships-service.
 *
 * @param status CANDIDATE, UNDER_REVIEW, DECIDED_JOIN, DECIDED_DECLINE, AWAITING_FUNDING, ACTIVE,
 *     NOTICE_GIVEN, ENDED
 * @param noticePeriod an ISO-8601 period, e.g. P3M
 */
public record MembershipChanged(
        UUID id,
        Shareholder holder,
        UUID organisationId,
        String organisationAcronym,
        String organisationName,
        String status,
        LocalDate startDate,
        int termMonths,
        LocalDate renewalDate,
        LocalDate nextRenewal,
        String noticePeriod,
        LocalDate lastNoticeDay,
        LocalDate endDate,
        BigDecimal currentYearlyFee,
        List<String> workingGroups,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
