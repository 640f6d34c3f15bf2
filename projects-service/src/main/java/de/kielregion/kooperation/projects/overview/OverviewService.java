package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.platform.cache.SnapshotCache;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.budget.BudgetService;
import de.kielregion.kooperation.projects.decision.Decision;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.overview.OverviewApi.Activities;
import de.kielregion.kooperation.projects.overview.OverviewApi.ActivityCount;
import de.kielregion.kooperation.projects.overview.OverviewApi.MeasureOverview;
import de.kielregion.kooperation.projects.overview.OverviewApi.Overview;
import de.kielregion.kooperation.projects.overview.OverviewApi.Projects;
import de.kielregion.kooperation.projects.overview.OverviewApi.Question;
import de.kielregion.kooperation.projects.overview.OverviewApi.QuickWinEntry;
import de.kielregion.kooperation.projects.overview.OverviewApi.Resolution;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import de.kielregion.kooperation.projects.strategy.StrategyApi.MeasureView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.QuestionView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.ThemeView;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The strategy at a glance: what the workshop asked for and where each part stands. */
@ApplicationScoped
public class OverviewService {

    private static final int QUICK_WINS = 10;

    private final EntityManager em;
    private final StrategyService strategy;
    private final BudgetService budget;
    private final DecisionRegister decisions;
    private final ReachReport reach;
    private final SnapshotCache cache;

    OverviewService(
            EntityManager em,
            StrategyService strategy,
            BudgetService budget,
            DecisionRegister decisions,
            ReachReport reach,
            SnapshotCache cache) {
        this.em = em;
        this.cache = cache;
        this.reach = reach;
        this.strategy = strategy;
        this.budget = budget;
        this.decisions = decisions;
    }

    /**
     * The overview for a budget year, computed once per state of the database and day (the
     * deferrals due depend on the date), then served from the {@link SnapshotCache}.
     */
    @Transactional
    public Overview overview(int budgetYear) {
        return cache.get("overview:" + budgetYear + ":" + LocalDate.now(Wording.ZONE), () -> compute(budgetYear));
    }

