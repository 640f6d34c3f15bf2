package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.cache.SnapshotCache;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.SearchText;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Versions;
import de.kielregion.kooperation.projects.partner.InterestReplica;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.project.ProjectApi.FinancingSource;
import de.kielregion.kooperation.projects.project.ProjectApi.PartnerRef;
import de.kielregion.kooperation.projects.project.ProjectApi.PartnerView;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectRequest;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import de.kielregion.kooperation.projects.strategy.Measure;
import de.kielregion.kooperation.projects.strategy.StrategyApi.ThemeView;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Projects: proposal, update, lifecycle and the quick-win score. */
@ApplicationScoped
public class ProjectService {

    /** quickWin sorts best first, projects without a score last. */
    public static final Map<String, String> SORTABLE = Map.of(
            "title",
            "p.title",
            "status",
            "p.status",
            "plannedStart",
            "p.plannedStart",
            "updatedAt",
            "p.updatedAt",
            "quickWin",
            "p.quickWin DESC NULLS LAST, p.title");

    private final SnapshotCache cache;
    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Audit audit;
    private final StrategyService strategy;
    private final Event<ProjectCancelled> cancelled;

    ProjectService(
            EntityManager em,
            ChangeLog changeLog,
            Audit audit,
            StrategyService strategy,
            Event<ProjectCancelled> cancelled,
            SnapshotCache cache) {
        this.cache = cache;
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
        this.strategy = strategy;
        this.cancelled = cancelled;
    }

    @Transactional
    public Page<ProjectView> list(ProjectFilter f, PageQuery paging) {
        if ("-quickWin".equals(paging.sort())) {
            throw ProblemException.badRequest("quickWin sorts best first already; use sort=quickWin");
        }
        // The same page of an unchanged database is the same answer (it depends on no caller).
        String key = SnapshotCache.key(
                "projects",
                f.status(),
                f.themeId(),
                f.measureId(),
                f.shareholder(),
                f.partnerId(),
                f.q(),
                f.country(),
                f.interestsOf(),
                paging.page(),
                paging.size(),
                paging.sort());
        return cache.get(key, () -> {
            Page<Project> page = query(f).page(em, paging, SORTABLE, "title");
            loadPartnerReplicas(page.items());
            return page.map(this::view);
        });
    }

    /** The replicas of the partners of {@code projects} in one query (view() then finds them loaded). */
    private void loadPartnerReplicas(List<Project> projects) {
        Set<UUID> ids = new HashSet<>();
        projects.forEach(p -> p.partners.forEach(pp -> ids.add(pp.partnerId)));
        if (!ids.isEmpty()) {
            em.createQuery("FROM PartnerReplica r WHERE r.id IN :ids", PartnerReplica.class)
                    .setParameter("ids", ids)
                    .getResultList();
        }
    }

    /** Every project matching the filters, sorted as asked (default: title), for exports. */
    @Transactional
    public List<ProjectView> all(ProjectFilter f, PageQuery sorting) {
        if ("-quickWin".equals(sorting.sort())) {
            throw ProblemException.badRequest("quickWin sorts best first already; use sort=quickWin");
        }
        return query(f).all(em, sorting, SORTABLE, "title").stream()
                .map(this::view)
                .toList();
    }

    private ListQuery<Project> query(ProjectFilter f) {
        ListQuery<Project> query = ListQuery.of(Project.class, "p")
                .where("p.status = :status", "status", f.status())
                .where(":theme MEMBER OF p.themeIds", "theme", f.themeId())
                .where("p.measureId = :measure", "measure", f.measureId())
                .where(":shareholder MEMBER OF p.shareholders", "shareholder", f.shareholder())
                .where(
                        "EXISTS (SELECT 1 FROM Project q JOIN q.partners pp WHERE q = p AND pp.partnerId = :partner)",
                        "partner",
                        f.partnerId())
                .where(
                        "EXISTS (SELECT 1 FROM Project q JOIN q.partners pp, PartnerReplica r"
                                + " WHERE q = p AND r.id = pp.partnerId AND r.country = :country)",
                        "country",
                        f.country());
        if (f.interestsOf() != null) {
            interests(query, f.interestsOf());
        }
        List<String> words = f.words();
        for (int i = 0; i < words.size(); i++) {
            query.where("p.searchKey LIKE :w" + i + " ESCAPE '\\'", "w" + i, ListQuery.likeContains(words.get(i)));
        }
        return query;
    }

    /**
     * Narrows the list to what a shareholder's recorded interests reach: a project with one of its
     * themes (names compared ignoring case and accents), or with a partner in one of its countries,
     * one of its regions or belonging to one. A shareholder without interests is a 409.
     */
    private void interests(ListQuery<Project> query, Shareholder shareholder) {
        InterestReplica interest = em.find(InterestReplica.class, shareholder.name());
        if (interest == null) {
            throw ProblemException.conflict(shareholder + " has recorded no interests yet (partners-service: PUT "
                    + "/shareholders/" + shareholder + "/interests)");
        }
        List<UUID> themes = strategy.themes().stream()
                .filter(t -> interest.themeKeys.contains(SearchText.key(t.name())))
                .map(ThemeView::id)
                .toList();
        UUID none = new UUID(0, 0); // IN () is not valid JPQL: a value no row has stands for none
        Map<String, Object> values = new HashMap<>();
        values.put("interestThemes", themes.isEmpty() ? List.of(none) : themes);
        values.put("interestCountries", interest.countries.isEmpty() ? List.of("--") : List.copyOf(interest.countries));
        values.put("interestRegions", interest.regionIds.isEmpty() ? List.of(none) : List.copyOf(interest.regionIds));
        query.where(
                "(EXISTS (SELECT 1 FROM Project q JOIN q.themeIds t WHERE q = p AND t IN :interestThemes)"
                        + " OR EXISTS (SELECT 1 FROM Project q JOIN q.partners pp, PartnerReplica r"
                        + " WHERE q = p AND r.id = pp.partnerId AND (r.country IN :interestCountries"
                        + " OR r.id IN :interestRegions OR r.parentRegionId IN :interestRegions)))",
                values);
    }

