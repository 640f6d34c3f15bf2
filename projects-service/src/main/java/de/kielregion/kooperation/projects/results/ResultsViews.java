package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.cache.SnapshotCache;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.budget.Allocation;
import de.kielregion.kooperation.projects.budget.BudgetApi.AllocationView;
import de.kielregion.kooperation.projects.budget.BudgetApi.ExpenditureView;
import de.kielregion.kooperation.projects.budget.BudgetService;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.results.ResultsApi.Attainment;
import de.kielregion.kooperation.projects.results.ResultsApi.GoalResults;
import de.kielregion.kooperation.projects.results.ResultsApi.IndicatorView;
import de.kielregion.kooperation.projects.results.ResultsApi.MeasureRef;
import de.kielregion.kooperation.projects.results.ResultsApi.MilestoneView;
import de.kielregion.kooperation.projects.results.ResultsApi.OverdueMilestone;
import de.kielregion.kooperation.projects.results.ResultsApi.PeriodDue;
import de.kielregion.kooperation.projects.results.ResultsApi.PeriodView;
import de.kielregion.kooperation.projects.results.ResultsApi.ProjectRef;
import de.kielregion.kooperation.projects.results.ResultsApi.ProjectResultsView;
import de.kielregion.kooperation.projects.results.ResultsApi.ReportView;
import de.kielregion.kooperation.projects.results.ResultsApi.ResultsView;
import de.kielregion.kooperation.projects.results.ResultsApi.SpendingView;
import de.kielregion.kooperation.projects.results.ResultsApi.ValueView;
import de.kielregion.kooperation.projects.results.ResultsApi.WorkPackageView;
import de.kielregion.kooperation.projects.results.ResultsApi.YearTarget;
import de.kielregion.kooperation.projects.strategy.Goal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reads of results: a project's work plan, indicators, periods, reports and spending; and the
 * results dashboard (goal attainment, what is overdue, spending against plan), computed with a
 * few aggregate queries once per state of the database and day, then served from the {@link
 * SnapshotCache}.
 */
@ApplicationScoped
public class ResultsViews {

    /** The dashboard lists this many overdue milestones and reports (the longest overdue), and counts all. */
    public static final int LISTED = 50;

    /** A goal lists this many of its projects (by title), and counts all. */
    public static final int PROJECTS_PER_GOAL = 20;

    private final EntityManager em;
    private final BudgetService budget;
    private final SnapshotCache cache;
    private final Attachments attachments;

    ResultsViews(EntityManager em, BudgetService budget, SnapshotCache cache, Attachments attachments) {
        this.em = em;
        this.budget = budget;
        this.cache = cache;
        this.attachments = attachments;
    }

    /** The project a work package belongs to; 404 for an unknown one. */
    @Transactional
    public UUID projectOfWorkPackage(UUID workPackageId) {
        WorkPackage w = em.find(WorkPackage.class, workPackageId);
        if (w == null) {
            throw ProblemException.notFound("WorkPackage", workPackageId);
        }
        return w.projectId;
    }