    private Overview compute(int budgetYear) {
        Map<UUID, String> themeNames = new HashMap<>();
        List<ThemeView> themes = strategy.themes();
        themes.forEach(t -> themeNames.put(t.id(), t.name()));
        Map<UUID, Decision> decisionsById = new HashMap<>();
        em.createQuery("FROM Decision WHERE subjectType = :t", Decision.class)
                .setParameter("t", ProjectEvents.OPEN_QUESTION)
                .getResultList()
                .forEach(d -> decisionsById.put(d.id, d));
        List<QuestionView> questions = strategy.questions(null, null);
        Map<UUID, Long> projectsPerMeasure = new HashMap<>();
        em.createQuery(
                        "SELECT p.measureId, count(p) FROM Project p WHERE p.measureId IS NOT NULL GROUP BY p.measureId",
                        Object[].class)
                .getResultList()
                .forEach(r -> projectsPerMeasure.put((UUID) r[0], (Long) r[1]));

        List<MeasureOverview> measures = new ArrayList<>();
        for (MeasureView m : strategy.measures()) {
            List<Question> own = questions.stream()
                    .filter(q -> m.id().equals(q.measureId()))
                    .map(q -> question(q, decisionsById))
                    .toList();
            measures.add(new MeasureOverview(
                    m,
                    m.themeIds().stream().map(themeNames::get).toList(),
                    own,
                    strategy.nextSteps(false, null, m.id()),
                    projectsPerMeasure.getOrDefault(m.id(), 0L)));
        }
        long open = questions.stream()
                .filter(q -> q.status() == OpenQuestion.Status.OPEN)
                .count();
        List<Question> otherQuestions = questions.stream()
                .filter(q -> q.measureId() == null)
                .map(q -> question(q, decisionsById))
                .toList();

        Map<ProjectStatus, Long> byStatus = new EnumMap<>(ProjectStatus.class);
        em.createQuery("SELECT p.status, count(p) FROM Project p GROUP BY p.status", Object[].class)
                .getResultList()
                .forEach(r -> byStatus.put((ProjectStatus) r[0], (Long) r[1]));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        List<Project> best = em.createQuery(
                        "FROM Project p WHERE p.quickWin IS NOT NULL AND p.status NOT IN :closed "
                                + "ORDER BY p.quickWin DESC, p.title",
                        Project.class)
                .setParameter(
                        "closed", List.of(ProjectStatus.REJECTED, ProjectStatus.COMPLETED, ProjectStatus.CANCELLED))
                .setMaxResults(QUICK_WINS)
                .getResultList();
        List<QuickWinEntry> quickWins = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            Project p = best.get(i);
            quickWins.add(new QuickWinEntry(i + 1, p.id, p.title, p.status, p.quickWin));
        }
        List<DecisionView> strategyDecisions = decisions
                .register(ProjectEvents.STRATEGY, null, null, null, null, null, null, new PageQuery(0, 50, null))
                .items();
        List<NextStepView> overdue = strategy.nextSteps(true, null, null);
        return new Overview(
                Instant.now(),
                strategy.goals(),
                themes,
                measures,
                open,
                questions.size() - open,
                otherQuestions,
                new Projects(total, byStatus, quickWins),
                budget.budget(budgetYear),
                activities(),
                memberships(),
                focusPartners(),
                overdue,
                strategyDecisions,
                decisions.pendingDeferrals(LocalDate.now(Wording.ZONE)),
                reach.reach());
    }

    /** Memberships (memberships-service) with the fees booked for them here. */
    private List<OverviewApi.MembershipEntry> memberships() {
        Map<UUID, java.math.BigDecimal> booked = new HashMap<>();
        em.createQuery(
                        "SELECT a.subjectId, sum(a.amount) FROM Allocation a WHERE a.subjectType = :m AND a.status = :s "
                                + "GROUP BY a.subjectId",
                        Object[].class)
                .setParameter("m", de.kielregion.kooperation.projects.budget.Allocation.SubjectType.MEMBERSHIP)
                .setParameter("s", de.kielregion.kooperation.projects.budget.Allocation.Status.ALLOCATED)
                .getResultList()
                .forEach(r -> booked.put((UUID) r[0], (java.math.BigDecimal) r[1]));
        return em
                .createQuery(
                        "FROM MembershipReplica ORDER BY organisation, holder",
                        de.kielregion.kooperation.projects.membership.MembershipReplica.class)
                .getResultList()
                .stream()
                .map(m -> new OverviewApi.MembershipEntry(
                        m.id,
                        m.holder,
                        m.organisation,
                        m.status,
                        m.yearlyFee,
                        booked.getOrDefault(m.id, java.math.BigDecimal.ZERO).setScale(2)))
                .toList();
    }

    /** Active focus partners (partners-service's decisions), with names from the partner replica. */
    private List<OverviewApi.FocusPartnerEntry> focusPartners() {
        List<OverviewApi.FocusPartnerEntry> entries = new ArrayList<>();
        for (de.kielregion.kooperation.projects.partner.FocusPartner f : em.createQuery(
                        "FROM FocusPartner WHERE active = true ORDER BY shareholder, since",
                        de.kielregion.kooperation.projects.partner.FocusPartner.class)
                .getResultList()) {
            de.kielregion.kooperation.projects.partner.PartnerReplica p =
                    em.find(de.kielregion.kooperation.projects.partner.PartnerReplica.class, f.partnerId);
            entries.add(new OverviewApi.FocusPartnerEntry(
                    f.partnerId,
                    p == null ? null : p.name,
                    f.shareholder,
                    f.since,
                    p != null && "RETIRED".equals(p.status)));
        }
        return entries;
    }

    private Activities activities() {
        Map<String, Long> byShareholder = new java.util.TreeMap<>();
        em.createQuery("SELECT a.shareholder, count(a) FROM ExistingActivity a GROUP BY a.shareholder", Object[].class)
                .getResultList()
                .forEach(r -> byShareholder.put((String) r[0], (Long) r[1]));
        Map<String, Long> byTheme = new java.util.TreeMap<>();
        List<ActivityCount> pairs = new ArrayList<>();
        em.createQuery(
                        "SELECT a.shareholder, t, count(a) FROM ExistingActivity a JOIN a.themes t "
                                + "GROUP BY a.shareholder, t ORDER BY t, a.shareholder",
                        Object[].class)
                .getResultList()
                .forEach(r -> {
                    pairs.add(new ActivityCount((String) r[0], (String) r[1], (Long) r[2]));
                    byTheme.merge((String) r[1], (Long) r[2], Long::sum);
                });
        long total = byShareholder.values().stream().mapToLong(Long::longValue).sum();
        return new Activities(total, byShareholder, byTheme, pairs);
    }

    private static Question question(QuestionView q, Map<UUID, Decision> decisions) {
        Decision d = q.resolvedByDecision() == null ? null : decisions.get(q.resolvedByDecision());
        Resolution resolution = q.resolvedByDecision() == null
                ? null
                : new Resolution(
                        q.resolvedByDecision(), d == null ? null : d.body, d == null ? null : d.decidedOn, q.answer());
        return new Question(q.id(), q.text(), q.status().name(), resolution);
    }

    static int currentYear() {
        return LocalDate.now(Wording.ZONE).getYear();
    }
}
