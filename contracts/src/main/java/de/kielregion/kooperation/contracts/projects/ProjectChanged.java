package de.kielregion.kooperation.contracts.projects;

import de.kielregion.kooperation.contracts.Shareholder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.project.proposed.v1} and {@code cooperation.project.updated.v1} (key:
 * project id): the project's whole state; newer versions win.
 *
 * @param status IDEA, PROPOSED, APPROVED, APPROVED_WITH_CONDITIONS, REJECTED, DEFERRED, RESOURCED,
 *     IN_PROGRESS, COMPLETED, CANCELLED
 * @param retiredPartners partners retired in partners-service while in this project
 * @param quickWin the quick-win score (measure 2), null while an input is missing
 */
public record ProjectChanged(
        UUID id,
        String title,
        String summary,
        List<UUID> themeIds,
        UUID measureId,
        UUID cooperationAreaId,
        String lead,
        List<Shareholder> shareholders,
        List<Partner> partners,
        List<UUID> retiredPartners,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        List<FinancingSource> financing,
        BigDecimal financingTotal,
        String status,
        Integer effort,
        Integer impact,
        Integer monthsToStart,
        Integer fundingSecured,
        BigDecimal quickWin,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** A partner of the project: role LEAD_PARTNER, PARTNER or ASSOCIATED. */
    public record Partner(UUID partnerId, String name, String role, String status, boolean retired) {}

    /** Where money comes from: kind OWN_FUNDS, SHAREHOLDER_CONTRIBUTION, EU_PROGRAMME, OTHER. */
    public record FinancingSource(String kind, String name, BigDecimal amount) {}
}
