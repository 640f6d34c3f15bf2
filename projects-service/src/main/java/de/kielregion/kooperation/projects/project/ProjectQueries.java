package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.cache.SnapshotCache;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.SearchText;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.projects.partner.InterestReplica;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.ThemeView;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What is read of projects: a project, its participants, the filtered and sorted list (a page of
 * it cached until the database changes) and the full list for exports. The commands are {@link
 * ProjectService}'s.
 */
@ApplicationScoped
public class ProjectQueries {

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

    /** Exports read their rows this many at a time (one array parameter each). */
    private static final int EXPORT_CHUNK = 1_000;

    private final EntityManager em;
    private final SnapshotCache cache;
    private final StrategyService strategy;
    private final ProjectViews views;

    ProjectQueries(EntityManager em, SnapshotCache cache, StrategyService strategy, ProjectViews views) {
        this.em = em;
        this.cache = cache;
        this.strategy = strategy;
        this.views = views;
    }

    @Transactional
    public Page<ProjectView> list(ProjectFilter f, PageQuery paging) {
        if ("-quickWin".equals(paging.sort())) {
            throw ProblemException.refusal("project.quick-win-sorted-best-first")
                    .badRequest();
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
                paging.sort(),
                paging.after());
        // The page's ids, then its rows and all they show in one query (no entity hydrated).
        return cache.get(key, () -> query(f).page(em, paging, SORTABLE, "title", views::byIds));
    }

    /** Every project matching the filters, sorted as asked (default: title), for exports. */
    @Transactional
    public List<ProjectView> all(ProjectFilter f, PageQuery sorting) {
        if ("-quickWin".equals(sorting.sort())) {
            throw ProblemException.refusal("project.quick-win-sorted-best-first")
                    .badRequest();
        }
        List<Object> ids = query(f).ids(em, sorting, SORTABLE, "title");
        List<ProjectView> all = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += EXPORT_CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + EXPORT_CHUNK));
            Map<Object, ProjectView> byId = views.byIds(chunk);
            chunk.stream().map(byId::get).filter(Objects::nonNull).forEach(all::add);
        }
        return all;
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
        if (!words.isEmpty() && words.stream().allMatch(w -> w.length() >= 3)) {
            // The trigram index finds the matches: counted beside the page, not walked twice. (A
            // word under three letters has no trigram: the page walks the order's index and stops
            // after its 20, the count, cached per state, walks the table once.)
            query.countInPage();
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
            throw ProblemException.refusal("project.no-interests")
                    .with("shareholder", shareholder)
                    .with("code", shareholder.name())
                    .conflict();
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

    @Transactional
    public ProjectView get(UUID id) {
        return views.of(find(id));
    }

    /** The shareholders taking part in a project; a 404 for an unknown one. */
    @Transactional
    public Set<Shareholder> participants(UUID id) {
        return Set.copyOf(find(id).shareholders);
    }

    /** The caller may write for the project ({@link Project#requireWriter}); 404 for an unknown one. */
    @Transactional
    public void requireWriter(UUID id, de.kielregion.kooperation.platform.security.Caller caller, String refusal) {
        find(id).requireWriter(caller, refusal);
    }

    public Project find(UUID id) {
        Project p = em.find(Project.class, id);
        if (p == null) {
            throw ProblemException.notFound("Project", id);
        }
        return p;
    }
}
