package de.kielregion.kooperation.projects.strategy;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.security.Roles;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Versions;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.strategy.StrategyApi.GoalRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.GoalView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.MeasureRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.MeasureView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.QuestionRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.QuestionView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.ThemeRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.ThemeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The strategy: goals, themes, measures, open questions and next steps. */
@ApplicationScoped
public class StrategyService {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final ProjectParticipants projects;

    StrategyService(EntityManager em, ChangeLog changeLog, Caller caller, ProjectParticipants projects) {
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.projects = projects;
    }

    // Goals

    @Transactional
    public List<GoalView> goals() {
        return em.createQuery("FROM Goal ORDER BY title", Goal.class).getResultList().stream()
                .map(StrategyService::view)
                .toList();
    }

    @Transactional
    public GoalView createGoal(GoalRequest r) {
        Goal g = new Goal();
        g.id = UUID.randomUUID();
        g.title = r.title().trim();
        g.description = Texts.trimToNull(r.description());
        em.persist(g);
        return changeLog.record(Change.historyOnly(ProjectEvents.GOAL, g.id, "GoalCreated"), null, () -> view(g));
    }

    @Transactional
    public GoalView updateGoal(UUID id, GoalRequest r, String ifMatch) {
        Goal g = find(Goal.class, id, "Goal");
        Versions.requireCurrent(ifMatch, r.version(), g.version, "Goal " + id);
        GoalView before = view(g);
        g.title = r.title().trim();
        g.description = Texts.trimToNull(r.description());
        return changeLog.record(Change.historyOnly(ProjectEvents.GOAL, id, "GoalUpdated"), before, () -> view(g));
    }

    // Themes

    @Transactional
    public List<ThemeView> themes() {
        return em.createQuery("FROM Theme ORDER BY name", Theme.class).getResultList().stream()
                .map(StrategyService::view)
                .toList();
    }

    @Transactional
    public ThemeView createTheme(ThemeRequest r) {
        String name = r.name().trim();
        if (em.createQuery("SELECT count(t) FROM Theme t WHERE lower(t.name) = :n", Long.class)
                        .setParameter("n", name.toLowerCase())
                        .getSingleResult()
                > 0) {
            throw ProblemException.refusal("strategy.theme-exists")
                    .with("name", name)
                    .conflict();
        }
        Theme t = new Theme();
        t.id = UUID.randomUUID();
        t.name = name;
        t.description = Texts.trimToNull(r.description());
        em.persist(t);
        return changeLog.record(Change.historyOnly(ProjectEvents.THEME, t.id, "ThemeCreated"), null, () -> view(t));
    }

    /** Checks that every id names a theme. */
    public void requireThemes(List<UUID> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        List<UUID> found = em.createQuery("SELECT t.id FROM Theme t WHERE t.id IN :ids", UUID.class)
                .setParameter("ids", ids)
                .getResultList();
        for (UUID id : ids) {
            if (!found.contains(id)) {
                throw ProblemException.refusal("strategy.unknown-theme")
                        .with("theme", id)
                        .invalid(field);
            }
        }
    }

    // Measures

    @Transactional
    public List<MeasureView> measures() {
        return em.createQuery("FROM Measure ORDER BY number", Measure.class).getResultList().stream()
                .map(StrategyService::view)
                .toList();
    }

    @Transactional
    public MeasureView measure(UUID id) {
        return view(find(Measure.class, id, "Measure"));
    }

    @Transactional
    public MeasureView createMeasure(MeasureRequest r) {
        Measure m = new Measure();
        m.id = UUID.randomUUID();
        apply(m, r);
        em.persist(m);
        return changeLog.record(Change.historyOnly(ProjectEvents.MEASURE, m.id, "MeasureCreated"), null, () -> view(m));
    }

    @Transactional
    public MeasureView updateMeasure(UUID id, MeasureRequest r, String ifMatch) {
        Measure m = find(Measure.class, id, "Measure");
        Versions.requireCurrent(ifMatch, r.version(), m.version, "Measure " + id);
        MeasureView before = view(m);
        apply(m, r);
        return changeLog.record(Change.historyOnly(ProjectEvents.MEASURE, id, "MeasureUpdated"), before, () -> view(m));
    }

    private void apply(Measure m, MeasureRequest r) {
        if (em.createQuery("SELECT count(m) FROM Measure m WHERE m.number = :n AND m.id <> :id", Long.class)
                        .setParameter("n", r.number())
                        .setParameter("id", m.id)
                        .getSingleResult()
                > 0) {
            throw ProblemException.refusal("strategy.measure-exists")
                    .with("number", r.number())
                    .conflict();
        }
        requireThemes(r.themeIds(), "themeIds");
        m.number = r.number();
        m.title = r.title().trim();
        m.description = Texts.trimToNull(r.description());
        m.whatMustHappen = Texts.trimToNull(r.whatMustHappen());
        m.whoMustBeInvolved = Texts.trimToNull(r.whoMustBeInvolved());
        m.resourcesNeeded = Texts.trimToNull(r.resourcesNeeded());
        m.timeline = Texts.trimToNull(r.timeline());
        TreeSet<UUID> themes = new TreeSet<>(r.themeIds() == null ? List.of() : r.themeIds());
        if (!m.themeIds.equals(themes)) {
            m.themeIds.clear();
            m.themeIds.addAll(themes);
        }
    }

    // Open questions

    @Transactional
    public List<QuestionView> questions(UUID measureId, OpenQuestion.Status status) {
        return ListQuery.of(OpenQuestion.class, "q")
                .where("q.measureId = :m", "m", measureId)
                .where("q.status = :s", "s", status)
                .all(em, new PageQuery(0, 1, null), Map.of("text", "q.text"), "text")
                .stream()
                .map(StrategyService::view)
                .toList();
    }