    @Transactional
    public ProjectResultsView project(UUID projectId) {
        Project project = em.find(Project.class, projectId);
        if (project == null) {
            throw ProblemException.notFound("Project", projectId);
        }
        LocalDate today = LocalDate.now(Wording.ZONE);
        Map<UUID, Indicator> indicators = new LinkedHashMap<>();
        em.createQuery("FROM Indicator WHERE projectId = :p ORDER BY createdAt", Indicator.class)
                .setParameter("p", projectId)
                .getResultList()
                .forEach(i -> indicators.put(i.id, i));
        Map<UUID, BigDecimal> achieved = achievedByIndicator(projectId);
        List<IndicatorView> indicatorViews = indicators.values().stream()
                .map(i -> view(i, i.baseline.add(achieved.getOrDefault(i.id, BigDecimal.ZERO))))
                .toList();

        Map<UUID, List<MilestoneView>> milestones = new HashMap<>();
        for (Milestone m : em.createQuery("FROM Milestone WHERE projectId = :p ORDER BY dueOn, title", Milestone.class)
                .setParameter("p", projectId)
                .getResultList()) {
            PartnerReplica partner =
                    m.responsiblePartnerId == null ? null : em.find(PartnerReplica.class, m.responsiblePartnerId);
            milestones
                    .computeIfAbsent(m.workPackageId, k -> new ArrayList<>())
                    .add(new MilestoneView(
                            m.id,
                            m.workPackageId,
                            m.title,
                            m.dueOn,
                            m.responsiblePartnerId,
                            partner == null ? null : partner.name,
                            m.status,
                            m.settledOn,
                            m.status == MilestoneStatus.PLANNED && m.dueOn.isBefore(today),
                            m.version));
        }
        List<WorkPackageView> workPackages = em
                .createQuery("FROM WorkPackage WHERE projectId = :p ORDER BY number", WorkPackage.class)
                .setParameter("p", projectId)
                .getResultList()
                .stream()
                .map(w -> new WorkPackageView(
                        w.id,
                        w.number,
                        w.title,
                        milestones.getOrDefault(w.id, List.of()),
                        w.version,
                        attachments.of(ProjectEvents.WORK_PACKAGE, w.id)))
                .toList();

        Map<UUID, ProgressReport> reports = new HashMap<>();
        em.createQuery("FROM ProgressReport WHERE projectId = :p", ProgressReport.class)
                .setParameter("p", projectId)
                .getResultList()
                .forEach(r -> reports.put(r.periodId, r));
        List<PeriodView> periods = em
                .createQuery("FROM ReportingPeriod WHERE projectId = :p ORDER BY number", ReportingPeriod.class)
                .setParameter("p", projectId)
                .getResultList()
                .stream()
                .map(p -> {
                    ProgressReport r = reports.get(p.id);
                    boolean overdue = !p.closed && p.reportDueOn.isBefore(today) && (r == null || r.status.editable());
                    return new PeriodView(
                            p.id,
                            p.number,
                            p.startsOn,
                            p.endsOn,
                            p.reportDueOn,
                            p.closed,
                            overdue,
                            r == null ? null : view(r, indicators));
                })
                .toList();

        List<ExpenditureView> expenditures = budget.expenditures(projectId);
        Map<UUID, BigDecimal> spentByAllocation = new HashMap<>();
        expenditures.forEach(e -> spentByAllocation.merge(e.allocationId(), e.amount(), BigDecimal::add));
        List<SpendingView> spending = new ArrayList<>();
        for (AllocationView a : budget.allocations(projectId)) {
            if (a.status() != Allocation.Status.ALLOCATED) {
                continue;
            }
            BigDecimal spent =
                    spentByAllocation.getOrDefault(a.id(), BigDecimal.ZERO).setScale(2);
            spending.add(new SpendingView(
                    a.id(),
                    a.year(),
                    a.category(),
                    a.category().unit,
                    a.amount(),
                    spent,
                    a.amount().subtract(spent).setScale(2)));
        }
        return new ProjectResultsView(
                project.id,
                project.title,
                project.status,
                project.plannedStart,
                project.plannedEnd,
                List.copyOf(project.goalIds),
                workPackages,
                indicatorViews,
                periods,
                spending,
                expenditures);
    }

    /** An indicator with what is achieved so far (a goal's: what its projects' accepted reports contribute). */
    @Transactional
    public IndicatorView indicator(UUID id) {
        Indicator i = em.find(Indicator.class, id);
        if (i == null) {
            throw ProblemException.notFound("Indicator", id);
        }
        BigDecimal achieved = i.projectId != null
                ? achievedByIndicator(i.projectId).getOrDefault(id, BigDecimal.ZERO)
                : (BigDecimal) em.createNativeQuery(
                                "SELECT coalesce(sum(value), 0) FROM indicator_achievement WHERE indicator_id = :i")
                        .setParameter("i", id)
                        .getSingleResult();
        return view(i, i.baseline.add(achieved));
    }

    @Transactional
    public UUID projectOfPeriod(UUID periodId) {
        ReportingPeriod p = em.find(ReportingPeriod.class, periodId);
        if (p == null) {
            throw ProblemException.notFound("ReportingPeriod", periodId);
        }
        return p.projectId;
    }

