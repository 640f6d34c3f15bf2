package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.Shareholder;
import jakarta.validation.Valid;
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

public final class ProjectApi {

    private ProjectApi() {}

    public record PartnerRef(
            @NotNull UUID partnerId,
            @NotNull @Schema(example = "PARTNER") PartnerRole role) {}

    public record FinancingSource(
            @NotNull @Schema(example = "EU_PROGRAMME") Financing.Kind kind,

            @NotBlank @Size(max = 200) @Schema(example = "Interreg Öresund-Kattegat-Skagerrak")
            String name,

            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(example = "120000.00")
            BigDecimal amount) {}

    @Schema(description = "A project to propose, or the full new state of one (PUT)")
    public record ProjectRequest(
            @NotBlank @Size(max = 300) @Schema(example = "Mobilität im ländlichen Raum")
            String title,

            @Size(max = 4000) String summary,
            @Size(max = 20) List<@NotNull UUID> themeIds,
            UUID measureId,

            @Schema(description = "A cooperation area of partners-service")
            UUID cooperationAreaId,

            @Size(max = 200) @Schema(example = "N.N., KielRegion")
            String lead,

            @Size(max = 4) List<@NotNull Shareholder> shareholders,
            @Size(max = 100) List<@Valid @NotNull PartnerRef> partners,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            @Size(max = 20) List<@Valid @NotNull FinancingSource> financing,

            @Min(1) @Max(5) @Schema(description = "1 (low) to 5 (high)")
            Integer effort,

            @Min(1) @Max(5) @Schema(description = "1 (low) to 5 (high)")
            Integer impact,

            @Min(0) @Max(60) @Schema(description = "Months until it can start")
            Integer monthsToStart,

            @Min(0) @Max(100) @Schema(description = "Per cent of the funding secured")
            Integer fundingSecured,

            Long version) {}

    @Schema(name = "ProjectPartner")
    public record PartnerView(UUID partnerId, String name, PartnerRole role, String status, boolean retired) {}

    public record ProjectView(
            UUID id,
            String title,
            String summary,
            List<UUID> themeIds,
            UUID measureId,
            UUID cooperationAreaId,
            String lead,
            List<Shareholder> shareholders,
            List<PartnerView> partners,

            @Schema(description = "Partners retired in partners-service while in this project: kept, flagged")
            List<UUID> retiredPartners,

            LocalDate plannedStart,
            LocalDate plannedEnd,
            List<FinancingSource> financing,
            BigDecimal financingTotal,
            ProjectStatus status,
            Integer effort,
            Integer impact,
            Integer monthsToStart,
            Integer fundingSecured,
            BigDecimal quickWin,
            Instant createdAt,
            Instant updatedAt,
            long version,

            @Schema(
                    description =
                            "The statuses a coordinator may set by hand from this one (POST /projects/{id}/status); decisions and allocations do the rest")
            List<ProjectStatus> nextStatuses,

            @Schema(
                    description =
                            "Whether resources can be allocated to the project in its status (approved, resourced or in progress)")
            boolean receivesResources) {}

    @Schema(name = "ProjectStatusChange")
    public record StatusChange(@NotNull ProjectStatus status, Long version) {}
}
