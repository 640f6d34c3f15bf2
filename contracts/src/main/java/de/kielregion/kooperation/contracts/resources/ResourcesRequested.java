package de.kielregion.kooperation.contracts.resources;

import de.kielregion.kooperation.contracts.Shareholder;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code cooperation.resources.requested.v1} (key: subject id): asks projects-service to book an
 * amount on a budget line, e.g. the fee of an approved membership on MEMBERSHIP_FEES. The answer
 * is an {@link AllocationChanged} naming {@code requestId}; the request id makes booking it
 * idempotent.
 *
 * @param subjectType e.g. MEMBERSHIP
 * @param holder whose subject it is
 * @param category the budget category, e.g. MEMBERSHIP_FEES
 * @param currency EUR
 */
public record ResourcesRequested(
        UUID requestId,
        String subjectType,
        UUID subjectId,
        String subjectName,
        Shareholder holder,
        int year,
        String category,
        BigDecimal amount,
        String currency,
        UUID decisionId) {}
