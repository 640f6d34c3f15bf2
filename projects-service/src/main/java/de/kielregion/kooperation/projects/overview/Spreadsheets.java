package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.platform.xlsx.XlsxExport;
import de.kielregion.kooperation.projects.budget.BudgetApi.BudgetView;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import de.kielregion.kooperation.projects.results.ResultsApi.ResultsView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The spreadsheets of projects-service (as Jems offers them): projects, the decision register and
 * the budget of a year, with number and date cells; text is never a formula ({@link XlsxExport}).
 */
public final class Spreadsheets {

    public record ProjectRow(
            String id,
            String title,
            String status,
            BigDecimal quickWin,
            Integer effort,
            Integer impact,
            Integer monthsToStart,
            Integer fundingSecured,
            String lead,
            String shareholders,
            String partners,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            BigDecimal financingTotal) {}

    public record DecisionRow(
            LocalDate decidedOn,
            String service,
            String subjectType,
            String subject,
            String kind,
            String body,
            String outcome,
            String conditions,
            String minutesReference,
            String note,
            LocalDate revisitOn) {}

    public record BudgetRow(
            int year, String category, String unit, BigDecimal amount, BigDecimal allocated, BigDecimal free) {}

    public record IndicatorRow(
            String goal,
            String indicator,
            String kind,
            String unit,
            BigDecimal baseline,
            Integer targetYear,
            BigDecimal target,
            BigDecimal achieved,
            BigDecimal percent) {}

    private Spreadsheets() {}

    /** The goals' indicators of the results dashboard: achieved against the year's target. */
    public static byte[] indicators(ResultsView results) {
        return XlsxExport.write(
                "Indikatoren " + results.year(),
                IndicatorRow.class,
                results.goals().stream()
                        .flatMap(g -> g.indicators().stream()
                                .map(i -> new IndicatorRow(
                                        g.title(),
                                        i.name(),
                                        i.kind().name(),
                                        i.unit().name(),
                                        i.baseline(),
                                        results.year(),
                                        i.target(),
                                        i.achieved(),
                                        i.percent())))
                        .toList());
    }

    public static byte[] projects(List<ProjectView> projects) {
        return XlsxExport.write(
                "Projekte",
                ProjectRow.class,
                projects.stream()
                        .map(p -> new ProjectRow(
                                p.id().toString(),
                                p.title(),
                                p.status().name(),
                                p.quickWin(),
                                p.effort(),
                                p.impact(),
                                p.monthsToStart(),
                                p.fundingSecured(),
                                p.lead(),
                                p.shareholders().stream().map(Enum::name).collect(Collectors.joining("; ")),
                                p.partners().stream()
                                        .map(pp -> (pp.name() == null
                                                        ? pp.partnerId().toString()
                                                        : pp.name()) + " (" + pp.role() + ")")
                                        .collect(Collectors.joining("; ")),
                                p.plannedStart(),
                                p.plannedEnd(),
                                p.financingTotal()))
                        .toList());
    }

    public static byte[] decisions(List<DecisionView> decisions) {
        return XlsxExport.write(
                "Beschlüsse",
                DecisionRow.class,
                decisions.stream()
                        .map(d -> new DecisionRow(
                                d.decidedOn(),
                                d.service(),
                                d.subjectType(),
                                d.subjectName(),
                                d.kind(),
                                d.body(),
                                d.outcome(),
                                d.conditions(),
                                d.minutesReference(),
                                d.note(),
                                d.revisitOn()))
                        .toList());
    }

    public static byte[] budget(BudgetView budget) {
        return XlsxExport.write(
                "Budget " + budget.year(),
                BudgetRow.class,
                budget.lines().stream()
                        .map(l -> new BudgetRow(
                                l.year(), l.category().name(), l.unit(), l.amount(), l.allocated(), l.free()))
                        .toList());
    }
}
