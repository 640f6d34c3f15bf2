package de.kielregion.kooperation.contracts.resources;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code cooperation.resources.allocated.v1}, {@code cooperation.allocation.rejected.v1} and
 * {@code cooperation.resources.released.v1} (key: subject id): an allocation of staff or money
 * on a budget line was booked, refused (too little room, or no line; {@code reason} says which)
 * or given back.
 *
 * @param requestId the {@link ResourcesRequested} it answers, or null for an allocation made in projects-service
 * @param subjectType PROJECT or MEMBERSHIP
 * @param category STAFF, MEMBERSHIP_FEES, PROJECT_FUNDS
 * @param status ALLOCATED, REJECTED, RELEASED
 */
public record AllocationChanged(
        UUID allocationId,
        UUID requestId,
        String subjectType,
        UUID subjectId,
        String subjectName,
        int year,
        String category,
        BigDecimal amount,
        String status,
        String reason) {}
