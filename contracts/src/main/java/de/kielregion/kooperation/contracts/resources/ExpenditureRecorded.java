package de.kielregion.kooperation.contracts.resources;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cooperation.expenditure.recorded.v1} (key: subject id): staff time or money was spent
 * against an allocation; what is spent on an allocation never exceeds it.
 *
 * @param subjectType PROJECT or MEMBERSHIP
 * @param category STAFF (FTE), MEMBERSHIP_FEES or PROJECT_FUNDS (EUR)
 * @param spentOnAllocation everything spent on the allocation so far, this expenditure included
 */
public record ExpenditureRecorded(
        UUID expenditureId,
        UUID allocationId,
        String subjectType,
        UUID subjectId,
        String subjectName,
        int year,
        String category,
        BigDecimal amount,
        LocalDate spentOn,
        String description,
        BigDecimal spentOnAllocation) {}
