package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.security.Roles;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.Versions;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.results.ResultsApi.GoalLinks;
import de.kielregion.kooperation.projects.results.ResultsApi.IndicatorRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.MilestoneRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.MilestoneSettlement;
import de.kielregion.kooperation.projects.results.ResultsApi.PeriodRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.ReportRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.ReportReview;
import de.kielregion.kooperation.projects.results.ResultsApi.WorkPackageRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.YearTarget;
import de.kielregion.kooperation.projects.strategy.Goal;
import de.kielregion.kooperation.projects.strategy.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The commands of goals' and projects' results: which goals a project or measure serves,
 * indicators, work plans, reporting periods and progress reports. Each rule is its aggregate's;
 * this class loads, locks, checks who may write, and records the change through the {@link
 * ChangeLog}. Coordinators and admins write everything; a shareholder's staff write and submit the
 * reports of projects their shareholder takes part in.
 */
@ApplicationScoped
public class ResultsService {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;

    ResultsService(EntityManager em, ChangeLog changeLog, Caller caller) {
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
    }

    @Transactional
    public void linkProjectGoals(UUID projectId, GoalLinks links) {
        Project project = writable(projectId, false);
        Set<UUID> goals = knownGoals(links.goalIds());
        Set<UUID> before = new TreeSet<>(project.goalIds);
        project.goalIds.clear();
        project.goalIds.addAll(goals);
        changeLog.record(
                Change.historyOnly(ProjectEvents.PROJECT, projectId, "GoalsLinked"),
                Map.of("goalIds", Map.of("from", before, "to", goals)));
    }

    @Transactional
    public void linkMeasureGoals(UUID measureId, GoalLinks links) {
        Measure measure = em.find(Measure.class, measureId, LockModeType.PESSIMISTIC_WRITE);
        if (measure == null) {
            throw ProblemException.notFound("Measure", measureId);
        }
        Set<UUID> goals = knownGoals(links.goalIds());
        Set<UUID> before = new TreeSet<>(measure.goalIds);
        measure.goalIds.clear();
        measure.goalIds.addAll(goals);
        changeLog.record(
                Change.historyOnly(ProjectEvents.MEASURE, measureId, "GoalsLinked"),
                Map.of("goalIds", Map.of("from", before, "to", goals)));
    }

    private Set<UUID> knownGoals(List<UUID> ids) {
        Set<UUID> goals = new TreeSet<>(ids);
        for (UUID id : goals) {
            if (em.find(Goal.class, id) == null) {
                throw ProblemException.refusal("results.unknown-goal")
                        .with("goal", id)
                        .invalid("goalIds");
            }
        }
        return goals;
    }

    /** An indicator of a goal ({@code goalId}) or of a project ({@code projectId}). */
    @Transactional
    public UUID defineIndicator(UUID goalId, UUID projectId, IndicatorRequest r) {
        if (goalId != null && em.find(Goal.class, goalId) == null) {
            throw ProblemException.notFound("Goal", goalId);
        }
        if (projectId != null) {
            writable(projectId, false);
        }
        Indicator contributesTo = null;
        if (r.contributesTo() != null) {
            if (goalId != null) {
                throw ProblemException.refusal("indicator.goal-contributes").invalid("contributesTo");
            }
            contributesTo = em.find(Indicator.class, r.contributesTo());
            if (contributesTo == null) {
                throw ProblemException.refusal("indicator.unknown")
                        .with("indicator", r.contributesTo())
                        .invalid("contributesTo");
            }
        }
        Map<Integer, BigDecimal> targets = new LinkedHashMap<>();
        for (YearTarget t : r.targets() == null ? List.<YearTarget>of() : r.targets()) {
            if (targets.put(t.year(), t.target()) != null) {
                throw ProblemException.refusal("indicator.year-twice")
                        .with("year", String.valueOf(t.year()))
                        .invalid("targets");
            }
        }
        Indicator indicator = Indicator.define(
                goalId,
                projectId,
                contributesTo,
                r.kind(),
                r.name().strip(),
                r.unit(),
                r.baseline() == null ? BigDecimal.ZERO : r.baseline(),
                targets,
                Instant.now());
        em.persist(indicator);
        changeLog.record(indicator.defined());
        return indicator.id;
    }

