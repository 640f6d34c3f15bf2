package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.projects.budget.BudgetApi.ExpenditureView;
import de.kielregion.kooperation.projects.budget.BudgetApi.LineView;
import de.kielregion.kooperation.projects.budget.Category;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import jakarta.validation.Valid;
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

/** The requests and views of goals' and projects' results: indicators, work plans, reports, spending. */
public final class ResultsApi {

    private ResultsApi() {}

    @Schema(description = "The goals a project or a measure serves (all of them: the list replaces the one before)")
    public record GoalLinks(@NotNull @Size(max = 50) List<@NotNull UUID> goalIds) {}

    @Schema(description = "What an indicator should reach by the end of a year")
    public record YearTarget(
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2027")
            Integer year,

            @NotNull @Digits(integer = 12, fraction = 2) @Schema(example = "4")
            BigDecimal target) {}

    @Schema(description = "An output or result indicator of a goal or a project")
    public record IndicatorRequest(
            @NotNull IndicatorKind kind,

            @NotBlank @Size(max = 200) @Schema(example = "Gemeinsame Veranstaltungen mit Göteborg")
            String name,

            @NotNull IndicatorUnit unit,

            @Digits(integer = 12, fraction = 2) @Schema(description = "Where it starts; 0 when absent", example = "0")
            BigDecimal baseline,

            @Size(max = 30) List<@Valid @NotNull YearTarget> targets,

            @Schema(description = "For a project's indicator: the goal's indicator (same unit) it counts towards")
            UUID contributesTo) {}

    public record IndicatorView(
            UUID id,
            UUID goalId,
            UUID projectId,
            UUID contributesTo,
            IndicatorKind kind,
            String name,
            IndicatorUnit unit,
            BigDecimal baseline,
            List<YearTarget> targets,

            @Schema(
                    description =
                            "Baseline plus what accepted reports achieved (for a goal's: its projects' contributions)")
            BigDecimal achieved,

            long version) {}

    @Schema(description = "A work package of a project's work plan")
    public record WorkPackageRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Delegationsreise vorbereiten")
            String title) {}

    @Schema(description = "A milestone of a work package")
    public record MilestoneRequest(
            @NotNull UUID workPackageId,

            @NotBlank @Size(max = 200) @Schema(example = "Absichtserklärung unterzeichnet")
            String title,

            @NotNull @Schema(example = "2027-03-31") LocalDate dueOn,

            @Schema(description = "A partner of the project responsible for it")
            UUID responsiblePartnerId) {}

    @Schema(description = "A milestone reached (on a day, today when absent) or missed (once its day has passed)")
    public record MilestoneSettlement(@NotNull MilestoneStatus status, LocalDate on, Long version) {}

    public record MilestoneView(
            UUID id,
            UUID workPackageId,
            String title,
            LocalDate dueOn,
            UUID responsiblePartnerId,
            String responsiblePartnerName,
            MilestoneStatus status,
            LocalDate settledOn,

            @Schema(description = "Planned and its day has passed")
            boolean overdue,

            long version) {}

    public record WorkPackageView(
            UUID id,
            int number,
            String title,
            List<MilestoneView> milestones,
            long version,

            @Schema(
                    description =
                            "Its deliverables: files in the attachment store (POST /work-packages/{id}/deliverables)")
            List<de.kielregion.kooperation.platform.attachments.Attachments.AttachmentView> deliverables) {}

    @Schema(description = "A reporting period of a project, e.g. a half-year")
    public record PeriodRequest(
            @NotNull @Schema(example = "2027-01-01") LocalDate startsOn,
            @NotNull @Schema(example = "2027-06-30") LocalDate endsOn,

            @Schema(description = "When the report is due; 30 days after the end when absent")
            LocalDate reportDueOn) {}

    @Schema(description = "What a period achieved for one of the project's indicators")
    public record ValueRequest(
            @NotNull UUID indicatorId,

            @NotNull @Digits(integer = 12, fraction = 2) @Schema(example = "2")
            BigDecimal value) {}

    @Schema(description = "A progress report's text and values (the whole report: values not named are removed)")
    public record ReportRequest(
            @Size(max = 20000) String narrative,
            @Size(max = 100) List<@Valid @NotNull ValueRequest> values,

            @Schema(description = "The report's version when changing it (optimistic locking)")
            Long version) {}

    @Schema(description = "A coordinator's review: returning needs a comment saying what to correct")
    public record ReportReview(@Size(max = 4000) String comment, Long version) {}

    @Schema(description = "A submission (the report's version, optimistic locking)")
    public record ReportSubmission(Long version) {}

    public record ValueView(UUID indicatorId, String name, IndicatorUnit unit, BigDecimal value) {}

    public record ReportView(
            UUID id,
            UUID periodId,
            ReportStatus status,
            String narrative,
            String comment,
            int revision,
            List<ValueView> values,
            Instant submittedAt,
            String submittedBy,
            Instant settledAt,
            String settledBy,
            long version) {}

    public record PeriodView(
            UUID id,
            int number,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate reportDueOn,
            boolean closed,

            @Schema(description = "Its report is due and not submitted or accepted")
            boolean overdue,

            ReportView report) {}

    @Schema(description = "An allocation of the project with what is spent on it")
    public record SpendingView(
            UUID allocationId,
            int year,
            Category category,
            String unit,
            BigDecimal allocated,
            BigDecimal spent,
            BigDecimal left) {}

    @Schema(description = "A project's goals, work plan, indicators, reporting periods and reports, and spending")
    public record ProjectResultsView(
            UUID projectId,
            String title,
            ProjectStatus status,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            List<UUID> goalIds,
            List<WorkPackageView> workPackages,
            List<IndicatorView> indicators,
            List<PeriodView> periods,
            List<SpendingView> spending,
            List<ExpenditureView> expenditures) {}

    public record MeasureRef(UUID id, int number, String title) {}

    public record ProjectRef(UUID id, String title, ProjectStatus status) {}

    public record Attainment(
            UUID id,
            IndicatorKind kind,
            String name,
            IndicatorUnit unit,
            BigDecimal baseline,

            @Schema(description = "The target for the end of the year (that year's, else the last earlier one's)")
            BigDecimal target,

            BigDecimal achieved,

            @Schema(description = "Achieved as a share of the target in percent, one decimal; null without a target")
            BigDecimal percent) {}

    public record GoalResults(
            UUID id,
            String title,
            List<MeasureRef> measures,
            @Schema(description = "The first 20 by title") List<ProjectRef> projects,

            @Schema(description = "How many projects serve the goal")
            long projectCount,

            List<Attainment> indicators) {}

    public record OverdueMilestone(
            UUID projectId, String projectTitle, UUID milestoneId, String title, LocalDate dueOn) {}

    public record PeriodDue(
            UUID projectId,
            String projectTitle,
            UUID periodId,
            int number,
            LocalDate endsOn,
            LocalDate reportDueOn,

            @Schema(description = "The report's status; null when none is written yet")
            ReportStatus status) {}

    @Schema(description = "The results dashboard of a year")
    public record ResultsView(
            int year,
            LocalDate asOf,
            List<GoalResults> goals,
            @Schema(description = "The 50 longest overdue") List<OverdueMilestone> overdueMilestones,
            long overdueMilestoneCount,
            @Schema(description = "The 50 longest overdue") List<PeriodDue> overdueReports,
            long overdueReportCount,

            @Schema(description = "Submitted reports waiting for the coordinators' review, oldest first")
            List<PeriodDue> reportsToReview,

            @Schema(description = "Per budget line of the year: planned, committed (allocated), spent, free")
            List<LineView> spending) {}
}
