package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.projects.budget.BudgetApi.ExpenditureView;
import de.kielregion.kooperation.projects.results.ResultsApi.IndicatorView;
import de.kielregion.kooperation.projects.results.ResultsApi.MilestoneView;
import de.kielregion.kooperation.projects.results.ResultsApi.PeriodView;
import de.kielregion.kooperation.projects.results.ResultsApi.ProjectResultsView;
import de.kielregion.kooperation.projects.results.ResultsApi.ReportView;
import de.kielregion.kooperation.projects.results.ResultsApi.ValueView;
import de.kielregion.kooperation.projects.results.ResultsApi.WorkPackageView;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A project's progress report of one reporting period as a document (Markdown, and PDF for the
 * files): the narrative, what the period achieved per indicator next to what is achieved in all,
 * the work plan's milestones, the expenditure of the period, the coordinators' comment. User text
 * is escaped.
 */
public final class ReportDocument {

    private ReportDocument() {}

    public static String markdown(ProjectResultsView r, PeriodView period) {
        ReportView report = period.report();
        StringBuilder md = new StringBuilder();
        md.append("# Fortschrittsbericht\n\n");
        md.append("| | |\n|---|---|\n");
        MarkdownText.row(md, "Projekt", MarkdownText.text(r.title()));
        MarkdownText.row(
                md,
                "Berichtszeitraum",
                period.number() + ": " + MarkdownText.date(period.startsOn()) + " bis "
                        + MarkdownText.date(period.endsOn()));
        MarkdownText.row(md, "Bericht fällig am", MarkdownText.date(period.reportDueOn()));
        if (report == null) {
            MarkdownText.row(md, "Stand", "noch kein Bericht");
        } else {
            MarkdownText.row(
                    md,
                    "Stand",
                    MarkdownText.label("ReportStatus", report.status())
                            + (report.revision() > 1 ? " (Fassung " + report.revision() + ")" : ""));
            if (report.submittedAt() != null) {
                MarkdownText.row(
                        md,
                        "Eingereicht",
                        MarkdownText.stamp(report.submittedAt()) + " von " + MarkdownText.text(report.submittedBy()));
            }
        }
        md.append('\n');
        if (report != null && report.comment() != null) {
            md.append("## Hinweis der Koordination\n\n")
                    .append(paragraphs(report.comment()))
                    .append("\n\n");
        }
        md.append("## Sachbericht\n\n");
        md.append(
                report == null || report.narrative() == null
                        ? "Noch nicht geschrieben."
                        : paragraphs(report.narrative()));
        md.append("\n\n## Indikatoren\n\n");
        if (r.indicators().isEmpty()) {
            md.append("Das Projekt hat noch keinen Indikator.\n\n");
        } else {
            Map<UUID, BigDecimal> values = report == null
                    ? Map.of()
                    : report.values().stream().collect(Collectors.toMap(ValueView::indicatorId, ValueView::value));
            md.append(
                    "| Indikator | Art | Einheit | im Berichtszeitraum | erreicht insgesamt |\n|---|---|---|---:|---:|\n");
            for (IndicatorView i : r.indicators()) {
                md.append("| ")
                        .append(MarkdownText.text(i.name()))
                        .append(" | ")
                        .append(MarkdownText.label("IndicatorKind", i.kind()))
                        .append(" | ")
                        .append(MarkdownText.label("IndicatorUnit", i.unit()))
                        .append(" | ")
                        .append(MarkdownText.num(values.get(i.id())))
                        .append(" | ")
                        .append(MarkdownText.num(i.achieved()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Meilensteine\n\n");
        if (r.workPackages().stream().allMatch(w -> w.milestones().isEmpty())) {
            md.append("Der Arbeitsplan hat noch keinen Meilenstein.\n\n");
        } else {
            md.append("| Arbeitspaket | Meilenstein | fällig am | Stand |\n|---|---|---|---|\n");
            for (WorkPackageView w : r.workPackages()) {
                for (MilestoneView m : w.milestones()) {
                    md.append("| ")
                            .append(w.number())
                            .append(". ")
                            .append(MarkdownText.text(w.title()))
                            .append(" | ")
                            .append(MarkdownText.text(m.title()))
                            .append(" | ")
                            .append(MarkdownText.date(m.dueOn()))
                            .append(" | ")
                            .append(MarkdownText.label("MilestoneStatus", m.status()))
                            .append(m.settledOn() == null ? "" : " am " + MarkdownText.date(m.settledOn()))
                            .append(m.overdue() ? " (überfällig)" : "")
                            .append(" |\n");
                }
            }
            md.append('\n');
        }
        md.append("## Ausgaben im Berichtszeitraum\n\n");
        var spent = r.expenditures().stream()
                .filter(e ->
                        !e.spentOn().isBefore(period.startsOn()) && !e.spentOn().isAfter(period.endsOn()))
                .toList();
        if (spent.isEmpty()) {
            md.append("Im Berichtszeitraum ist keine Ausgabe gebucht.\n");
        } else {
            md.append("| am | wofür | Linie | Betrag |\n|---|---|---|---:|\n");
            for (ExpenditureView e : spent) {
                md.append("| ")
                        .append(MarkdownText.date(e.spentOn()))
                        .append(" | ")
                        .append(MarkdownText.text(e.description()))
                        .append(" | ")
                        .append(MarkdownText.label("Category", e.category()))
                        .append(' ')
                        .append(e.year())
                        .append(" | ")
                        .append(MarkdownText.amount(e.amount(), e.unit()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    public static byte[] pdf(ProjectResultsView r, PeriodView period) {
        return StrategyDocument.pdf(
                "Fortschrittsbericht",
                r.title(),
                "Berichtszeitraum " + period.number() + ": " + MarkdownText.date(period.startsOn()) + " bis "
                        + MarkdownText.date(period.endsOn()),
                markdown(r, period));
    }

    /** User text of several paragraphs: each line escaped, blank lines kept as paragraph breaks. */
    private static String paragraphs(String text) {
        return text.lines().map(MarkdownText::text).collect(Collectors.joining("\n\n"));
    }
}
