package de.kielregion.kooperation.projects.budget;

import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.Versions;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.budget.Allocation.Status;
import de.kielregion.kooperation.projects.budget.Allocation.SubjectType;
import de.kielregion.kooperation.projects.budget.BudgetApi.AllocationRequest;
import de.kielregion.kooperation.projects.budget.BudgetApi.AllocationView;
import de.kielregion.kooperation.projects.budget.BudgetApi.BudgetView;
import de.kielregion.kooperation.projects.budget.BudgetApi.ExpenditureRequest;
import de.kielregion.kooperation.projects.budget.BudgetApi.ExpenditureView;
import de.kielregion.kooperation.projects.budget.BudgetApi.LineView;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.project.ProjectCancelled;
import de.kielregion.kooperation.projects.project.ResourcesAllocatedToProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The budget and every allocation. Invariant: the ALLOCATED amounts of a line never exceed
 * its amount. Each allocation locks its line (SELECT ... FOR UPDATE) before it sums what is
 * allocated, so racing requests on one line are decided one after the other.
 */
@ApplicationScoped
public class BudgetService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BudgetService.class);

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Event<ResourcesAllocatedToProject> allocated;
    private final Attachments attachments;

    BudgetService(
            EntityManager em,
            ChangeLog changeLog,
            Event<ResourcesAllocatedToProject> allocated,
            Attachments attachments) {
        this.em = em;
        this.changeLog = changeLog;
        this.allocated = allocated;
        this.attachments = attachments;
    }

    @Transactional
    public BudgetView budget(int year) {
        List<LineView> lines = new ArrayList<>();
        for (BudgetLine line : em.createQuery("FROM BudgetLine WHERE year = :y ORDER BY category", BudgetLine.class)
                .setParameter("y", year)
                .getResultList()) {
            lines.add(view(line));
        }
        return new BudgetView(year, lines);
    }

    /** Creates or changes the line of a year and category; never below what is allocated on it. */
    @Transactional
    public LineView setLine(int year, Category category, BigDecimal amount, String ifMatch, Long version) {
        BudgetLine line = line(year, category, true);
        if (line == null) {
            line = new BudgetLine();
            line.id = UUID.randomUUID();
            line.year = year;
            line.category = category;
            line.amount = amount;
            em.persist(line);
            changeLog.record(
                    Change.historyOnly(ProjectEvents.BUDGET_LINE, line.id, "BudgetLineCreated"),
                    Map.of("year", year, "category", category, "amount", amount));
            return view(line);
        }
        Versions.requireCurrent(ifMatch, version, line.version, "Budget line " + category + " " + year);
        BigDecimal allocated = allocated(line.id);
        if (amount.compareTo(allocated) < 0) {
            throw ProblemException.refusal("budget.line-below-allocated")
                    .amount("allocated", allocated, category.unit)
                    .with("category", category)
                    .with("year", String.valueOf(year))
                    .conflict();
        }
        BigDecimal before = line.amount;
        line.amount = amount;
        changeLog.record(
                Change.historyOnly(ProjectEvents.BUDGET_LINE, line.id, "BudgetLineChanged"),
                Map.of("amount", Map.of("from", before, "to", amount)));
        return view(line);
    }

    @Transactional
    public AllocationView allocateToProject(UUID projectId, AllocationRequest r) {
        // Lock order: the line, then the project. Requests on one line wait for each other, and
        // so do requests for one project (whose first allocation moves it to RESOURCED). The line
        // is read once, locked, and handed on.
        BudgetLine line = line(r.year(), r.category(), true);
        Project project = em.find(Project.class, projectId, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw ProblemException.notFound("Project", projectId);
        }
        if (!project.status.canReceiveResources()) {
            throw ProblemException.refusal("allocation.project-not-approved")
                    .with("project", project.title)
                    .with("status", project.status)
                    .conflict();
        }
        if (line == null) {
            throw ProblemException.refusal("allocation.no-budget-line")
                    .with("category", r.category())
                    .with("code", r.category().name())
                    .with("year", String.valueOf(r.year()))
                    .conflict();
        }
        Allocation a =
                allocate(line, SubjectType.PROJECT, projectId, project.title, r.year(), r.category(), r.amount(), null);
        if (a.status == Status.ALLOCATED) {
            allocated.fire(new ResourcesAllocatedToProject(projectId, a.id));
        }
        return view(a);
    }

    /**
     * Answers a fee request of memberships-service (issue 6's consumer calls it): once per
     * request id, however often the request is delivered.
     */
    @Transactional
    public AllocationView allocateForRequest(
            UUID requestId,
            SubjectType subjectType,
            UUID subjectId,
            String subjectName,
            int year,
            Category category,
            BigDecimal amount) {
        Allocation earlier = em.createQuery("FROM Allocation WHERE requestId = :r", Allocation.class)
                .setParameter("r", requestId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (earlier != null) {
            return view(earlier);
        }
        BudgetLine line = line(year, category, true);
        return view(allocate(line, subjectType, subjectId, subjectName, year, category, amount, requestId));
    }

    /** Books on {@code line} (locked by the caller; null when the year has no such line: refused). */
    private Allocation allocate(
            BudgetLine line,
            SubjectType subjectType,
            UUID subjectId,
            String subjectName,
            int year,
            Category category,
            BigDecimal amount,
            UUID requestId) {
        Allocation a = Allocation.request(
                subjectType,
                subjectId,
                subjectName,
                year,
                category,
                amount,
                requestId,
                line,
                line == null ? null : line.amount.subtract(allocated(line.id)),
                Instant.now());
        em.persist(a);
        changeLog.record(a.recorded(year, category));
        return a;
    }

    /**
     * Records what a project spent against one of its allocations. The allocation is locked
     * (SELECT ... FOR UPDATE) before what is spent on it is summed, so racing expenditures are
     * decided one after the other and never exceed it; a release waits for the same lock.
     */
    @Transactional
    public ExpenditureView recordExpenditure(UUID projectId, ExpenditureRequest r, String by) {
        if (em.find(Project.class, projectId) == null) {
            throw ProblemException.notFound("Project", projectId);
        }
        Allocation a = em.find(Allocation.class, r.allocationId(), LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !projectId.equals(a.subjectId)) {
            throw ProblemException.refusal("expenditure.unknown-allocation")
                    .with("allocation", r.allocationId())
                    .invalid("allocationId");
        }
        if (a.lineId == null) {
            throw ProblemException.refusal("expenditure.allocation-not-allocated")
                    .with("status", a.status)
                    .conflict();
        }
        if (r.evidenceId() != null) {
            requireEvidence(projectId, r.evidenceId());
        }
        return spend(a, r.amount(), r.spentOn(), r.description().strip(), r.evidenceId(), by, null);
    }

    /** Spends on a locked allocation (see {@link Expenditure#spend}); {@code id} names the expenditure, or null for a new one. */
    private ExpenditureView spend(
            Allocation a,
            BigDecimal amount,
            LocalDate spentOn,
            String description,
            UUID evidenceId,
            String by,
            UUID id) {
        BudgetLine line = em.find(BudgetLine.class, a.lineId);
        BigDecimal spent = spent(a.id);
        Expenditure e = Expenditure.spend(
                a,
                line,
                spent,
                amount,
                spentOn,
                description,
                evidenceId,
                by,
                LocalDate.now(Wording.ZONE),
                Instant.now());
        if (id != null) {
            e.id = id;
        }
        em.persist(e);
        changeLog.record(e.recorded(a, line, spent.add(e.amount)));
        return view(e, line);
    }

    /**
     * A membership fee paid (memberships-service's MembershipFeePaid) is spent against the
     * allocation that answered its year's request, once (the expenditure's id is derived from the
     * request). Returns false when there is nothing to spend it on (no such allocation, or it was
     * not allocated) or the budget refuses it (another year, more than allocated): that is logged,
     * the event is consumed all the same; a person settles it.
     */
    public boolean feePaid(UUID requestId, java.math.BigDecimal amount, LocalDate paidOn, String description) {
        UUID id = UUID.nameUUIDFromBytes(
                ("membership-fee-paid:" + requestId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (em.find(Expenditure.class, id) != null) {
            return false;
        }
        Allocation a = em.createQuery("FROM Allocation a WHERE a.requestId = :r", Allocation.class)
                .setParameter("r", requestId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (a == null || a.lineId == null || a.status != Status.ALLOCATED) {
            LOG.warnf("Fee paid for request %s, which has no allocation to spend it on", requestId);
            return false;
        }
        try {
            spend(a, amount, paidOn, description, null, "memberships-service", id);
            return true;
        } catch (ProblemException e) {
            LOG.warnf("Fee paid for request %s not counted as spent: %s", requestId, e.getMessage());
            return false;
        }
    }

    /** The evidence must be an attachment of the project itself (400 otherwise). */
    private void requireEvidence(UUID projectId, UUID evidenceId) {
        boolean ofProject = attachments.of(ProjectEvents.PROJECT, projectId).stream()
                .anyMatch(view -> view.id().equals(evidenceId));
        if (!ofProject) {
            throw ProblemException.refusal("expenditure.unknown-evidence")
                    .with("evidence", evidenceId)
                    .invalid("evidenceId");
        }
    }

    /** A project's expenditure, oldest first, with the year and category of its allocation. */
    @Transactional
    public List<ExpenditureView> expenditures(UUID subjectId) {
        List<ExpenditureView> views = new ArrayList<>();
        for (Expenditure e : em.createQuery(
                        "FROM Expenditure WHERE subjectId = :s ORDER BY spentOn, recordedAt", Expenditure.class)
                .setParameter("s", subjectId)
                .getResultList()) {
            Allocation a = em.find(Allocation.class, e.allocationId);
            views.add(view(e, em.find(BudgetLine.class, a.lineId)));
        }
        return views;
    }

    private ExpenditureView view(Expenditure e, BudgetLine line) {
        return new ExpenditureView(
                e.id,
                e.allocationId,
                line.year,
                line.category,
                line.category.unit,
                e.amount.setScale(2),
                e.spentOn,
                e.description,
                e.evidenceId,
                e.recordedBy,
                e.recordedAt);
    }

    private BigDecimal spent(UUID allocationId) {
        return em.createQuery(
                        "SELECT coalesce(sum(e.amount), 0) FROM Expenditure e WHERE e.allocationId = :a",
                        BigDecimal.class)
                .setParameter("a", allocationId)
                .getSingleResult();
    }

    @Transactional
    public AllocationView release(UUID allocationId) {
        Allocation a = em.find(Allocation.class, allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("Allocation", allocationId);
        }
        BigDecimal spent = spent(a.id);
        if (spent.signum() > 0) {
            BudgetLine line = em.find(BudgetLine.class, a.lineId);
            throw ProblemException.refusal("allocation.spent")
                    .amount("spent", spent, line.category.unit)
                    .conflict();
        }
        a.release(null, Instant.now());
        BudgetLine line = em.find(BudgetLine.class, a.lineId);
        changeLog.record(a.recorded(line.year, line.category));
        return view(a);
    }

    /** A cancelled project gives its staff and money back, in the transaction that cancels it. */
    void onProjectCancelled(@Observes ProjectCancelled cancelled) {
        releaseAll(cancelled.projectId());
    }

    /** Releases every allocation of a subject, e.g. of a cancelled project, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int releaseAll(UUID subjectId) {
        List<Allocation> held = em.createQuery("FROM Allocation WHERE subjectId = :s AND status = :a", Allocation.class)
                .setParameter("s", subjectId)
                .setParameter("a", Status.ALLOCATED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        int released = 0;
        for (Allocation a : held) {
            if (spent(a.id).signum() > 0) {
                continue; // what was spent stays booked: the money is gone
            }
            BudgetLine line = em.find(BudgetLine.class, a.lineId);
            a.release("released with the subject", Instant.now());
            changeLog.record(a.recorded(line.year, line.category));
            released++;
        }
        return released;
    }

    @Transactional
    public List<AllocationView> allocations(UUID subjectId) {
        return em
                .createQuery("FROM Allocation WHERE subjectId = :s ORDER BY createdAt", Allocation.class)
                .setParameter("s", subjectId)
                .getResultList()
                .stream()
                .map(this::view)
                .toList();
    }

    private BudgetLine line(int year, Category category, boolean lock) {
        var query = em.createQuery("FROM BudgetLine WHERE year = :y AND category = :c", BudgetLine.class)
                .setParameter("y", year)
                .setParameter("c", category);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst().orElse(null);
    }

    private BigDecimal allocated(UUID lineId) {
        return em.createQuery(
                        "SELECT coalesce(sum(a.amount), 0) FROM Allocation a WHERE a.lineId = :l "
                                + "AND a.status = :s",
                        BigDecimal.class)
                .setParameter("l", lineId)
                .setParameter("s", Status.ALLOCATED)
                .getSingleResult();
    }

    private LineView view(BudgetLine line) {
        BigDecimal allocated = allocated(line.id).setScale(2);
        BigDecimal spent = em.createQuery(
                        "SELECT coalesce(sum(e.amount), 0) FROM Expenditure e, Allocation a WHERE e.allocationId = a.id"
                                + " AND a.lineId = :l AND a.status = :s",
                        BigDecimal.class)
                .setParameter("l", line.id)
                .setParameter("s", Status.ALLOCATED)
                .getSingleResult()
                .setScale(2);
        return new LineView(
                line.id,
                line.year,
                line.category,
                line.category.unit,
                line.amount.setScale(2),
                allocated,
                line.amount.subtract(allocated).setScale(2),
                line.version,
                spent);
    }

    private AllocationView view(Allocation a) {
        BudgetLine line = a.lineId == null ? null : em.find(BudgetLine.class, a.lineId);
        return new AllocationView(
                a.id,
                a.lineId,
                line == null ? null : line.year,
                line == null ? null : line.category,
                a.subjectType,
                a.subjectId,
                a.subjectName,
                a.amount.setScale(2),
                a.status,
                a.reason,
                a.requestId,
                a.createdAt,
                a.updatedAt);
    }
}