    @Transactional
    public UUID addWorkPackage(UUID projectId, WorkPackageRequest r) {
        writable(projectId, false);
        Integer last = em.createQuery("SELECT max(w.number) FROM WorkPackage w WHERE w.projectId = :p", Integer.class)
                .setParameter("p", projectId)
                .getSingleResult();
        WorkPackage w = new WorkPackage();
        w.id = UUID.randomUUID();
        w.projectId = projectId;
        w.number = last == null ? 1 : last + 1;
        w.title = r.title().strip();
        em.persist(w);
        changeLog.record(
                Change.historyOnly(ProjectEvents.PROJECT, projectId, "WorkPackageAdded"),
                Map.of("workPackageId", w.id, "number", w.number, "title", w.title));
        return w.id;
    }

    @Transactional
    public UUID planMilestone(UUID projectId, MilestoneRequest r) {
        Project project = writable(projectId, false);
        WorkPackage w = em.find(WorkPackage.class, r.workPackageId());
        if (w == null || !w.projectId.equals(projectId)) {
            throw ProblemException.refusal("milestone.unknown-work-package")
                    .with("workPackage", r.workPackageId())
                    .invalid("workPackageId");
        }
        if (r.responsiblePartnerId() != null
                && project.partners.stream()
                        .noneMatch(pp -> r.responsiblePartnerId().equals(pp.partnerId))) {
            throw ProblemException.refusal("milestone.partner-not-in-project")
                    .with("partner", r.responsiblePartnerId())
                    .invalid("responsiblePartnerId");
        }
        Milestone m = Milestone.plan(w, r.title().strip(), r.dueOn(), r.responsiblePartnerId(), project.plannedEnd);
        em.persist(m);
        changeLog.record(m.planned());
        return m.id;
    }

    @Transactional
    public UUID settleMilestone(UUID milestoneId, MilestoneSettlement r, String ifMatch) {
        Milestone m = em.find(Milestone.class, milestoneId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("Milestone", milestoneId);
        }
        Project project = writable(m.projectId, true);
        ifGiven(ifMatch, r.version(), m.version, "Milestone " + milestoneId);
        changeLog.record(m.settle(r.status(), r.on(), LocalDate.now(Wording.ZONE), project.title));
        return m.projectId;
    }

    @Transactional
    public UUID openPeriod(UUID projectId, PeriodRequest r) {
        writable(projectId, false);
        List<ReportingPeriod> existing = em.createQuery(
                        "FROM ReportingPeriod WHERE projectId = :p ORDER BY number", ReportingPeriod.class)
                .setParameter("p", projectId)
                .getResultList();
        ReportingPeriod p = ReportingPeriod.open(projectId, r.startsOn(), r.endsOn(), r.reportDueOn(), existing);
        em.persist(p);
        changeLog.record(
                Change.historyOnly(ProjectEvents.PROJECT, projectId, "ReportingPeriodOpened"),
                Map.of(
                        "periodId", p.id,
                        "number", p.number,
                        "startsOn", p.startsOn,
                        "endsOn", p.endsOn,
                        "reportDueOn", p.reportDueOn));
        return p.id;
    }

    /**
     * Writes the report of a period (its draft is made on the first write). The period is locked
     * first, so two first writes make one report.
     */
    @Transactional
    public UUID writeReport(UUID periodId, ReportRequest r, String ifMatch) {
        ReportingPeriod period = em.find(ReportingPeriod.class, periodId, LockModeType.PESSIMISTIC_WRITE);
        if (period == null) {
            throw ProblemException.notFound("ReportingPeriod", periodId);
        }
        Project project = writable(period.projectId, true);
        ProgressReport report = reportOf(periodId);
        if (report == null) {
            report = ProgressReport.draft(period, Instant.now());
            em.persist(report);
        } else {
            report.requireWithProject(); // a submitted or accepted report: 409 whatever the version
            Versions.requireCurrent(ifMatch, r.version(), report.version, "Progress report " + report.id);
        }
        Map<UUID, BigDecimal> values = new LinkedHashMap<>();
        for (var v : r.values() == null ? List.<ResultsApi.ValueRequest>of() : r.values()) {
            if (values.put(v.indicatorId(), v.value()) != null) {
                throw ProblemException.refusal("report.indicator-twice")
                        .with("indicator", v.indicatorId())
                        .invalid("values");
            }
        }
        String narrative = r.narrative() == null || r.narrative().isBlank()
                ? null
                : r.narrative().strip();
        changeLog.record(report.write(narrative, values, context(project, period), Instant.now()));
        return report.id;
    }

    @Transactional
    public UUID submitReport(UUID reportId, Long version, String ifMatch) {
        ProgressReport report = lockedReport(reportId);
        ReportingPeriod period = em.find(ReportingPeriod.class, report.periodId);
        Project project = writable(report.projectId, true);
        ifGiven(ifMatch, version, report.version, "Progress report " + reportId);
        changeLog.record(report.submit(caller.displayName(), context(project, period), Instant.now()));
        return report.id;
    }