    /**
     * Projects stored before the search key existed get theirs once at start (a few hundred at a
     * time); new and edited projects get it when saved.
     */
    void fillSearchKeys(@Observes StartupEvent start) {
        int filled;
        do {
            filled = QuarkusTransaction.requiringNew().call(() -> {
                List<Project> missing = em.createQuery("FROM Project WHERE searchKey IS NULL", Project.class)
                        .setMaxResults(500)
                        .getResultList();
                missing.forEach(Project::updateSearchKey);
                return missing.size();
            });
        } while (filled > 0);
    }

    @Transactional
    public ProjectView get(UUID id) {
        return view(find(id));
    }

    /** The shareholders taking part in a project; a 404 for an unknown one. */
    @Transactional
    public Set<Shareholder> participants(UUID id) {
        return Set.copyOf(find(id).shareholders);
    }

    public Project find(UUID id) {
        Project p = em.find(Project.class, id);
        if (p == null) {
            throw ProblemException.notFound("Project", id);
        }
        return p;
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
        return changeLog.record(p.proposed(this::replica), null, () -> view(p));
    }

    @Transactional
    public ProjectView update(UUID id, ProjectRequest r, String ifMatch) {
        Project p = find(id);
        Versions.requireCurrent(ifMatch, r.version(), p.version, "Project " + id);
        if (!p.status.isActive()) {
            throw ProblemException.conflict("Project " + p.title + " is " + p.status + " and no longer changes");
        }
        ProjectView before = view(p);
        apply(p, r);
        Map<String, Object> changes = audit.diff(before, view(p));
        if (changes.isEmpty()) {
            return before;
        }
        changeLog.record(p.updated(this::replica), changes);
        return view(p);
    }

    @Transactional
    public ProjectView changeStatus(UUID id, ProjectStatus to, Long version) {
        Project p = find(id);
        if (version != null) {
            Versions.requireCurrent(null, version, p.version, "Project " + id);
        }
        record(p, p.moveByHand(to));
        return view(p);
    }

    /** An allocation makes an approved project RESOURCED, in the allocating transaction. */
    void onResourcesAllocated(@Observes ResourcesAllocatedToProject allocated) {
        Project p = find(allocated.projectId());
        if (p.status.isApproved()) {
            transition(p, ProjectStatus.RESOURCED, null);
        }
    }

    /** A recorded decision moves the project to its outcome, in the deciding transaction. */
    void onDecided(@Observes ProjectDecided decided) {
        transition(find(decided.projectId()), decided.outcome(), decided.decisionId());
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
            throw ProblemException.invalid("plannedEnd", "must not be before plannedStart (" + r.plannedStart() + ")");
        }
        if (r.measureId() != null && em.find(Measure.class, r.measureId()) == null) {
            throw ProblemException.invalid("measureId", "names measure " + r.measureId() + ", which does not exist");
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
                throw ProblemException.invalid("partners[" + i + "].partnerId", "appears twice");
            }
            PartnerReplica replica = em.find(PartnerReplica.class, ref.partnerId());
            if (replica == null) {
                throw ProblemException.invalid(
                        "partners[" + i + "].partnerId",
                        "names partner " + ref.partnerId() + ", which partners-service does not know (yet)");
            }
            if ("RETIRED".equals(replica.status) && !current.contains(ref.partnerId())) {
                throw ProblemException.invalid(
                        "partners[" + i + "].partnerId", replica.name + " is retired and cannot join a project");
            }
            if (ref.role() == PartnerRole.LEAD_PARTNER && ++leads > 1) {
                throw ProblemException.invalid("partners[" + i + "].role", "a project has at most one LEAD_PARTNER");
            }
            result.add(new ProjectPartner(ref.partnerId(), ref.role()));
        }
        return result;
    }

    ProjectView view(Project p) {
        List<PartnerView> partners = new ArrayList<>();
        List<UUID> retired = new ArrayList<>();
        for (ProjectPartner pp : p.partners) {
            PartnerReplica replica = replica(pp.partnerId);
            boolean isRetired = replica != null && "RETIRED".equals(replica.status);
            if (p.flagsRetired(replica)) {
                retired.add(pp.partnerId);
            }
            partners.add(new PartnerView(
                    pp.partnerId,
                    replica == null ? null : replica.name,
                    pp.role,
                    replica == null ? "UNKNOWN" : replica.status,
                    isRetired));
        }
        List<FinancingSource> financing = p.financing.stream()
                .map(f -> new FinancingSource(f.kind, f.name, f.amount))
                .toList();
        BigDecimal total = p.financingTotal();
        return new ProjectView(
                p.id,
                p.title,
                p.summary,
                List.copyOf(new TreeSet<>(p.themeIds)),
                p.measureId,
                p.cooperationAreaId,
                p.lead,
                List.copyOf(new TreeSet<>(p.shareholders)),
                partners,
                retired,
                p.plannedStart,
                p.plannedEnd,
                financing,
                total,
                p.status,
                p.effort,
                p.impact,
                p.monthsToStart,
                p.fundingSecured,
                p.quickWin,
                p.createdAt,
                p.updatedAt,
                p.version,
                List.copyOf(p.status.manualNext()));
    }

    private PartnerReplica replica(UUID partnerId) {
        return em.find(PartnerReplica.class, partnerId);
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
