package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.overview.OverviewApi.FocusPartnerEntry;
import de.kielregion.kooperation.projects.overview.OverviewApi.MeasureOverview;
import de.kielregion.kooperation.projects.overview.OverviewApi.MembershipEntry;
import de.kielregion.kooperation.projects.overview.OverviewApi.Overview;
import de.kielregion.kooperation.projects.overview.OverviewApi.QuickWinEntry;
import de.kielregion.kooperation.projects.overview.StrategyVersions.VersionView;
import de.kielregion.kooperation.projects.project.ProjectApi.FinancingSource;
import de.kielregion.kooperation.projects.project.ProjectApi.PartnerView;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import de.kielregion.kooperation.projects.results.ResultsApi.IndicatorView;
import de.kielregion.kooperation.projects.results.ResultsApi.MilestoneView;
import de.kielregion.kooperation.projects.results.ResultsApi.ProjectResultsView;
import de.kielregion.kooperation.projects.results.ResultsApi.WorkPackageView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.GoalView;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The documents for the partners in Aarhus, Göteborg and elsewhere: a project's profile
 * (Projektsteckbrief) and a summary of the strategy, in German (the default) or English. The frame
 * (headings, labels, dates, amounts) is in the language asked for; what people typed (titles,
 * summaries) stays as written. User text is escaped.
 */
public final class PartnerDocuments {

    private final Wording words;
    private final ResourceBundle texts;
    private final String language;

    private PartnerDocuments(String language) {
        this.language = "en".equals(language) ? "en" : "de";
        this.words = "en".equals(this.language) ? Wording.ENGLISH : Wording.GERMAN;
        this.texts = ResourceBundle.getBundle(
                "documents", "en".equals(this.language) ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
    }

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The documents in {@code language} ("en"; anything else is German). */
    public static PartnerDocuments in(String language) {
        return new PartnerDocuments(language);
    }

    public String language() {
        return language;
    }

    private String t(String key, Object... args) {
        String text = texts.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, words.locale()).format(args);
    }

