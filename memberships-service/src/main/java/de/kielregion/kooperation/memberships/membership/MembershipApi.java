package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.memberships.membership.MembershipDecision.Kind;
import de.kielregion.kooperation.memberships.membership.MembershipDecision.Outcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class MembershipApi {

    private MembershipApi() {}

    @Schema(name = "MembershipCriterion")
    public record Criterion(
            @NotBlank @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_-]{0,49}", message = "{ostsee.memberships.criterion-key}")
            String key,

            @NotBlank @Size(max = 200) String name,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal weight) {}

    @Schema(name = "MembershipScore")
    public record Score(
            @NotBlank String criterion,

            @NotNull @DecimalMin("0") @DecimalMax("5") @Digits(integer = 1, fraction = 2)
            BigDecimal score) {}

    @Schema(description = "Cost-benefit evaluation to prepare the decision: criteria with weights, a score 0-5 each")
    public record Evaluation(
            @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Criterion> criteria,
            @NotNull @Size(max = 20) List<@Valid @NotNull Score> scores) {}

    public record EvaluationView(
            List<Criterion> criteria,
            List<Score> scores,

            @Schema(description = "Σ(weight × score) / Σ weight; missing scores count 0")
            BigDecimal weightedTotal) {}

    @Schema(description = "A membership to propose (status CANDIDATE) or an existing one to record (status ACTIVE)")
    public record MembershipRequest(
            @NotNull @Schema(example = "KIELREGION") Shareholder holder,
            @NotNull UUID organisationId,

            @Schema(description = "CANDIDATE (default) or, for a membership that exists already, ACTIVE")
            MembershipStatus status,

            LocalDate startDate,

            @Min(1) @Max(120) @Schema(example = "12", description = "Months per term; default 12")
            Integer termMonths,

            @Schema(description = "The first renewal date; later ones follow every term")
            LocalDate renewalDate,

            @Pattern(regexp = "P(\\d+Y)?(\\d+M)?(\\d+D)?", message = "{ostsee.memberships.notice-period}")
            @Schema(example = "P3M", description = "Default P3M")
            String noticePeriod,

            @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(example = "3900.00")
            BigDecimal yearlyFee,

            @Size(max = 200) @Schema(example = "Team Internationales, KielRegion")
            String contactPerson,

            @Size(max = 50) List<@NotBlank @Size(max = 200) String> workingGroups,
            @Size(max = 4000) String expectedBenefits,
            @Size(max = 4000) String obligations,
            @Valid Evaluation evaluation,
            Long version) {}

    public record MembershipView(
            UUID id,
            Shareholder holder,
            UUID organisationId,
            String organisationAcronym,
            String organisationName,
            MembershipStatus status,
            LocalDate startDate,
            int termMonths,
            LocalDate renewalDate,
            LocalDate nextRenewal,
            String noticePeriod,
            LocalDate lastNoticeDay,
            LocalDate endDate,
            BigDecimal currentYearlyFee,
            String contactPerson,
            List<String> workingGroups,
            String expectedBenefits,
            String obligations,
            EvaluationView evaluation,
            String fundingNote,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    @Schema(name = "MembershipStatusChange")
    public record StatusChange(@NotNull MembershipStatus status, Long version) {}

    @Schema(description = "A new yearly fee and the day from which it applies")
    public record FeeChange(
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal yearlyFee,

            @NotNull LocalDate validFrom) {}

    public record FeeView(BigDecimal yearlyFee, LocalDate validFrom, LocalDate validTo) {}

    @Schema(name = "MembershipDecisionRequest", description = "A decision on a membership as taken by a body")
    public record DecisionRequest(
            @NotNull @Schema(example = "JOIN") Kind kind,
            @NotNull @Schema(example = "SUPERVISORY_BOARD") DecisionBody body,

            @NotNull @PastOrPresent @Schema(example = "2024-11-20")
            LocalDate decidedOn,

            @NotNull @Schema(example = "APPROVED") Outcome outcome,
            @Size(max = 2000) String conditions,

            @Size(max = 300) @Schema(example = "AR-Sitzung 2024/4, TOP 6")
            String minutesReference,

            @Schema(
                    description = "Required for a DEFERRED decision, absent otherwise: the day the body takes it"
                            + " up again (after decidedOn, within five years)",
                    example = "2025-03-19")
            LocalDate revisitOn,

            @Schema(
                    description =
                            "The board meeting (projects-service's /board-meetings/{id}) the decision was taken in;"
                                    + " its agenda item is marked decided and the decision register shows the meeting")
            UUID meetingId) {}

    @Schema(name = "MembershipDecisionView")
    public record DecisionView(
            UUID id,
            UUID membershipId,
            Kind kind,
            DecisionBody body,
            LocalDate decidedOn,
            Outcome outcome,
            String conditions,
            String minutesReference,
            LocalDate revisitOn,

            @Schema(description = "The board meeting the decision was taken in, if any")
            UUID meetingId,

            String recordedBy,
            Instant recordedAt) {

        static DecisionView of(MembershipDecision d) {
            return new DecisionView(
                    d.id,
                    d.membershipId,
                    d.kind,
                    d.body,
                    d.decidedOn,
                    d.outcome,
                    d.conditions,
                    d.minutesReference,
                    d.revisitOn,
                    d.meetingId,
                    d.recordedBy,
                    d.recordedAt);
        }
    }

    public record Deadline(
            UUID membershipId,
            Shareholder holder,
            String organisationAcronym,
            LocalDate renewal,
            LocalDate lastNoticeDay,
            long daysLeft,
            BigDecimal currentYearlyFee) {}
}