    @Transactional
    public UUID projectOfReport(UUID reportId) {
        ProgressReport r = em.find(ProgressReport.class, reportId);
        if (r == null) {
            throw ProblemException.notFound("ProgressReport", reportId);
        }
        return r.projectId;
    }

    /** What accepted reports achieved per indicator of a project (sum over its periods). */
    private Map<UUID, BigDecimal> achievedByIndicator(UUID projectId) {
        Map<UUID, BigDecimal> sums = new HashMap<>();
        em.createQuery(
                        "SELECT KEY(v), sum(VALUE(v)) FROM ProgressReport r JOIN r.values v"
                                + " WHERE r.projectId = :p AND r.status = :a GROUP BY KEY(v)",
                        Object[].class)
                .setParameter("p", projectId)
                .setParameter("a", ReportStatus.ACCEPTED)
                .getResultList()
                .forEach(row -> sums.put((UUID) row[0], (BigDecimal) row[1]));
        return sums;
    }

    private static IndicatorView view(Indicator i, BigDecimal achieved) {
        return new IndicatorView(
                i.id,
                i.goalId,
                i.projectId,
                i.contributesTo,
                i.kind,
                i.name,
                i.unit,
                i.baseline.setScale(2),
                targets(i),
                achieved.setScale(2),
                i.version);
    }

    private static List<YearTarget> targets(Indicator i) {
        return i.targets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(t -> new YearTarget(t.getKey(), t.getValue().setScale(2)))
                .toList();
    }

    private static ReportView view(ProgressReport r, Map<UUID, Indicator> indicators) {
        List<ValueView> values = r.values.entrySet().stream()
                .map(v -> {
                    Indicator i = indicators.get(v.getKey());
                    return new ValueView(
                            v.getKey(), i == null ? null : i.name, i == null ? null : i.unit, v.getValue());
                })
                .sorted(Comparator.comparing(v -> String.valueOf(v.name())))
                .toList();
        return new ReportView(
                r.id,
                r.periodId,
                r.status,
                r.narrative,
                r.comment,
                r.revision,
                values,
                r.submittedAt,
                r.submittedBy,
                r.settledAt,
                r.settledBy,
                r.version);
    }

