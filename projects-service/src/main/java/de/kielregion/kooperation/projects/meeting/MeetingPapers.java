package de.kielregion.kooperation.projects.meeting;

import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.budget.BudgetApi.AllocationView;
import de.kielregion.kooperation.projects.budget.BudgetService;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.meeting.AgendaItem.Status;
import de.kielregion.kooperation.projects.membership.MembershipReplica;
import de.kielregion.kooperation.projects.overview.MarkdownText;
import de.kielregion.kooperation.projects.overview.StrategyDocument;
import de.kielregion.kooperation.projects.overview.StrategyVersions;
import de.kielregion.kooperation.projects.overview.StrategyVersions.Changes;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.partner.RelationReplica;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.project.ProjectApi.FinancingSource;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import de.kielregion.kooperation.projects.project.ProjectQueries;
import de.kielregion.kooperation.projects.results.ResultsViews;
import de.kielregion.kooperation.projects.strategy.Measure;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import de.kielregion.kooperation.projects.strategy.StrategyApi.GoalView;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The decision papers (Beschlussvorlagen) of a meeting's items and the meeting's documents
 * (invitation, agenda and every paper), as Markdown and German PDF. A paper says what the
 * subject is from what projects-service knows: a project's profile, budget, co-financing and
 * goals; a membership's fee per year, term, notice period and working groups, and what was
 * decided on it before; a focus partner's data, the shareholders' relations to it and its
 * projects; the strategy's adopted version and what changed since. User text is escaped.
 */
@ApplicationScoped
public class MeetingPapers {

    private static final Wording WORDS = Wording.GERMAN;

    private final EntityManager em;
    private final BoardMeetings meetings;
    private final ProjectQueries projects;
    private final BudgetService budget;
    private final ResultsViews results;
    private final StrategyService strategy;
    private final StrategyVersions versions;
    private final DecisionRegister decisions;

    MeetingPapers(
            EntityManager em,
            BoardMeetings meetings,
            ProjectQueries projects,
            BudgetService budget,
            ResultsViews results,
            StrategyService strategy,
            StrategyVersions versions,
            DecisionRegister decisions) {
        this.em = em;
        this.meetings = meetings;
        this.projects = projects;
        this.budget = budget;
        this.results = results;
        this.strategy = strategy;
        this.versions = versions;
        this.decisions = decisions;
    }

    /** The paper of one item as PDF. */
    @Transactional
    public byte[] paperPdf(UUID itemId) {
        AgendaItem item = meetings.item(itemId);
        BoardMeeting m = item.meeting;
        return StrategyDocument.pdf(
                "Beschlussvorlage",
                item.title,
                m.label(WORDS) + " am " + WORDS.date(m.meetsOn) + ", TOP " + item.position,
                header(m) + paper(item, "##"));
    }

    /** The paper of one item as Markdown. */
    @Transactional
    public String paperMarkdown(UUID itemId) {
        AgendaItem item = meetings.item(itemId);
        return "# Beschlussvorlage: " + MarkdownText.text(item.title) + "\n\n" + header(item.meeting)
                + paper(item, "##");
    }

    /** The meeting's documents: the invitation with the agenda, then every item's paper. */
    @Transactional
    public String meetingMarkdown(UUID meetingId) {
        BoardMeeting m = meetings.meeting(meetingId);
        StringBuilder md = new StringBuilder();
        md.append("# Einladung\n\n").append(header(m));
        md.append("## Tagesordnung\n\n");
        List<AgendaItem> agenda = m.agenda();
        if (agenda.isEmpty()) {
            md.append("Die Tagesordnung ist noch leer.\n\n");
        } else {
            md.append("| TOP | Gegenstand | Stand |\n|---:|---|---|\n");
            for (AgendaItem i : agenda) {
                md.append("| ")
                        .append(i.position)
                        .append(" | ")
                        .append(MarkdownText.text(i.title))
                        .append(" | ")
                        .append(WORDS.label("AgendaStatus", i.status))
                        .append(" |\n");
            }
            md.append('\n');
        }
        for (AgendaItem i : agenda) {
            md.append("# TOP ")
                    .append(i.position)
                    .append(": ")
                    .append(MarkdownText.text(i.title))
                    .append("\n\n")
                    .append(paper(i, "##"));
        }
        return md.toString();
    }

