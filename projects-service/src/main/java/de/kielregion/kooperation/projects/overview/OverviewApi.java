package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.projects.budget.BudgetApi.BudgetView;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionApi.PendingDeferral;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.strategy.StrategyApi.GoalView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.MeasureView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.ThemeView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class OverviewApi {

    private OverviewApi() {}

    @Schema(name = "QuestionResolution")
    public record Resolution(UUID decisionId, String body, LocalDate decidedOn, String answer) {}

    @Schema(name = "OverviewQuestion")
    public record Question(UUID id, String text, String status, Resolution resolution) {}

    public record MeasureOverview(
            MeasureView measure,
            List<String> themes,
            List<Question> openQuestions,
            List<NextStepView> nextSteps,
            long projects) {}

    public record QuickWinEntry(int rank, UUID projectId, String title, ProjectStatus status, BigDecimal quickWin) {}

    @Schema(name = "ProjectsOverview")
    public record Projects(long total, Map<ProjectStatus, Long> byStatus, List<QuickWinEntry> quickWins) {}

    public record ActivityCount(String shareholder, String theme, long count) {}

    /** The shareholders' existing activities (partners-service), counted. */
    @Schema(name = "ActivitiesOverview")
    public record Activities(
            long total,
            Map<String, Long> byShareholder,
            Map<String, Long> byTheme,
            List<ActivityCount> byShareholderAndTheme) {}

    public record MembershipEntry(
            UUID id,
            String holder,
            String organisation,
            String status,
            java.math.BigDecimal yearlyFee,
            java.math.BigDecimal feesBooked) {}

    @Schema(
            description = "Cooperation items of one kind: in the cities only, reaching beyond them (a partner in a"
                    + " town or rural area, or a region or district as a whole), or not classified (no partner with a"
                    + " degree of urbanisation)")
    public record ReachCount(long total, long citiesOnly, long beyondCities, long unclassified) {}

    @Schema(description = "Measure 4 for one shareholder: its projects, existing activities and active relations")
    public record ShareholderReach(
            String shareholder, ReachCount projects, ReachCount activities, ReachCount relations) {}

    @Schema(description = "A partner that belongs to a region, with its degree of urbanisation (CITY, TOWN, RURAL)")
    public record RegionMember(UUID partnerId, String name, String urbanisation) {}

    @Schema(
            description = "A region or district with the partners that belong to it, and how many projects,"
                    + " activities and active relations involve it or one of them")
    public record RegionReach(
            UUID regionId,
            String name,
            String country,
            List<RegionMember> members,
            long projects,
            long activities,
            long relations) {}

    @Schema(description = "Measure 4, cities to regions: how far the cooperation reaches beyond the cities")
    public record Reach(List<ShareholderReach> byShareholder, List<RegionReach> byRegion) {}

    public record FocusPartnerEntry(
            UUID partnerId, String name, String shareholder, LocalDate since, boolean retired) {}

    public record Overview(
            Instant generatedAt,
            List<GoalView> goals,
            List<ThemeView> themes,
            List<MeasureOverview> measures,
            long openQuestions,
            long resolvedQuestions,

            @Schema(description = "Open questions (and resolved ones) that belong to no measure")
            List<Question> otherQuestions,

            Projects projects,
            BudgetView budget,
            Activities existingActivities,
            List<MembershipEntry> memberships,
            List<FocusPartnerEntry> focusPartners,
            List<NextStepView> overdueNextSteps,
            List<DecisionView> strategyDecisions,

            @Schema(description = "Postponed decisions of every service still waiting, soonest revisit first")
            List<PendingDeferral> deferredDecisions,

            Reach reach) {}
}