    /** Returns a submitted report with a comment (400 without one). */
    @Transactional
    public UUID returnReport(UUID reportId, ReportReview r, String ifMatch) {
        if (r.comment() == null || r.comment().isBlank()) {
            throw ProblemException.refusal("report.comment-missing").invalid("comment");
        }
        ProgressReport report = lockedReport(reportId);
        ReportingPeriod period = em.find(ReportingPeriod.class, report.periodId, LockModeType.PESSIMISTIC_WRITE);
        Project project = em.find(Project.class, report.projectId);
        ifGiven(ifMatch, r.version(), report.version, "Progress report " + reportId);
        changeLog.record(
                report.giveBack(r.comment().strip(), caller.displayName(), context(project, period), Instant.now()));
        return report.id;
    }

    @Transactional
    public UUID acceptReport(UUID reportId, ReportReview r, String ifMatch) {
        ProgressReport report = lockedReport(reportId);
        ReportingPeriod period = em.find(ReportingPeriod.class, report.periodId, LockModeType.PESSIMISTIC_WRITE);
        Project project = em.find(Project.class, report.projectId);
        ifGiven(ifMatch, r.version(), report.version, "Progress report " + reportId);
        String note = r.comment() == null || r.comment().isBlank()
                ? null
                : r.comment().strip();
        changeLog.record(report.accept(note, caller.displayName(), context(project, period), Instant.now()));
        countTowardsGoals(report, period);
        return report.id;
    }

    /**
     * A move along a lifecycle (submit, return, accept, reached) is guarded by its status rule, so a
     * version is checked when the client sends one (If-Match or body), not required: racing moves
     * are decided by the row lock, the second one a 409.
     */
    private static void ifGiven(String ifMatch, Long version, long current, String what) {
        if (ifMatch != null || version != null) {
            Versions.requireCurrent(ifMatch, version, current, what);
        }
    }

    /**
     * An accepted report's values count towards the goal indicators its project's indicators
     * contribute to, in the year its period ends: added to their tally ({@code
     * indicator_achievement}) in the transaction that accepts it.
     */
    private void countTowardsGoals(ProgressReport report, ReportingPeriod period) {
        em.createNativeQuery(
                        "INSERT INTO indicator_achievement (indicator_id, year, value)"
                                + " SELECT i.contributes_to, :year, sum(v.value) FROM progress_report_value v"
                                + " JOIN indicator i ON i.id = v.indicator_id"
                                + " WHERE v.report_id = :report AND i.contributes_to IS NOT NULL GROUP BY i.contributes_to"
                                + " ON CONFLICT (indicator_id, year) DO UPDATE SET value = indicator_achievement.value + EXCLUDED.value")
                .setParameter("year", period.endsOn.getYear())
                .setParameter("report", report.id)
                .executeUpdate();
    }

    private ProgressReport lockedReport(UUID reportId) {
        ProgressReport report = em.find(ProgressReport.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            throw ProblemException.notFound("ProgressReport", reportId);
        }
        return report;
    }

    private ProgressReport reportOf(UUID periodId) {
        return em.createQuery("FROM ProgressReport WHERE periodId = :p", ProgressReport.class)
                .setParameter("p", periodId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private ProgressReport.Context context(Project project, ReportingPeriod period) {
        Map<UUID, Indicator> indicators = new HashMap<>();
        em.createQuery("FROM Indicator WHERE projectId = :p", Indicator.class)
                .setParameter("p", project.id)
                .getResultList()
                .forEach(i -> indicators.put(i.id, i));
        return new ProgressReport.Context(project.title, period, indicators);
    }

    /**
     * The project, if the caller may write its results: coordinators and admins always; when
     * {@code shareholders} is true, also a shareholder's staff for a project their shareholder
     * takes part in (403 otherwise). A rejected or cancelled project takes no more (409).
     */
    private Project writable(UUID projectId, boolean shareholders) {
        Project project = em.find(Project.class, projectId);
        if (project == null) {
            throw ProblemException.notFound("Project", projectId);
        }
        if (shareholders) {
            project.requireWriter(caller, "results.not-participating");
        } else if (!caller.hasRole(Roles.COORDINATOR) && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.refusal("results.not-participating")
                    .with("project", project.title)
                    .forbidden();
        }
        if (project.status == ProjectStatus.CANCELLED || project.status == ProjectStatus.REJECTED) {
            throw ProblemException.refusal("project.closed")
                    .with("project", project.title)
                    .with("status", project.status)
                    .conflict();
        }
        return project;
    }
}
