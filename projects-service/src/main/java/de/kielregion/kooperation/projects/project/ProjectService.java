package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.web.Versions;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.project.ProjectApi.PartnerRef;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectRequest;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import de.kielregion.kooperation.projects.strategy.Measure;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What changes a project: proposal, update and its lifecycle (by hand, by a decision, by an
 * allocation). The reads are {@link ProjectQueries}'s.
 */
@ApplicationScoped
public class ProjectService {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Audit audit;
    private final StrategyService strategy;
    private final Event<ProjectCancelled> cancelled;
    private final ProjectQueries queries;
    private final ProjectViews views;

    ProjectService(
            EntityManager em,
            ChangeLog changeLog,
            Audit audit,
            StrategyService strategy,
            Event<ProjectCancelled> cancelled,
            ProjectQueries queries,
            ProjectViews views) {
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
        this.strategy = strategy;
        this.cancelled = cancelled;
        this.queries = queries;
        this.views = views;
    }

    @Transactional
    public ProjectView propose(ProjectRequest r) {
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.status = ProjectStatus.IDEA;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        apply(p, r);
        em.persist(p);
        return changeLog.record(p.proposed(views::replica), null, () -> views.of(p));
    }

    @Transactional
    public ProjectView update(UUID id, ProjectRequest r, String ifMatch) {
        Project p = queries.find(id);
        Versions.requireCurrent(ifMatch, r.version(), p.version, "Project " + id);
        if (!p.status.isActive()) {
            throw ProblemException.refusal("project.closed")
                    .with("project", p.title)
                    .with("status", p.status)
                    .conflict();
        }
        ProjectView before = views.of(p);
        apply(p, r);
        Map<String, Object> changes = audit.diff(before, views.of(p));
        if (changes.isEmpty()) {
            return before;
        }
        changeLog.record(p.updated(views::replica), changes);
        return views.of(p);
    }

    @Transactional
    public ProjectView changeStatus(UUID id, ProjectStatus to, Long version) {
        Project p = queries.find(id);
        if (version != null) {
            Versions.requireCurrent(null, version, p.version, "Project " + id);
        }
        record(p, p.moveByHand(to));
        return views.of(p);
    }

    /** An allocation makes an approved project RESOURCED, in the allocating transaction. */
    void onResourcesAllocated(@Observes ResourcesAllocatedToProject allocated) {
        Project p = queries.find(allocated.projectId());
        if (p.status.isApproved()) {
            transition(p, ProjectStatus.RESOURCED, null);
        }
    }

    /** A recorded decision moves the project to its outcome, in the deciding transaction. */
    void onDecided(@Observes ProjectDecided decided) {
        transition(queries.find(decided.projectId()), decided.outcome(), decided.decisionId());
    }

    /** Moves a project as a decision or an allocation says; publishes ProjectStatusChanged. */
    private void transition(Project p, ProjectStatus to, UUID decisionId) {
        record(p, p.moveTo(to, decisionId));
    }

    /** Records a move, and what a cancellation sets off. */
    private void record(Project p, Change moved) {
        changeLog.record(moved);
        if (p.status == ProjectStatus.CANCELLED) {
            cancelled.fire(new ProjectCancelled(p.id)); // e.g. the budget gives its staff and money back
        }
    }

    private void apply(Project p, ProjectRequest r) {
        if (r.plannedStart() != null && r.plannedEnd() != null && r.plannedEnd().isBefore(r.plannedStart())) {
            throw ProblemException.refusal("project.end-before-start")
                    .with("plannedStart", r.plannedStart())
                    .invalid("plannedEnd");
        }
        if (r.measureId() != null && em.find(Measure.class, r.measureId()) == null) {
            throw ProblemException.refusal("project.unknown-measure")
                    .with("measure", r.measureId())
                    .invalid("measureId");
        }
        strategy.requireThemes(r.themeIds(), "themeIds");
        List<ProjectPartner> partners = checkPartners(p, r.partners() == null ? List.of() : r.partners());
        p.title = r.title().trim();
        p.summary = Texts.trimToNull(r.summary());
        p.updateSearchKey();
        p.measureId = r.measureId();
        p.cooperationAreaId = r.cooperationAreaId();
        p.lead = Texts.trimToNull(r.lead());
        p.plannedStart = r.plannedStart();
        p.plannedEnd = r.plannedEnd();
        p.effort = r.effort();
        p.impact = r.impact();
        p.monthsToStart = r.monthsToStart();
        p.fundingSecured = r.fundingSecured();
        p.quickWin = QuickWin.score(p.effort, p.impact, p.monthsToStart, p.fundingSecured);
        replace(p.themeIds, r.themeIds());
        replace(p.shareholders, r.shareholders());
        if (!samePartners(p.partners, partners)) {
            p.partners.clear();
            p.partners.addAll(partners);
        }
        List<Financing> financing = r.financing() == null
                ? List.of()
                : r.financing().stream()
                        .map(f -> new Financing(f.kind(), f.name().trim(), f.amount()))
                        .toList();
        if (!sameFinancing(p.financing, financing)) {
            p.financing.clear();
            p.financing.addAll(financing);
        }
    }

    /**
     * Partners must be known from partners-service (the replica) and, when newly added, not
     * retired; one partner once; at most one lead partner.
     */
    private List<ProjectPartner> checkPartners(Project p, List<PartnerRef> refs) {
        Set<UUID> current = new HashSet<>();
        p.partners.forEach(pp -> current.add(pp.partnerId));
        Set<UUID> seen = new HashSet<>();
        int leads = 0;
        List<ProjectPartner> result = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            PartnerRef ref = refs.get(i);
            if (!seen.add(ref.partnerId())) {
                throw ProblemException.refusal("project.partner-twice").invalid("partners[" + i + "].partnerId");
            }
            PartnerReplica replica = em.find(PartnerReplica.class, ref.partnerId());
            if (replica == null) {
                throw ProblemException.refusal("project.unknown-partner")
                        .with("partner", ref.partnerId())
                        .invalid("partners[" + i + "].partnerId");
            }
            if ("RETIRED".equals(replica.status) && !current.contains(ref.partnerId())) {
                throw ProblemException.refusal("project.partner-retired")
                        .with("partner", replica.name)
                        .invalid("partners[" + i + "].partnerId");
            }
            if (ref.role() == PartnerRole.LEAD_PARTNER && ++leads > 1) {
                throw ProblemException.refusal("project.one-lead-partner").invalid("partners[" + i + "].role");
            }
            result.add(new ProjectPartner(ref.partnerId(), ref.role()));
        }
        return result;
    }

    private static <T extends Comparable<T>> void replace(Set<T> target, List<T> values) {
        TreeSet<T> wanted = new TreeSet<>(values == null ? List.of() : values);
        if (!target.equals(wanted)) {
            target.clear();
            target.addAll(wanted);
        }
    }

    private static boolean samePartners(List<ProjectPartner> a, List<ProjectPartner> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).partnerId.equals(b.get(i).partnerId) || a.get(i).role != b.get(i).role) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameFinancing(List<Financing> a, List<Financing> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Financing x = a.get(i);
            Financing y = b.get(i);
            if (x.kind != y.kind || !x.name.equals(y.name) || x.amount.compareTo(y.amount) != 0) {
                return false;
            }
        }
        return true;
    }
}