    @Transactional
    public byte[] meetingPdf(UUID meetingId) {
        BoardMeeting m = meetings.meeting(meetingId);
        return StrategyDocument.pdf(
                "Sitzungsunterlagen",
                m.label(WORDS),
                WORDS.label("Body", m.body) + ", " + WORDS.date(m.meetsOn) + (m.place == null ? "" : ", " + m.place),
                meetingMarkdown(meetingId));
    }

    private static String header(BoardMeeting m) {
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        MarkdownText.row(md, "Gremium", WORDS.label("Body", m.body));
        MarkdownText.row(md, "Sitzung", MarkdownText.text(m.label(WORDS)));
        MarkdownText.row(md, "Datum", WORDS.date(m.meetsOn));
        if (m.place != null) {
            MarkdownText.row(md, "Ort", MarkdownText.text(m.place));
        }
        return md.append('\n').toString();
    }

    private String paper(AgendaItem item, String h) {
        StringBuilder md = new StringBuilder();
        md.append("| | |\n|---|---|\n");
        MarkdownText.row(md, "Tagesordnungspunkt", "TOP " + item.position);
        MarkdownText.row(md, "Gegenstand", MarkdownText.text(item.title));
        MarkdownText.row(md, "Stand", WORDS.label("AgendaStatus", item.status));
        md.append('\n');
        if (item.note != null) {
            md.append(h)
                    .append(" Anlass\n\n")
                    .append(MarkdownText.text(item.note))
                    .append("\n\n");
        }
        String proposal = switch (item.subject()) {
            case PROJECT -> project(md, h, item.subjectId);
            case MEMBERSHIP -> membership(md, h, item.subjectId);
            case PARTNER -> partner(md, h, item.subjectId);
            case OPEN_QUESTION -> question(md, h, item.subjectId);
            case MEASURE -> measure(md, h, item.subjectId);
            case STRATEGY -> strategy(md, h);
            case OTHER -> null;
        };
        previous(md, h, item);
        if (item.status == Status.DECIDED && item.decisionId != null) {
            DecisionView d = decisions.get(item.decisionId);
            md.append(h)
                    .append(" Beschluss\n\n")
                    .append(WORDS.label("Outcome", d.outcome()))
                    .append(" am ")
                    .append(WORDS.date(d.decidedOn()))
                    .append(d.conditions() == null ? "" : ". Auflagen: " + MarkdownText.text(d.conditions()))
                    .append("\n\n");
        } else if (proposal != null) {
            md.append(h).append(" Beschlussvorschlag\n\n").append(proposal).append("\n\n");
        }
        return md.toString();
    }

