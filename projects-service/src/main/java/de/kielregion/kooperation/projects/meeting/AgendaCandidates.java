package de.kielregion.kooperation.projects.meeting;

import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.meeting.AgendaItem.Subject;
import de.kielregion.kooperation.projects.meeting.MeetingApi.Candidate;
import de.kielregion.kooperation.projects.membership.MembershipReplica;
import de.kielregion.kooperation.projects.overview.StrategyVersions;
import de.kielregion.kooperation.projects.overview.StrategyVersions.Changes;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.strategy.Measure;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What waits for a decision, in all three services, as projects-service knows it: projects
 * proposed, memberships under consideration (memberships-service's, from its events), open
 * questions, postponed decisions of any service (focus partners among them) and the strategy
 * when it has no adopted version or changed since the last. A subject already on the agenda of a
 * coming meeting is left out.
 */
@ApplicationScoped
class AgendaCandidates {

    static final String STRATEGY_TITLE = "Internationalisierungsstrategie der KielRegion";
    private static final Wording WORDS = Wording.GERMAN;

    private final EntityManager em;
    private final DecisionRegister decisions;
    private final StrategyVersions versions;

    AgendaCandidates(EntityManager em, DecisionRegister decisions, StrategyVersions versions) {
        this.em = em;
        this.decisions = decisions;
        this.versions = versions;
    }

    List<Candidate> pending(LocalDate today) {
        Set<String> planned = new HashSet<>();
        em.createQuery(
                        "SELECT i.subjectType, i.subjectId FROM AgendaItem i"
                                + " WHERE i.status = :open AND i.meeting.meetsOn >= :today",
                        Object[].class)
                .setParameter("open", AgendaItem.Status.OPEN)
                .setParameter("today", today)
                .getResultList()
                .forEach(row -> planned.add(row[0] + ":" + (row[1] == null ? "" : row[1])));
        List<Candidate> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        java.util.function.Consumer<Candidate> add = c -> {
            String key = c.subjectType().registerType + ":" + (c.subjectId() == null ? "" : c.subjectId());
            if (!planned.contains(key) && seen.add(key)) {
                found.add(c);
            }
        };
        Changes changes = versions.changes(today.getYear());
        if (changes.adopted() == null) {
            add.accept(new Candidate(Subject.STRATEGY, null, STRATEGY_TITLE, "Noch keine beschlossene Fassung"));
        } else if (!changes.sections().isEmpty()) {
            add.accept(new Candidate(
                    Subject.STRATEGY,
                    null,
                    STRATEGY_TITLE,
                    "Geändert seit Fassung " + changes.adopted().number() + " vom "
                            + WORDS.date(changes.adopted().adoptedOn())));
        }
        em.createQuery("FROM Project p WHERE p.status = :s ORDER BY p.title", Project.class)
                .setParameter("s", ProjectStatus.PROPOSED)
                .getResultList()
                .forEach(p -> add.accept(
                        new Candidate(Subject.PROJECT, p.id, p.title, "Projekt zur Entscheidung vorgelegt")));
        em.createQuery(
                        "FROM MembershipReplica m WHERE m.status IN ('CANDIDATE', 'UNDER_REVIEW') ORDER BY m.organisation, m.holder",
                        MembershipReplica.class)
                .getResultList()
                .forEach(m -> add.accept(new Candidate(Subject.MEMBERSHIP, m.id, m.name(), "Beitritt zu entscheiden")));
        em.createQuery("FROM OpenQuestion q WHERE q.status = :s ORDER BY q.text", OpenQuestion.class)
                .setParameter("s", OpenQuestion.Status.OPEN)
                .getResultList()
                .forEach(q ->
                        add.accept(new Candidate(Subject.OPEN_QUESTION, q.id, q.text, "Offene Frage der Strategie")));
        for (var pending : decisions.pendingDeferrals(today)) {
            DecisionView d = pending.decision();
            Subject subject = Subject.ofRegisterType(d.subjectType());
            if (subject == null || (subject.hasId() && d.subjectId() == null)) {
                continue;
            }
            add.accept(new Candidate(
                    subject,
                    subject.hasId() ? d.subjectId() : null,
                    d.subjectName(),
                    "Vertagt am " + WORDS.date(d.decidedOn()) + " (" + WORDS.label("Body", d.body()) + ")"
                            + (d.revisitOn() == null ? "" : ", Wiedervorlage am " + WORDS.date(d.revisitOn()))));
        }
        return found;
    }

    /** The name of a subject for an agenda item; null for one that does not exist. */
    String name(Subject subject, UUID id) {
        return switch (subject) {
            case PROJECT -> {
                Project p = em.find(Project.class, id);
                yield p == null ? null : p.title;
            }
            case MEMBERSHIP -> {
                MembershipReplica m = em.find(MembershipReplica.class, id);
                yield m == null ? null : m.name();
            }
            case PARTNER -> {
                PartnerReplica p = em.find(PartnerReplica.class, id);
                yield p == null ? null : "Schwerpunktpartner " + p.name;
            }
            case OPEN_QUESTION -> {
                OpenQuestion q = em.find(OpenQuestion.class, id);
                yield q == null ? null : q.text;
            }
            case MEASURE -> {
                Measure m = em.find(Measure.class, id);
                yield m == null ? null : "Maßnahme " + m.number + ": " + m.title;
            }
            case STRATEGY -> STRATEGY_TITLE;
            case OTHER -> null;
        };
    }
}
