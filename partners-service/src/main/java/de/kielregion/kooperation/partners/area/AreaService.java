package de.kielregion.kooperation.partners.area;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.partners.CooperationAreaChanged;
import de.kielregion.kooperation.partners.area.AreaApi.AnalysisRequest;
import de.kielregion.kooperation.partners.area.AreaApi.AnalysisView;
import de.kielregion.kooperation.partners.area.AreaApi.AreaRequest;
import de.kielregion.kooperation.partners.area.AreaApi.AreaView;
import de.kielregion.kooperation.partners.area.AreaApi.Criterion;
import de.kielregion.kooperation.partners.area.AreaApi.Member;
import de.kielregion.kooperation.partners.area.AreaApi.RankedPartner;
import de.kielregion.kooperation.partners.area.AreaApi.Score;
import de.kielregion.kooperation.partners.interest.InterestService;
import de.kielregion.kooperation.partners.partner.Partner;
import de.kielregion.kooperation.partners.partner.PartnerService;
import de.kielregion.kooperation.partners.relation.RelationStatus;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.json.JsonColumns;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/** Cooperation areas and their potential analyses. */
@ApplicationScoped
public class AreaService {

    private static final Map<String, String> SORTABLE = Map.of("name", "a.name", "updatedAt", "a.updatedAt");

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Audit audit;
    private final PartnerService partners;
    private final ObjectMapper mapper;
    private final InterestService interests;

    AreaService(
            EntityManager em,
            ChangeLog changeLog,
            Audit audit,
            PartnerService partners,
            ObjectMapper mapper,
            InterestService interests) {
        this.interests = interests;
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
        this.partners = partners;
        this.mapper = mapper;
    }

    @Transactional
    public Page<AreaView> list(String q, PageQuery paging) {
        String pattern = q == null || q.isBlank()
                ? null
                : ListQuery.likeContains(q.trim().toLowerCase());
        return ListQuery.of(CooperationArea.class, "a")
                .where("lower(a.name) LIKE :q ESCAPE '\\'", "q", pattern)
                .page(em, paging, SORTABLE, "name")
                .map(this::view);
    }

    @Transactional
    public AreaView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public AreaView create(AreaRequest request) {
        CooperationArea area = new CooperationArea();
        area.id = UUID.randomUUID();
        area.createdAt = Instant.now();
        area.updatedAt = area.createdAt;
        apply(area, request);
        em.persist(area);
        return changeLog.record(area.created(), null, () -> view(area));
    }

    @Transactional
    public AreaView update(UUID id, AreaRequest request, String ifMatch) {
        CooperationArea area = find(id);
        Versions.requireCurrent(ifMatch, request.version(), area.version, "Cooperation area " + id);
        AreaView before = view(area);
        apply(area, request);
        Map<String, Object> changes = audit.diff(before, view(area));
        if (changes.isEmpty()) {
            return before;
        }
        changeLog.record(area.updated(() -> ranking(area)), changes);
        return view(area);
    }

    @Transactional
    public AnalysisView analysis(UUID areaId) {
        CooperationArea area = find(areaId);
        PotentialAnalysis analysis = em.find(PotentialAnalysis.class, areaId);
        if (analysis == null) {
            throw ProblemException.notFound("Potential analysis of cooperation area", area.name);
        }
        return analysisView(area, analysis);
    }

    /**
     * The analysis narrowed to the members a shareholder's interests reach (its countries, regions
     * or themes): their scores and their places in the whole ranking, so a rank still says where
     * the partner stands among all members.
     */
    @Transactional
    public AnalysisView analysis(UUID areaId, Shareholder interestsOf) {
        AnalysisView all = analysis(areaId);
        if (interestsOf == null) {
            return all;
        }
        Predicate<Partner> reached = interests.reaches(interestsOf);
        Set<UUID> kept = new HashSet<>();
        for (RankedPartner r : all.ranking()) {
            Partner p = em.find(Partner.class, r.partnerId());
            if (p != null && reached.test(p)) {
                kept.add(r.partnerId());
            }
        }
        return new AnalysisView(
                all.areaId(),
                all.criteria(),
                all.scores().stream().filter(s -> kept.contains(s.partnerId())).toList(),
                all.ranking().stream().filter(r -> kept.contains(r.partnerId())).toList(),
                all.updatedAt(),
                all.version());
    }