    @Transactional
    public QuestionView createQuestion(QuestionRequest r) {
        if (r.measureId() != null) {
            find(Measure.class, r.measureId(), "Measure");
        }
        OpenQuestion q = new OpenQuestion();
        q.id = UUID.randomUUID();
        q.measureId = r.measureId();
        q.text = r.text().trim();
        q.status = OpenQuestion.Status.OPEN;
        if (r.organisations() != null) {
            r.organisations().forEach(a -> q.organisations.add(a.trim().toUpperCase()));
        }
        em.persist(q);
        return changeLog.record(
                Change.historyOnly(ProjectEvents.OPEN_QUESTION, q.id, "OpenQuestionCreated"), null, () -> view(q));
    }

    public OpenQuestion question(UUID id) {
        return find(OpenQuestion.class, id, "Open question");
    }

    // Next steps

    @Transactional
    public List<NextStepView> nextSteps(boolean overdueOnly, UUID projectId, UUID measureId) {
        LocalDate today = LocalDate.now(Wording.ZONE);
        return ListQuery.of(NextStep.class, "n")
                .where("n.projectId = :p", "p", projectId)
                .where("n.measureId = :m", "m", measureId)
                .all(em, new PageQuery(0, 1, null), Map.of("dueDate", "n.dueDate", "title", "n.title"), "dueDate,title")
                .stream()
                .map(n -> view(n, today))
                .filter(v -> !overdueOnly || v.overdue())
                .toList();
    }

    @Transactional
    public NextStepView createNextStep(NextStepRequest r) {
        NextStep n = new NextStep();
        n.id = UUID.randomUUID();
        apply(n, r);
        em.persist(n);
        return changeLog.record(
                Change.historyOnly(ProjectEvents.NEXT_STEP, n.id, "NextStepCreated"),
                null,
                () -> view(n, LocalDate.now(Wording.ZONE)));
    }

    @Transactional
    public NextStepView updateNextStep(UUID id, NextStepRequest r, String ifMatch) {
        NextStep n = find(NextStep.class, id, "Next step");
        Versions.requireCurrent(ifMatch, r.version(), n.version, "Next step " + id);
        NextStepView before = view(n, LocalDate.now(Wording.ZONE));
        apply(n, r);
        return changeLog.record(
                Change.historyOnly(ProjectEvents.NEXT_STEP, id, "NextStepUpdated"),
                before,
                () -> view(n, LocalDate.now(Wording.ZONE)));
    }

    /**
     * Coordinators and admins write every next step; a shareholder only those of projects
     * that list it as participating shareholder.
     */
    private void apply(NextStep n, NextStepRequest r) {
        if (r.measureId() == null && r.projectId() == null) {
            throw ProblemException.refusal("strategy.next-step-without-subject").invalid("projectId");
        }
        if (r.measureId() != null) {
            find(Measure.class, r.measureId(), "Measure");
        }
        if (!caller.hasRole(Roles.COORDINATOR) && !caller.hasRole(Roles.ADMIN)) {
            // A new step names its project; an existing one keeps the project it has (a step of a
            // measure only is not a shareholder's to change).
            UUID projectId = n.title == null ? r.projectId() : n.projectId;
            Optional<Set<Shareholder>> participants =
                    projectId == null ? Optional.empty() : projects.shareholdersOf(projectId);
            if (participants.isEmpty()
                    || caller.shareholder().isEmpty()
                    || !participants.get().contains(caller.shareholder().get())
                    || !projectId.equals(r.projectId())
                    || r.measureId() != null) {
                throw ProblemException.refusal("strategy.next-step-not-participating")
                        .forbidden();
            }
        }
        if (r.projectId() != null && projects.shareholdersOf(r.projectId()).isEmpty()) {
            throw ProblemException.refusal("strategy.unknown-project")
                    .with("project", r.projectId())
                    .invalid("projectId");
        }
        n.title = r.title().trim();
        n.owner = r.owner().trim();
        n.dueDate = r.dueDate();
        n.status = r.status() == null ? NextStep.Status.OPEN : r.status();
        n.measureId = r.measureId();
        n.projectId = r.projectId();
    }

    // Views

    static GoalView view(Goal g) {
        return new GoalView(g.id, g.title, g.description, g.version);
    }

    static ThemeView view(Theme t) {
        return new ThemeView(t.id, t.name, t.description, t.version);
    }

    static MeasureView view(Measure m) {
        return new MeasureView(
                m.id,
                m.number,
                m.title,
                m.description,
                m.whatMustHappen,
                m.whoMustBeInvolved,
                m.resourcesNeeded,
                m.timeline,
                List.copyOf(new TreeSet<>(m.themeIds)),
                m.version,
                List.copyOf(new TreeSet<>(m.goalIds)));
    }

    public static QuestionView view(OpenQuestion q) {
        return new QuestionView(
                q.id,
                q.measureId,
                q.text,
                q.status,
                q.answer,
                q.resolvedByDecision,
                q.resolvedAt,
                List.copyOf(new TreeSet<>(q.organisations)),
                q.version);
    }

    static NextStepView view(NextStep n, LocalDate today) {
        boolean overdue = n.status == NextStep.Status.OPEN && n.dueDate != null && n.dueDate.isBefore(today);
        return new NextStepView(
                n.id, n.title, n.owner, n.dueDate, n.status, overdue, n.measureId, n.projectId, n.version);
    }

    private <T> T find(Class<T> type, UUID id, String what) {
        T entity = em.find(type, id);
        if (entity == null) {
            throw ProblemException.notFound(what, id);
        }
        return entity;
    }
}