    /**
     * A milestone still planned, or a report not yet submitted, due between two days (both
     * included): for reminders and calendar feeds. {@code title} is the milestone's, or the
     * period's in words; {@code audience} the coordinators and the participating shareholders.
     */
    public record Deadline(
            boolean milestone,
            UUID id,
            UUID projectId,
            String projectTitle,
            String title,
            LocalDate dueOn,
            List<String> shareholders,
            List<String> audience) {}

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Deadline> deadlines(LocalDate from, LocalDate to) {
        List<Deadline> deadlines = new ArrayList<>();
        String active = " AND p.status NOT IN ('CANCELLED', 'REJECTED')";
        for (Object[] row : (List<Object[]>)
                em.createNativeQuery("SELECT m.id, p.id AS project, p.title AS project_title, m.title, m.due_on,"
                                + " (SELECT string_agg(s.shareholder, ',') FROM project_shareholder s WHERE s.project_id = p.id)"
                                + " FROM milestone m JOIN project p ON p.id = m.project_id"
                                + " WHERE m.status = 'PLANNED' AND m.due_on BETWEEN :from AND :to" + active
                                + " ORDER BY m.due_on")
                        .setParameter("from", Date.valueOf(from))
                        .setParameter("to", Date.valueOf(to))
                        .getResultList()) {
            deadlines.add(deadline(true, row, (String) row[3]));
        }
        Wording words = Wording.GERMAN;
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                        "SELECT rp.id, p.id AS project, p.title AS project_title, rp.number, rp.report_due_on,"
                                + " (SELECT string_agg(s.shareholder, ',') FROM project_shareholder s WHERE s.project_id = p.id),"
                                + " rp.starts_on, rp.ends_on"
                                + " FROM reporting_period rp JOIN project p ON p.id = rp.project_id"
                                + " LEFT JOIN progress_report r ON r.period_id = rp.id"
                                + " WHERE NOT rp.closed AND (r.status IS NULL OR r.status IN ('DRAFT', 'RETURNED'))"
                                + " AND rp.report_due_on BETWEEN :from AND :to" + active
                                + " ORDER BY rp.report_due_on")
                .setParameter("from", Date.valueOf(from))
                .setParameter("to", Date.valueOf(to))
                .getResultList()) {
            deadlines.add(deadline(
                    false,
                    row,
                    "Berichtszeitraum " + row[3] + " (" + words.date(localDate(row[6])) + " bis "
                            + words.date(localDate(row[7])) + ")"));
        }
        return deadlines;
    }

    private static Deadline deadline(boolean milestone, Object[] row, String title) {
        List<String> shareholders = row[5] == null ? List.of() : List.of(((String) row[5]).split(","));
        List<String> audience = new ArrayList<>();
        audience.add("coordinator");
        shareholders.forEach(s -> audience.add("shareholder-" + s));
        return new Deadline(
                milestone,
                (UUID) row[0],
                (UUID) row[1],
                (String) row[2],
                title,
                localDate(row[4]),
                shareholders,
                audience);
    }

    /** The results dashboard of {@code year}, as of today. */
    @Transactional
    public ResultsView dashboard(int year) {
        LocalDate today = LocalDate.now(Wording.ZONE);
        return cache.get(SnapshotCache.key("results", year, today), () -> compute(year, today));
    }

    @SuppressWarnings("unchecked")
    private ResultsView compute(int year, LocalDate today) {
        Map<UUID, List<MeasureRef>> measures = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT g, m.id, m.number, m.title FROM Measure m JOIN m.goalIds g ORDER BY m.number",
                        Object[].class)
                .getResultList()) {
            measures.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                    .add(new MeasureRef((UUID) row[1], (Integer) row[2], (String) row[3]));
        }
        // Per goal the first projects by title: walks the title index and stops after 20 per goal.
        Map<UUID, List<ProjectRef>> projects = new HashMap<>();
        for (Object[] row : (List<Object[]>)
                em.createNativeQuery("SELECT g.id AS goal, p.id, p.title, p.status FROM goal g CROSS JOIN LATERAL"
                                + " (SELECT p.id, p.title, p.status FROM project p WHERE EXISTS (SELECT 1 FROM"
                                + " project_goal pg WHERE pg.project_id = p.id AND pg.goal_id = g.id)"
                                + " ORDER BY p.title, p.id LIMIT " + PROJECTS_PER_GOAL + ") p")
                        .getResultList()) {
            projects.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                    .add(new ProjectRef((UUID) row[1], (String) row[2], ProjectStatus.valueOf((String) row[3])));
        }
        Map<UUID, Long> projectCounts = new HashMap<>();
        for (Object[] row :
                (List<Object[]>) em.createNativeQuery("SELECT goal_id, count(*) FROM project_goal GROUP BY goal_id")
                        .getResultList()) {
            projectCounts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        // What the projects' accepted reports of periods ending by the end of the year contribute
        // to each goal indicator: its tally per year, kept when a report is accepted (a few rows
        // per goal indicator, whatever the number of projects).
        Map<UUID, BigDecimal> contributed = new HashMap<>();
        for (Object[] row : (List<Object[]>)
                em.createNativeQuery("SELECT indicator_id, sum(value) FROM indicator_achievement WHERE year <= :year"
                                + " GROUP BY indicator_id")
                        .setParameter("year", year)
                        .getResultList()) {
            contributed.put((UUID) row[0], (BigDecimal) row[1]);
        }
        Map<UUID, List<Attainment>> indicators = new HashMap<>();
        for (Indicator i : em.createQuery("FROM Indicator WHERE goalId IS NOT NULL ORDER BY createdAt", Indicator.class)
                .getResultList()) {
            BigDecimal achieved = i.baseline.add(contributed.getOrDefault(i.id, BigDecimal.ZERO));
            BigDecimal target = i.targetFor(year);
            BigDecimal percent = target == null || target.signum() == 0
                    ? null
                    : achieved.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
            indicators
                    .computeIfAbsent(i.goalId, k -> new ArrayList<>())
                    .add(new Attainment(
                            i.id,
                            i.kind,
                            i.name,
                            i.unit,
                            i.baseline.setScale(2),
                            target == null ? null : target.setScale(2),
                            achieved.setScale(2),
                            percent));
        }
        List<GoalResults> goals = em.createQuery("FROM Goal ORDER BY title", Goal.class).getResultList().stream()
                .map(g -> new GoalResults(
                        g.id,
                        g.title,
                        measures.getOrDefault(g.id, List.of()),
                        projects.getOrDefault(g.id, List.of()),
                        projectCounts.getOrDefault(g.id, 0L),
                        indicators.getOrDefault(g.id, List.of())))
                .toList();

        String openMilestones = " FROM milestone m JOIN project p ON p.id = m.project_id"
                + " WHERE m.status = 'PLANNED' AND m.due_on < :today AND p.status NOT IN ('CANCELLED', 'REJECTED')";
        List<OverdueMilestone> overdueMilestones = ((List<Object[]>)
                        em.createNativeQuery("SELECT m.project_id, p.title, m.id, m.title AS milestone, m.due_on"
                                        + openMilestones + " ORDER BY m.due_on, m.id LIMIT " + LISTED)
                                .setParameter("today", Date.valueOf(today))
                                .getResultList())
                .stream()
                        .map(row -> new OverdueMilestone(
                                (UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3], localDate(row[4])))
                        .toList();
        long overdueMilestoneCount = ((Number) em.createNativeQuery("SELECT count(*)" + openMilestones)
                        .setParameter("today", Date.valueOf(today))
                        .getSingleResult())
                .longValue();

        String dueReports = " FROM reporting_period rp JOIN project p ON p.id = rp.project_id"
                + " LEFT JOIN progress_report r ON r.period_id = rp.id"
                + " WHERE NOT rp.closed AND rp.report_due_on < :today AND p.status NOT IN ('CANCELLED', 'REJECTED')"
                + " AND (r.status IS NULL OR r.status IN ('DRAFT', 'RETURNED'))";
        List<PeriodDue> overdueReports = periods(
                "SELECT rp.project_id, p.title, rp.id, rp.number, rp.ends_on, rp.report_due_on, r.status" + dueReports
                        + " ORDER BY rp.report_due_on, rp.id LIMIT " + LISTED,
                today);
        long overdueReportCount = ((Number) em.createNativeQuery("SELECT count(*)" + dueReports)
                        .setParameter("today", Date.valueOf(today))
                        .getSingleResult())
                .longValue();
        List<PeriodDue> toReview = periods(
                "SELECT rp.project_id, p.title, rp.id, rp.number, rp.ends_on, rp.report_due_on, r.status"
                        + " FROM progress_report r JOIN reporting_period rp ON rp.id = r.period_id"
                        + " JOIN project p ON p.id = r.project_id WHERE r.status = 'SUBMITTED'"
                        + " ORDER BY r.submitted_at, r.id LIMIT " + LISTED,
                today);
        return new ResultsView(
                year,
                today,
                goals,
                overdueMilestones,
                overdueMilestoneCount,
                overdueReports,
                overdueReportCount,
                toReview,
                budget.budget(year).lines());
    }

    @SuppressWarnings("unchecked")
    private List<PeriodDue> periods(String sql, LocalDate today) {
        var query = em.createNativeQuery(sql);
        if (sql.contains(":today")) {
            query.setParameter("today", Date.valueOf(today));
        }
        return ((List<Object[]>) query.getResultList())
                .stream()
                        .map(row -> new PeriodDue(
                                (UUID) row[0],
                                (String) row[1],
                                (UUID) row[2],
                                ((Number) row[3]).intValue(),
                                localDate(row[4]),
                                localDate(row[5]),
                                row[6] == null ? null : ReportStatus.valueOf((String) row[6])))
                        .toList();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