    public String profileMarkdown(ProjectView p, ProjectResultsView results, List<GoalView> goals, String measure) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(MarkdownText.text(p.title())).append("\n\n");
        if (p.summary() != null) {
            md.append(MarkdownText.text(p.summary())).append("\n\n");
        }
        md.append("## ").append(t("profile.facts")).append("\n\n| | |\n|---|---|\n");
        MarkdownText.row(md, t("profile.status"), words.label("ProjectStatus", p.status()));
        if (p.lead() != null) {
            MarkdownText.row(md, t("profile.lead"), MarkdownText.text(p.lead()));
        }
        if (!p.shareholders().isEmpty()) {
            MarkdownText.row(
                    md,
                    t("profile.shareholders"),
                    p.shareholders().stream()
                            .map(s -> words.label("Shareholder", s))
                            .collect(Collectors.joining(", ")));
        }
        MarkdownText.row(
                md,
                t("profile.period"),
                (p.plannedStart() == null ? t("profile.open") : words.date(p.plannedStart())) + " " + t("profile.until")
                        + " " + (p.plannedEnd() == null ? t("profile.open") : words.date(p.plannedEnd())));
        if (measure != null) {
            MarkdownText.row(md, t("profile.measure"), MarkdownText.text(measure));
        }
        md.append("\n## ").append(t("profile.partners")).append("\n\n");
        if (p.partners().isEmpty()) {
            md.append(t("profile.noPartners")).append("\n\n");
        } else {
            for (PartnerView pp : p.partners()) {
                md.append("- ")
                        .append(MarkdownText.text(pp.name()))
                        .append(" (")
                        .append(words.label("PartnerRole", pp.role()))
                        .append(")\n");
            }
            md.append('\n');
        }
        md.append("## ").append(t("profile.financing")).append("\n\n");
        if (p.financing().isEmpty()) {
            md.append(t("profile.noFinancing")).append("\n\n");
        } else {
            md.append("| ")
                    .append(t("profile.source"))
                    .append(" | ")
                    .append(t("profile.kind"))
                    .append(" | ")
                    .append(t("profile.amount"))
                    .append(" |\n|---|---|---:|\n");
            for (FinancingSource f : p.financing()) {
                md.append("| ")
                        .append(MarkdownText.text(f.name()))
                        .append(" | ")
                        .append(words.label("Financing", f.kind()))
                        .append(" | ")
                        .append(words.money(f.amount()))
                        .append(" |\n");
            }
            md.append("| **")
                    .append(t("profile.total"))
                    .append("** | | **")
                    .append(words.money(p.financingTotal()))
                    .append("** |\n\n");
        }
        md.append("## ").append(t("profile.goals")).append("\n\n");
        List<GoalView> served =
                goals.stream().filter(g -> results.goalIds().contains(g.id())).toList();
        if (served.isEmpty()) {
            md.append(t("profile.noGoals")).append("\n\n");
        } else {
            served.forEach(
                    g -> md.append("- ").append(MarkdownText.text(g.title())).append('\n'));
            md.append('\n');
        }
        if (!results.indicators().isEmpty()) {
            md.append("## ")
                    .append(t("profile.indicators"))
                    .append("\n\n| ")
                    .append(t("profile.indicator"))
                    .append(" | ")
                    .append(t("profile.target"))
                    .append(" | ")
                    .append(t("profile.achieved"))
                    .append(" |\n|---|---:|---:|\n");
            for (IndicatorView i : results.indicators()) {
                md.append("| ")
                        .append(MarkdownText.text(i.name()))
                        .append(" (")
                        .append(words.label("IndicatorUnit", i.unit()))
                        .append(") | ")
                        .append(
                                i.targets().isEmpty()
                                        ? "–"
                                        : words.number(i.targets()
                                                .get(i.targets().size() - 1)
                                                .target()))
                        .append(" | ")
                        .append(words.number(i.achieved()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## ").append(t("profile.milestones")).append("\n\n");
        List<String> milestones = results.workPackages().stream()
                .flatMap((WorkPackageView w) -> w.milestones().stream())
                .map((MilestoneView m) -> "- " + MarkdownText.text(m.title()) + " – " + t("profile.dueOn") + " "
                        + words.date(m.dueOn()) + " (" + words.label("MilestoneStatus", m.status()) + ")")
                .toList();
        if (milestones.isEmpty()) {
            md.append(t("profile.noMilestones")).append("\n\n");
        } else {
            md.append(String.join("\n", milestones)).append("\n\n");
        }
        md.append("*").append(t("profile.contact")).append("*\n");
        return md.toString();
    }

    public byte[] profilePdf(ProjectView p, ProjectResultsView results, List<GoalView> goals, String measure) {
        return StrategyDocument.pdf(
                language,
                t("profile.title"),
                p.title(),
                t("stamp", words.dateTime(Instant.now())),
                profileMarkdown(p, results, goals, measure));
    }

    public String summaryMarkdown(Overview o, VersionView adopted) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(t("summary.title")).append("\n\n");
        md.append(
                        adopted == null
                                ? t("summary.notAdopted")
                                : t(
                                        "summary.adopted",
                                        words.date(adopted.adoptedOn()),
                                        words.label("Body", adopted.body()),
                                        adopted.number()))
                .append("\n\n");
        md.append("## ").append(t("summary.goals")).append("\n\n");
        for (GoalView g : o.goals()) {
            md.append("- **").append(MarkdownText.text(g.title())).append("**");
            if (g.description() != null) {
                md.append(": ").append(MarkdownText.text(g.description()));
            }
            md.append('\n');
        }
        md.append("\n## ").append(t("summary.measures")).append("\n\n");
        for (MeasureOverview m : o.measures()) {
            md.append(m.measure().number())
                    .append(". ")
                    .append(MarkdownText.text(m.measure().title()))
                    .append('\n');
        }
        md.append("\n## ").append(t("summary.focus")).append("\n\n");
        List<FocusPartnerEntry> focus =
                o.focusPartners().stream().filter(f -> !f.retired()).toList();
        if (focus.isEmpty()) {
            md.append(t("summary.noFocus")).append("\n");
        } else {
            focus.forEach(f -> md.append("- ")
                    .append(MarkdownText.text(f.name()))
                    .append(" (")
                    .append(words.label("Shareholder", f.shareholder()))
                    .append(f.since() == null ? "" : ", " + t("summary.since", words.date(f.since())))
                    .append(")\n"));
        }
        md.append("\n## ").append(t("summary.quickWins")).append("\n\n");
        List<QuickWinEntry> quick = o.projects().quickWins().stream().limit(5).toList();
        if (quick.isEmpty()) {
            md.append(t("summary.noQuickWins")).append("\n");
        } else {
            quick.forEach(q -> md.append(q.rank())
                    .append(". ")
                    .append(MarkdownText.text(q.title()))
                    .append(" (")
                    .append(words.label("ProjectStatus", q.status()))
                    .append(")\n"));
        }
        md.append("\n## ").append(t("summary.memberships")).append("\n\n");
        List<MembershipEntry> memberships = o.memberships();
        if (memberships.isEmpty()) {
            md.append(t("summary.noMemberships")).append("\n");
        } else {
            memberships.forEach(m -> md.append("- ")
                    .append(MarkdownText.text(m.organisation()))
                    .append(" (")
                    .append(words.label("Shareholder", m.holder()))
                    .append(": ")
                    .append(words.label("MembershipStatus", m.status()))
                    .append(")\n"));
        }
        md.append("\n*").append(t("profile.contact")).append("*\n");
        return md.toString();
    }

    public byte[] summaryPdf(Overview o, VersionView adopted) {
        return StrategyDocument.pdf(
                language,
                t("summary.title"),
                t("summary.subtitle"),
                t("stamp", words.dateTime(o.generatedAt())),
                summaryMarkdown(o, adopted));
    }
}
