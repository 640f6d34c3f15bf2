package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.projects.budget.BudgetApi.LineView;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.overview.OverviewApi.MeasureOverview;
import de.kielregion.kooperation.projects.overview.OverviewApi.Overview;
import de.kielregion.kooperation.projects.overview.OverviewApi.Question;
import de.kielregion.kooperation.projects.overview.OverviewApi.QuickWinEntry;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.strategy.StrategyApi.GoalView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepView;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The expected result of the workshop as a readable document for the supervisory board:
 * the current strategy rendered as Markdown, and as HTML from that Markdown (CommonMark;
 * raw HTML in user text is escaped, not rendered).
 */
public final class StrategyDocument {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML =
            HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Berlin"));

    private StrategyDocument() {}

    public static String markdown(Overview o) {
        return markdown(o, List.of());
    }

    /** The document with the register's decisions (newest first) as its last section. */
    public static String markdown(Overview o, List<DecisionView> register) {
        StringBuilder md = new StringBuilder();
        md.append("# Internationalisierungsstrategie der KielRegion\n\n");
        md.append("Kooperation im Ostseeraum. Stand: ")
                .append(STAMP.format(o.generatedAt()))
                .append(".\n\n");

        md.append("## Ziele\n\n");
        if (o.goals().isEmpty()) {
            md.append("Noch keine Ziele erfasst.\n\n");
        }
        for (GoalView g : o.goals()) {
            md.append("- **").append(text(g.title())).append("**");
            if (g.description() != null) {
                md.append(": ").append(text(g.description()));
            }
            md.append('\n');
        }
        md.append('\n');

        md.append("## Handlungsfelder\n\n");
        o.themes().forEach(t -> md.append("- ").append(text(t.name())).append('\n'));
        md.append("\n## Maßnahmen\n\n");
        for (MeasureOverview m : o.measures()) {
            md.append("### Maßnahme ")
                    .append(m.measure().number())
                    .append(": ")
                    .append(text(m.measure().title()))
                    .append("\n\n");
            field(md, "Beschreibung", m.measure().description());
            field(md, "Was muss passieren?", m.measure().whatMustHappen());
            field(md, "Wer muss beteiligt werden?", m.measure().whoMustBeInvolved());
            field(md, "Welche Ressourcen werden benötigt?", m.measure().resourcesNeeded());
            field(md, "Zeitplan", m.measure().timeline());
            if (!m.themes().isEmpty()) {
                field(md, "Handlungsfelder", String.join(", ", m.themes()));
            }
            md.append("Projekte: ").append(m.projects()).append("\n\n");
            if (!m.openQuestions().isEmpty()) {
                md.append("Offene Fragen:\n\n");
                for (Question q : m.openQuestions()) {
                    md.append("- ").append(text(q.text()));
                    if (q.resolution() != null) {
                        md.append(" — **entschieden** (")
                                .append(q.resolution().body())
                                .append(", ")
                                .append(q.resolution().decidedOn())
                                .append("): ")
                                .append(text(q.resolution().answer()));
                    } else {
                        md.append(" — *offen*");
                    }
                    md.append('\n');
                }
                md.append('\n');
            }
            if (!m.nextSteps().isEmpty()) {
                md.append("Nächste Schritte:\n\n");
                for (NextStepView n : m.nextSteps()) {
                    md.append("- ")
                            .append(
                                    n.status() == de.kielregion.kooperation.projects.strategy.NextStep.Status.DONE
                                            ? "[erledigt] "
                                            : "")
                            .append(text(n.title()))
                            .append(" (")
                            .append(text(n.owner()));
                    if (n.dueDate() != null) {
                        md.append(", bis ").append(n.dueDate());
                    }
                    md.append(n.overdue() ? ", **überfällig**" : "").append(")\n");
                }
                md.append('\n');
            }
        }

        md.append("## Projekte\n\n");
        md.append("Insgesamt ").append(o.projects().total()).append(" Projekte");
        if (!o.projects().byStatus().isEmpty()) {
            md.append(": ");
            md.append(String.join(
                    ", ",
                    o.projects().byStatus().entrySet().stream()
                            .map((Map.Entry<ProjectStatus, Long> e) -> e.getValue() + " " + e.getKey())
                            .toList()));
        }
        md.append(".\n\n");
        if (!o.projects().quickWins().isEmpty()) {
            md.append("Schnell umsetzbare Projekte (Maßnahme 2, Quick-Win-Wert 0–100):\n\n");
            md.append("| Rang | Projekt | Status | Quick-Win |\n|---:|---|---|---:|\n");
            for (QuickWinEntry q : o.projects().quickWins()) {
                md.append("| ")
                        .append(q.rank())
                        .append(" | ")
                        .append(cell(q.title()))
                        .append(" | ")
                        .append(q.status())
                        .append(" | ")
                        .append(q.quickWin())
                        .append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Ressourcen ").append(o.budget().year()).append("\n\n");
        if (o.budget().lines().isEmpty()) {
            md.append("Für ").append(o.budget().year()).append(" ist noch kein Budget erfasst.\n\n");
        } else {
            md.append("| Linie | Betrag | vergeben | frei |\n|---|---:|---:|---:|\n");
            for (LineView l : o.budget().lines()) {
                md.append("| ")
                        .append(l.category())
                        .append(" (")
                        .append(l.unit())
                        .append(") | ")
                        .append(num(l.amount()))
                        .append(" | ")
                        .append(num(l.allocated()))
                        .append(" | ")
                        .append(num(l.free()))
                        .append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Schwerpunktpartner\n\n");
        if (o.focusPartners().isEmpty()) {
            md.append("Noch keine Schwerpunktpartner beschlossen.\n\n");
        } else {
            o.focusPartners()
                    .forEach(f -> md.append("- ")
                            .append(text(f.name()))
                            .append(" (")
                            .append(f.shareholder())
                            .append(f.since() == null ? "" : ", seit " + f.since())
                            .append(")\n"));
            md.append('\n');
        }
        md.append("## Mitgliedschaften\n\n");
        if (o.memberships().isEmpty()) {
            md.append("Noch keine Mitgliedschaften erfasst.\n\n");
        } else {
            md.append(
                    "| Organisation | Mitglied | Status | Jahresbeitrag (EUR) | gebucht (EUR) |\n|---|---|---|---:|---:|\n");
            o.memberships()
                    .forEach(m -> md.append("| ")
                            .append(text(m.organisation()))
                            .append(" | ")
                            .append(m.holder())
                            .append(" | ")
                            .append(m.status())
                            .append(" | ")
                            .append(m.yearlyFee() == null ? "" : m.yearlyFee().toPlainString())
                            .append(" | ")
                            .append(m.feesBooked().toPlainString())
                            .append(" |\n"));
            md.append('\n');
        }

        md.append("## Bestehende Aktivitäten der Gesellschafter\n\n");
        if (o.existingActivities().total() == 0) {
            md.append("Noch keine Aktivitäten gemeldet.\n\n");
        } else {
            md.append(o.existingActivities().total()).append(" Aktivitäten: ");
            md.append(String.join(
                            ", ",
                            o.existingActivities().byShareholder().entrySet().stream()
                                    .map(e -> e.getValue() + " " + e.getKey())
                                    .toList()))
                    .append(".\n\n");
            md.append("| Handlungsfeld | Gesellschafter | Aktivitäten |\n|---|---|---:|\n");
            o.existingActivities()
                    .byShareholderAndTheme()
                    .forEach(c -> md.append("| ")
                            .append(text(c.theme()))
                            .append(" | ")
                            .append(c.shareholder())
                            .append(" | ")
                            .append(c.count())
                            .append(" |\n"));
            md.append('\n');
        }

        reach(md, o.reach());

        md.append("## Offene Fragen insgesamt\n\n")
                .append(o.openQuestions())
                .append(" offen, ")
                .append(o.resolvedQuestions())
                .append(" entschieden.\n\n");
        if (!o.otherQuestions().isEmpty()) {
            md.append("Ohne Maßnahme:\n\n");
            for (Question q : o.otherQuestions()) {
                md.append("- ")
                        .append("OPEN".equals(q.status()) ? "**offen**: " : "entschieden: ")
                        .append(text(q.text()))
                        .append(
                                q.resolution() == null
                                        ? ""
                                        : " – " + text(q.resolution().answer()))
                        .append('\n');
            }
            md.append('\n');
        }
        if (!o.overdueNextSteps().isEmpty()) {
            md.append("## Überfällige nächste Schritte\n\n");
            o.overdueNextSteps()
                    .forEach(n -> md.append("- ")
                            .append(text(n.title()))
                            .append(" (")
                            .append(text(n.owner()))
                            .append(", fällig ")
                            .append(n.dueDate())
                            .append(")\n"));
            md.append('\n');
        }
        if (!o.deferredDecisions().isEmpty()) {
            md.append(
                    "## Vertagte Entscheidungen\n\n| Gegenstand | Gremium | vertagt am | Wiedervorlage |\n|---|---|---|---|\n");
            o.deferredDecisions()
                    .forEach(p -> md.append("| ")
                            .append(text(p.decision().subjectName()))
                            .append(" | ")
                            .append(p.decision().body())
                            .append(" | ")
                            .append(p.decision().decidedOn())
                            .append(" | ")
                            .append(p.decision().revisitOn())
                            .append(p.due() ? " (fällig)" : "")
                            .append(" |\n"));
            md.append('\n');
        }
        md.append("## Entscheidungen zur Strategie\n\n");
        if (o.strategyDecisions().isEmpty()) {
            md.append("Der Aufsichtsrat hat über die Strategie noch nicht entschieden.\n");
        }
        for (DecisionView d : o.strategyDecisions()) {
            md.append("- ")
                    .append(d.decidedOn())
                    .append(", ")
                    .append(d.body())
                    .append(": ")
                    .append(text(d.kind()))
                    .append(" — ")
                    .append(d.outcome());
            if (d.minutesReference() != null) {
                md.append(" (").append(text(d.minutesReference())).append(")");
            }
            md.append('\n');
        }
        if (!register.isEmpty()) {
            md.append("\n## Beschlussregister\n\n")
                    .append("Die getroffenen Entscheidungen aller Dienste, die neuesten zuerst.\n\n")
                    .append(
                            "| Datum | Gremium | Gegenstand | Art | Ergebnis | Protokoll |\n|---|---|---|---|---|---|\n");
            for (DecisionView d : register) {
                md.append("| ")
                        .append(d.decidedOn())
                        .append(" | ")
                        .append(d.body())
                        .append(" | ")
                        .append(text(d.subjectName()))
                        .append(" | ")
                        .append(text(d.kind()))
                        .append(" | ")
                        .append(d.outcome())
                        .append(d.revisitOn() == null ? "" : ", Wiedervorlage " + d.revisitOn())
                        .append(" | ")
                        .append(text(d.minutesReference()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    public static String html(Overview o) {
        return html(o, List.of());
    }

    public static String html(Overview o, List<DecisionView> register) {
        return "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Internationalisierungsstrategie der KielRegion</title>"
                + "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45}"
                + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2em .6em}</style>"
                + "</head><body>\n" + HTML.render(PARSER.parse(markdown(o, register))) + "</body></html>\n";
    }

    /** The font of the PDF: Liberation Sans, which PDFBox carries (Latin with ø, å, ł, ą, ...), embedded. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /**
     * The document as PDF for the supervisory board: a title page with the date, then the same
     * content as the HTML (measures with their open questions, projects, resources, decisions).
     */
    public static byte[] pdf(Overview o, List<DecisionView> register) {
        String html = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Internationalisierungsstrategie der KielRegion</title><style>"
                + "@page{size:A4;margin:2cm 2cm 2.2cm 2cm;"
                + "@bottom-right{content:'Seite ' counter(page) ' von ' counter(pages);font-family:'Liberation Sans';"
                + "font-size:8pt}}"
                + "body{font-family:'Liberation Sans';font-size:10pt;line-height:1.35}"
                + ".title{page-break-after:always;text-align:center;padding-top:7cm}.title h1{font-size:22pt}"
                + "h1{font-size:18pt}h2{font-size:14pt;page-break-after:avoid}h3{font-size:12pt;page-break-after:avoid}"
                + "table{border-collapse:collapse;width:100%;-fs-table-paginate:paginate}"
                + "td,th{border:0.5pt solid #999;padding:2pt 4pt;font-size:8.5pt;vertical-align:top}"
                + "</style></head><body><div class=\"title\"><h1>Internationalisierungsstrategie der KielRegion</h1>"
                + "<p>Kooperation im Ostseeraum – Vorlage für den Aufsichtsrat</p><p>Stand: "
                + STAMP.format(o.generatedAt()) + "</p></div>"
                + HTML.render(PARSER.parse(markdown(o, register))) + "</body></html>";
        org.w3c.dom.Document document = new org.jsoup.helper.W3CDom().fromJsoup(org.jsoup.Jsoup.parse(html));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            com.openhtmltopdf.pdfboxout.PdfRendererBuilder pdf = new com.openhtmltopdf.pdfboxout.PdfRendererBuilder();
            pdf.useFastMode();
            pdf.useFont(() -> StrategyDocument.class.getResourceAsStream(FONT), "Liberation Sans");
            pdf.withW3cDocument(document, "/");
            pdf.toStream(out);
            pdf.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The strategy document could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }

    private static void field(StringBuilder md, String label, String value) {
        if (value != null && !value.isBlank()) {
            md.append("**").append(label).append("** ").append(text(value)).append("\n\n");
        }
    }

    /** User text with Markdown's special characters escaped, on one line. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.replace('\n', ' ').toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String cell(String value) {
        return text(value);
    }

    private static String num(BigDecimal value) {
        return value.toPlainString();
    }

    /** Measure 4: how far the cooperation reaches beyond the cities, per shareholder and per region. */
    private static void reach(StringBuilder md, OverviewApi.Reach reach) {
        md.append("## Städte und Regionen (Maßnahme 4)\n\n")
                .append("Wie weit die Kooperation über die Städte hinaus in die Regionen reicht: je Gesellschafter")
                .append(" die Projekte, bestehenden Aktivitäten und aktiven Beziehungen, die nur Städte einbeziehen,")
                .append(" und die, die Kleinstädte, ländliche Gebiete oder eine Region als Ganzes erreichen")
                .append(" (Verstädterungsgrad der EU).\n\n")
                .append(
                        "| Gesellschafter | Projekte: nur Städte / darüber hinaus / gesamt | Aktivitäten | Beziehungen |\n")
                .append("|---|---|---|---|\n");
        for (OverviewApi.ShareholderReach s : reach.byShareholder()) {
            md.append("| ")
                    .append(s.shareholder())
                    .append(" | ")
                    .append(counts(s.projects()))
                    .append(" | ")
                    .append(counts(s.activities()))
                    .append(" | ")
                    .append(counts(s.relations()))
                    .append(" |\n");
        }
        md.append('\n');
        if (!reach.byRegion().isEmpty()) {
            md.append("| Region | Partner darin | Projekte | Aktivitäten | Beziehungen |\n|---|---|---:|---:|---:|\n");
            for (OverviewApi.RegionReach r : reach.byRegion()) {
                md.append("| ")
                        .append(text(r.name()))
                        .append(r.country() == null ? "" : " (" + r.country() + ")")
                        .append(" | ")
                        .append(String.join(
                                ", ",
                                r.members().stream()
                                        .map(m -> text(m.name())
                                                + (m.urbanisation() == null ? "" : " (" + m.urbanisation() + ")"))
                                        .toList()))
                        .append(" | ")
                        .append(r.projects())
                        .append(" | ")
                        .append(r.activities())
                        .append(" | ")
                        .append(r.relations())
                        .append(" |\n");
            }
            md.append('\n');
        }
    }

    private static String counts(OverviewApi.ReachCount c) {
        return c.citiesOnly() + " / " + c.beyondCities() + " / " + c.total();
    }
}
