package de.kielregion.kooperation.projects.budget;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class BudgetApi {

    private BudgetApi() {}

    @Schema(description = "The amount of a budget line: EUR, or FTE for STAFF; two decimals")
    public record LineRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(example = "25000.00")
            BigDecimal amount,

            Long version) {}

    public record LineView(
            UUID id,
            int year,
            Category category,
            String unit,
            BigDecimal amount,
            BigDecimal allocated,
            BigDecimal free,
            long version,

            @Schema(description = "What is spent against the line's allocations (allocated includes it)")
            BigDecimal spent) {}

    public record BudgetView(int year, List<LineView> lines) {}

    @Schema(description = "Staff or money for a project from the line of a year and category")
    public record AllocationRequest(
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2025")
            Integer year,

            @NotNull @Schema(example = "PROJECT_FUNDS") Category category,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 12, fraction = 2)
            @Schema(example = "15000.00")
            BigDecimal amount) {}

    public record AllocationView(
            UUID id,
            UUID lineId,
            Integer year,
            Category category,
            Allocation.SubjectType subjectType,
            UUID subjectId,
            String subjectName,
            BigDecimal amount,
            Allocation.Status status,
            String reason,
            UUID requestId,
            Instant createdAt,
            Instant updatedAt) {}

    @Schema(description = "Staff time (FTE) or money (EUR) a project spent against one of its allocations")
    public record ExpenditureRequest(
            @NotNull UUID allocationId,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 12, fraction = 2)
            @Schema(example = "1200.00")
            BigDecimal amount,

            @NotNull @Schema(example = "2026-11-20") LocalDate spentOn,

            @NotBlank @Size(max = 500) @Schema(example = "Fähre Kiel–Göteborg, Delegationsreise")
            String description,

            @Schema(description = "An attachment of the project that proves it (receipt, time sheet)")
            UUID evidenceId) {}

    public record ExpenditureView(
            UUID id,
            UUID allocationId,
            int year,
            Category category,
            String unit,
            BigDecimal amount,
            LocalDate spentOn,
            String description,
            UUID evidenceId,
            String recordedBy,
            Instant recordedAt) {}
}