    private String project(StringBuilder md, String h, UUID id) {
        if (em.find(Project.class, id) == null) {
            md.append("Das Projekt gibt es nicht mehr.\n\n");
            return null;
        }
        ProjectView p = projects.get(id);
        md.append(h).append(" Projektprofil\n\n");
        md.append("| | |\n|---|---|\n");
        MarkdownText.row(md, "Stand", WORDS.label("ProjectStatus", p.status()));
        MarkdownText.row(md, "Federführung", MarkdownText.text(p.lead()));
        MarkdownText.row(
                md,
                "Gesellschafter",
                p.shareholders().stream()
                        .map(s -> WORDS.label("Shareholder", s))
                        .collect(Collectors.joining(", ")));
        MarkdownText.row(
                md,
                "Laufzeit",
                (p.plannedStart() == null ? "offen" : WORDS.date(p.plannedStart())) + " bis "
                        + (p.plannedEnd() == null ? "offen" : WORDS.date(p.plannedEnd())));
        if (p.measureId() != null) {
            Measure measure = em.find(Measure.class, p.measureId());
            if (measure != null) {
                MarkdownText.row(md, "Maßnahme", measure.number + ": " + MarkdownText.text(measure.title));
            }
        }
        if (p.quickWin() != null) {
            MarkdownText.row(md, "Schnell umsetzbar (Wert)", WORDS.number(p.quickWin()));
        }
        md.append('\n');
        if (p.summary() != null) {
            md.append(MarkdownText.text(p.summary())).append("\n\n");
        }
        if (!p.partners().isEmpty()) {
            md.append("Partner: ")
                    .append(p.partners().stream()
                            .map(pp ->
                                    MarkdownText.text(pp.name()) + " (" + WORDS.label("PartnerRole", pp.role()) + ")")
                            .collect(Collectors.joining(", ")))
                    .append("\n\n");
        }
        md.append(h).append(" Finanzierung und Kofinanzierung\n\n");
        if (p.financing().isEmpty()) {
            md.append("Keine Finanzierung eingetragen.\n\n");
        } else {
            md.append("| Quelle | Art | Betrag |\n|---|---|---:|\n");
            for (FinancingSource f : p.financing()) {
                md.append("| ")
                        .append(MarkdownText.text(f.name()))
                        .append(" | ")
                        .append(WORDS.label("Financing", f.kind()))
                        .append(" | ")
                        .append(WORDS.money(f.amount()))
                        .append(" |\n");
            }
            md.append("| **Summe** | | **")
                    .append(WORDS.money(p.financingTotal()))
                    .append("** |\n\n");
        }
        List<AllocationView> allocations = budget.allocations(id);
        md.append(h).append(" Mittel aus dem Budget der KielRegion\n\n");
        if (allocations.isEmpty()) {
            md.append("Noch keine Mittel zugewiesen.\n\n");
        } else {
            md.append("| Jahr | Linie | Umfang | Stand |\n|---|---|---:|---|\n");
            for (AllocationView a : allocations) {
                md.append("| ")
                        .append(a.year())
                        .append(" | ")
                        .append(WORDS.label("Category", a.category()))
                        .append(" | ")
                        .append(WORDS.amount(a.amount(), a.category().unit))
                        .append(" | ")
                        .append(WORDS.label("Status", a.status()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        List<UUID> goalIds = results.project(id).goalIds();
        md.append(h).append(" Ziele\n\n");
        if (goalIds.isEmpty()) {
            md.append("Das Projekt ist noch keinem Ziel zugeordnet.\n\n");
        } else {
            Map<UUID, GoalView> goals =
                    strategy.goals().stream().collect(Collectors.toMap(GoalView::id, Function.identity()));
            goalIds.stream()
                    .map(goals::get)
                    .filter(g -> g != null)
                    .forEach(g ->
                            md.append("- ").append(MarkdownText.text(g.title())).append('\n'));
            md.append('\n');
        }
        return "Das Projekt „" + MarkdownText.text(p.title()) + "“ wird genehmigt.";
    }

    private String membership(StringBuilder md, String h, UUID id) {
        MembershipReplica m = em.find(MembershipReplica.class, id);
        if (m == null) {
            md.append("Die Mitgliedschaftsverwaltung hat diese Mitgliedschaft noch nicht gemeldet.\n\n");
            return null;
        }
        md.append(h).append(" Mitgliedschaft\n\n");
        md.append("| | |\n|---|---|\n");
        MarkdownText.row(
                md,
                "Organisation",
                MarkdownText.text(
                        m.organisationName == null
                                ? m.organisation
                                : m.organisationName + " (" + m.organisation + ")"));
        MarkdownText.row(md, "Mitglied", WORDS.label("Shareholder", m.holder));
        MarkdownText.row(md, "Stand", WORDS.label("MembershipStatus", m.status));
        if (m.startDate != null) {
            MarkdownText.row(md, "Beginn", WORDS.date(m.startDate));
        }
        if (m.termMonths != null) {
            MarkdownText.row(md, "Laufzeit", m.termMonths + " Monate");
        }
        if (m.noticePeriod != null) {
            MarkdownText.row(md, "Kündigungsfrist", WORDS.period(m.noticePeriod));
        }
        if (m.lastNoticeDay != null) {
            MarkdownText.row(md, "Nächster Kündigungstermin", WORDS.date(m.lastNoticeDay));
        }
        if (m.workingGroups != null && !m.workingGroups.isBlank()) {
            MarkdownText.row(md, "Arbeitsgruppen und Netzwerke", MarkdownText.text(m.workingGroups));
        }
        md.append('\n');
        md.append(h).append(" Mitgliedsbeitrag je Jahr\n\n");
        if (m.yearlyFee == null) {
            md.append("Der Jahresbeitrag ist noch nicht festgelegt.\n\n");
        } else {
            int from = m.startDate != null
                            && m.startDate.getYear()
                                    > LocalDate.now(Wording.ZONE).getYear()
                    ? m.startDate.getYear()
                    : LocalDate.now(Wording.ZONE).getYear();
            md.append("| Jahr | Mitgliedsbeitrag |\n|---|---:|\n");
            BigDecimal total = BigDecimal.ZERO;
            for (int year = from; year < from + 3; year++) {
                md.append("| ")
                        .append(year)
                        .append(" | ")
                        .append(WORDS.money(m.yearlyFee))
                        .append(" |\n");
                total = total.add(m.yearlyFee);
            }
            md.append("| **drei Jahre** | **").append(WORDS.money(total)).append("** |\n\n");
            md.append("Jedes Jahr der Mitgliedschaft wird der Beitrag aus der Budgetlinie Mitgliedsbeiträge dieses"
                    + " Jahres angefordert.\n\n");
        }
        return "Der Beitritt der " + WORDS.label("Shareholder", m.holder) + " zu " + MarkdownText.text(m.organisation)
                + " wird genehmigt.";
    }

    private String partner(StringBuilder md, String h, UUID id) {
        PartnerReplica p = em.find(PartnerReplica.class, id);
        if (p == null) {
            md.append("Das Partnerverzeichnis hat diesen Partner noch nicht gemeldet.\n\n");
            return null;
        }
        md.append(h).append(" Partner\n\n");
        md.append("| | |\n|---|---|\n");
        MarkdownText.row(md, "Name", MarkdownText.text(p.name));
        MarkdownText.row(md, "Art", WORDS.label("PartnerType", p.type));
        MarkdownText.row(
                md,
                "Land",
                MarkdownText.text(new java.util.Locale("", p.country).getDisplayCountry(java.util.Locale.GERMAN)));
        if (p.urbanisation != null) {
            MarkdownText.row(md, "Raumtyp", WORDS.label("Urbanisation", p.urbanisation));
        }
        md.append('\n');
        List<RelationReplica> relations = em.createQuery(
                        "FROM RelationReplica r WHERE r.partnerId = :p AND r.active = true ORDER BY r.shareholder, r.kind",
                        RelationReplica.class)
                .setParameter("p", id)
                .getResultList();
        md.append(h).append(" Beziehungen der Gesellschafter\n\n");
        if (relations.isEmpty()) {
            md.append("Noch keine Beziehung eines Gesellschafters.\n\n");
        } else {
            relations.forEach(r -> md.append("- ")
                    .append(WORDS.label("Shareholder", r.shareholder))
                    .append(": ")
                    .append(WORDS.label("RelationKind", r.kind))
                    .append('\n'));
            md.append('\n');
        }
        List<Object[]> places = em.createQuery(
                        "SELECT a.name, r.rank, r.weightedTotal, r.complete, size(a.ranking) FROM AreaReplica a"
                                + " JOIN a.ranking r WHERE r.partnerId = :p ORDER BY a.name",
                        Object[].class)
                .setParameter("p", id)
                .getResultList();
        md.append(h).append(" Potenzialanalyse\n\n");
        if (places.isEmpty()) {
            md.append("Der Partner ist in keiner Potenzialanalyse eines Kooperationsraums bewertet.\n\n");
        } else {
            for (Object[] place : places) {
                md.append("- Kooperationsraum „")
                        .append(MarkdownText.text((String) place[0]))
                        .append("“: Rang ")
                        .append(place[1])
                        .append(" von ")
                        .append(place[4])
                        .append(", gewichtete Punktzahl ")
                        .append(WORDS.number(
                                ((java.math.BigDecimal) place[2]).setScale(2, java.math.RoundingMode.HALF_UP)))
                        .append(" von 5")
                        .append(Boolean.TRUE.equals(place[3]) ? "" : " (nicht in allen Kriterien bewertet)")
                        .append('\n');
            }
            md.append('\n');
        }
        List<String> shared = em.createQuery(
                        "SELECT q.title FROM Project q JOIN q.partners pp WHERE pp.partnerId = :p ORDER BY q.title",
                        String.class)
                .setParameter("p", id)
                .getResultList();
        md.append(h).append(" Gemeinsame Projekte\n\n");
        if (shared.isEmpty()) {
            md.append("Noch kein gemeinsames Projekt.\n\n");
        } else {
            shared.forEach(t -> md.append("- ").append(MarkdownText.text(t)).append('\n'));
            md.append('\n');
        }
        return MarkdownText.text(p.name) + " wird zum Schwerpunktpartner der KielRegion bestimmt.";
    }

    private String question(StringBuilder md, String h, UUID id) {
        OpenQuestion q = em.find(OpenQuestion.class, id);
        if (q == null) {
            md.append("Die Frage gibt es nicht mehr.\n\n");
            return null;
        }
        md.append(h)
                .append(" Offene Frage\n\n")
                .append(MarkdownText.text(q.text))
                .append("\n\n");
        if (q.measureId != null) {
            Measure measure = em.find(Measure.class, q.measureId);
            if (measure != null) {
                md.append("Aus Maßnahme ")
                        .append(measure.number)
                        .append(": ")
                        .append(MarkdownText.text(measure.title))
                        .append("\n\n");
            }
        }
        if (!q.organisations.isEmpty()) {
            md.append("Betrifft die Mitgliedschaften in: ")
                    .append(MarkdownText.text(String.join(", ", new java.util.TreeSet<>(q.organisations))))
                    .append("\n\n");
        }
        return "Die offene Frage wird in der Sitzung beantwortet.";
    }

    private String measure(StringBuilder md, String h, UUID id) {
        Measure m = em.find(Measure.class, id);
        if (m == null) {
            md.append("Die Maßnahme gibt es nicht mehr.\n\n");
            return null;
        }
        md.append(h)
                .append(" Maßnahme ")
                .append(m.number)
                .append("\n\n")
                .append(MarkdownText.text(m.title))
                .append("\n\n");
        return null;
    }

    private String strategy(StringBuilder md, String h) {
        Changes changes = versions.changes(LocalDate.now(Wording.ZONE).getYear());
        md.append(h).append(" Internationalisierungsstrategie\n\n");
        if (changes.adopted() == null) {
            md.append("Die Strategie hat noch keine beschlossene Fassung; vorgelegt wird das Dokument in seinem"
                    + " heutigen Stand (im Portal unter Strategie, als PDF).\n\n");
            return "Die Internationalisierungsstrategie wird in der vorgelegten Fassung als Fassung 1 beschlossen.";
        }
        md.append("Beschlossen ist Fassung ")
                .append(changes.adopted().number())
                .append(" vom ")
                .append(WORDS.date(changes.adopted().adoptedOn()))
                .append(" (")
                .append(WORDS.label("Body", changes.adopted().body()))
                .append(").\n\n");
        if (changes.sections().isEmpty()) {
            md.append("Seitdem hat sich nichts geändert.\n\n");
        } else {
            md.append("Seitdem geändert:\n\n");
            changes.sections()
                    .forEach(s -> md.append("- ")
                            .append(MarkdownText.text(s.title()))
                            .append(" (")
                            .append(WORDS.label("SectionChange", s.change()))
                            .append(")\n"));
            md.append('\n');
        }
        return "Die Internationalisierungsstrategie wird in der vorgelegten Fassung als Fassung "
                + (changes.adopted().number() + 1) + " beschlossen.";
    }

    /** What was decided on the subject before (a postponement, an earlier decision). */
    private void previous(StringBuilder md, String h, AgendaItem item) {
        if (item.subjectId == null) {
            return;
        }
        List<DecisionView> before = decisions
                .register(
                        item.subjectType,
                        item.subjectId,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new de.kielregion.kooperation.platform.web.PageQuery(0, 20, null))
                .items()
                .stream()
                .filter(d -> !d.id().equals(item.decisionId))
                .toList();
        if (before.isEmpty()) {
            return;
        }
        md.append(h).append(" Bisherige Beschlüsse\n\n");
        for (DecisionView d : before) {
            md.append("- ")
                    .append(WORDS.date(d.decidedOn()))
                    .append(", ")
                    .append(WORDS.label("Body", d.body()))
                    .append(": ")
                    .append(WORDS.label("DecisionKind", d.kind()))
                    .append(" – ")
                    .append(WORDS.label("Outcome", d.outcome()))
                    .append(d.note() == null ? "" : " (" + MarkdownText.text(d.note()) + ")")
                    .append('\n');
        }
        md.append('\n');
    }
}