    @Transactional
    public AnalysisView saveAnalysis(UUID areaId, AnalysisRequest request, String ifMatch) {
        CooperationArea area = find(areaId);
        checkAnalysis(area, request);
        PotentialAnalysis analysis = em.find(PotentialAnalysis.class, areaId);
        boolean created = analysis == null;
        if (created) {
            analysis = new PotentialAnalysis();
            analysis.areaId = areaId;
        } else {
            Versions.requireCurrent(
                    ifMatch, request.version(), analysis.version, "The potential analysis of " + area.name);
        }
        analysis.criteria = JsonColumns.write(mapper, request.criteria());
        analysis.scores = JsonColumns.write(mapper, request.scores());
        analysis.updatedAt = Instant.now();
        if (created) {
            em.persist(analysis);
        }
        // The ranking goes out with the area's next version: counted up now, so the event of the
        // analysis wins over the area's events before it.
        em.lock(area, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        PotentialAnalysis saved = analysis;
        changeLog.record(
                area.analysisSaved(created, () -> ranked(analysisView(area, saved))),
                Map.of(
                        "criteria",
                        request.criteria().size(),
                        "scores",
                        request.scores().size()));
        return analysisView(area, analysis);
    }

    private void checkAnalysis(CooperationArea area, AnalysisRequest r) {
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        for (int i = 0; i < r.criteria().size(); i++) {
            Criterion c = r.criteria().get(i);
            if (criteria.put(c.key(), c) != null) {
                throw ProblemException.refusal("analysis.criterion-repeated")
                        .with("key", c.key())
                        .invalid("criteria[" + i + "].key");
            }
            if (c.computed() && !AreaApi.EXISTING_TIES.equals(c.key())) {
                throw ProblemException.refusal("analysis.only-existing-ties-computed")
                        .with("criterion", AreaApi.EXISTING_TIES)
                        .invalid("criteria[" + i + "].computed");
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.scores().size(); i++) {
            Score s = r.scores().get(i);
            Criterion c = criteria.get(s.criterion());
            if (c == null) {
                throw ProblemException.refusal("analysis.criterion-unknown")
                        .with("criterion", s.criterion())
                        .with("criteria", List.copyOf(criteria.keySet()))
                        .invalid("scores[" + i + "].criterion");
            }
            if (c.computed()) {
                throw ProblemException.refusal("analysis.criterion-computed")
                        .with("criterion", s.criterion())
                        .invalid("scores[" + i + "].criterion");
            }
            if (!area.memberIds.contains(s.partnerId())) {
                throw ProblemException.refusal("analysis.partner-not-member")
                        .with("partner", s.partnerId())
                        .with("area", area.name)
                        .invalid("scores[" + i + "].partnerId");
            }
            if (!seen.add(s.partnerId() + "/" + s.criterion())) {
                throw ProblemException.refusal("analysis.partner-scored-twice")
                        .with("partner", s.partnerId())
                        .with("criterion", s.criterion())
                        .invalid("scores[" + i + "]");
            }
        }
    }

    /** The ranking of the area's analysis as the event carries it; null without an analysis. */
    private List<CooperationAreaChanged.Ranked> ranking(CooperationArea area) {
        PotentialAnalysis analysis = em.find(PotentialAnalysis.class, area.id);
        return analysis == null ? null : ranked(analysisView(area, analysis));
    }

    private static List<CooperationAreaChanged.Ranked> ranked(AnalysisView view) {
        return view.ranking().stream()
                .map(r -> new CooperationAreaChanged.Ranked(
                        r.partnerId(), r.partnerName(), r.rank(), r.weightedTotal(), r.complete()))
                .toList();
    }

    private AnalysisView analysisView(CooperationArea area, PotentialAnalysis analysis) {
        List<Criterion> criteria = JsonColumns.read(mapper, analysis.criteria, new TypeReference<List<Criterion>>() {});
        List<Score> scores = JsonColumns.read(mapper, analysis.scores, new TypeReference<List<Score>>() {});
        Map<UUID, String> names = new LinkedHashMap<>();
        members(area).forEach(m -> names.put(m.id(), m.name()));
        return new AnalysisView(
                area.id,
                criteria,
                scores,
                PotentialRanking.rank(criteria, scores, names, existingTies(names.keySet())),
                analysis.updatedAt,
                analysis.version);
    }

    /** Per partner: its active relations with any shareholder plus the shareholder activities naming it. */
    Map<UUID, Long> existingTies(Set<UUID> partnerIds) {
        Map<UUID, Long> ties = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return ties;
        }
        em.createQuery(
                        "SELECT r.partnerId, count(r) FROM Relation r WHERE r.partnerId IN :ids AND r.status = :active "
                                + "GROUP BY r.partnerId",
                        Object[].class)
                .setParameter("ids", partnerIds)
                .setParameter("active", RelationStatus.ACTIVE)
                .getResultList()
                .forEach(row -> ties.merge((UUID) row[0], (Long) row[1], Long::sum));
        em.createQuery(
                        "SELECT p, count(a) FROM Activity a JOIN a.partnerIds p WHERE p IN :ids GROUP BY p",
                        Object[].class)
                .setParameter("ids", partnerIds)
                .getResultList()
                .forEach(row -> ties.merge((UUID) row[0], (Long) row[1], Long::sum));
        return ties;
    }

    private CooperationArea find(UUID id) {
        CooperationArea area = em.find(CooperationArea.class, id);
        if (area == null) {
            throw ProblemException.notFound("Cooperation area", id);
        }
        return area;
    }

    private void apply(CooperationArea area, AreaRequest r) {
        String name = r.name().trim();
        Long taken = em.createQuery(
                        "SELECT count(a) FROM CooperationArea a WHERE lower(a.name) = :n AND a.id <> :id", Long.class)
                .setParameter("n", name.toLowerCase())
                .setParameter("id", area.id)
                .getSingleResult();
        if (taken > 0) {
            throw ProblemException.refusal("area.name-taken").with("name", name).conflict();
        }
        area.name = name;
        area.description = Texts.trimToNull(r.description());
        Set<UUID> members =
                new TreeSet<>(partners.requireExisting(r.memberIds() == null ? List.of() : r.memberIds(), "memberIds"));
        if (!area.memberIds.equals(members)) {
            area.memberIds.clear();
            area.memberIds.addAll(members);
        }
    }

    private List<Member> members(CooperationArea area) {
        if (area.memberIds.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery("FROM Partner p WHERE p.id IN :ids ORDER BY p.searchKey, p.id", Partner.class)
                .setParameter("ids", area.memberIds)
                .getResultList()
                .stream()
                .map(p -> new Member(p.id, p.name, p.type, p.country, p.status))
                .toList();
    }

    private AreaView view(CooperationArea area) {
        return new AreaView(
                area.id, area.name, area.description, members(area), area.createdAt, area.updatedAt, area.version);
    }
}
