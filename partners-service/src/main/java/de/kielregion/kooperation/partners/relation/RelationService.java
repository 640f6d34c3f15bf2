package de.kielregion.kooperation.partners.relation;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.partners.partner.PartnerService;
import de.kielregion.kooperation.partners.relation.RelationApi.RelationRequest;
import de.kielregion.kooperation.partners.relation.RelationApi.RelationView;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Relations between shareholders and partners; shareholders write only their own. */
@ApplicationScoped
public class RelationService {

    public static final Map<String, String> SORTABLE = Map.of(
            "shareholder",
            "r.shareholder",
            "kind",
            "r.kind",
            "status",
            "r.status",
            "since",
            "r.since",
            "updatedAt",
            "r.updatedAt");

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Audit audit;
    private final Caller caller;
    private final PartnerService partners;

    RelationService(EntityManager em, ChangeLog changeLog, Audit audit, Caller caller, PartnerService partners) {
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
        this.caller = caller;
        this.partners = partners;
    }

    @Transactional
    public Page<RelationView> search(RelationFilter f, PageQuery paging) {
        return query(f).page(em, paging, SORTABLE, "shareholder,kind").map(RelationView::of);
    }

    @Transactional
    public List<RelationView> all(RelationFilter f) {
        return query(f).all(em, new PageQuery(0, 1, null), SORTABLE, "shareholder,kind").stream()
                .map(RelationView::of)
                .toList();
    }

    private ListQuery<Relation> query(RelationFilter f) {
        return ListQuery.of(Relation.class, "r")
                .where("r.shareholder = :shareholder", "shareholder", f.shareholder())
                .where("r.partnerId = :partner", "partner", f.partnerId())
                .where("r.kind = :kind", "kind", f.kind())
                .where("r.status = :status", "status", f.status());
    }

    @Transactional
    public RelationView get(UUID id) {
        return RelationView.of(find(id));
    }

    private Relation find(UUID id) {
        Relation relation = em.find(Relation.class, id);
        if (relation == null) {
            throw ProblemException.notFound("Relation", id);
        }
        return relation;
    }

    @Transactional
    public RelationView create(RelationRequest request) {
        caller.requireMayWriteFor(request.shareholder());
        rejectFocusPartner(request);
        Relation relation = new Relation();
        relation.id = UUID.randomUUID();
        relation.createdAt = Instant.now();
        apply(relation, request);
        em.persist(relation);
        return changeLog.record(relation.created(), null, () -> RelationView.of(relation));
    }

    @Transactional
    public RelationView update(UUID id, RelationRequest request, String ifMatch) {
        Relation relation = find(id);
        caller.requireMayWriteFor(relation.shareholder);
        caller.requireMayWriteFor(request.shareholder());
        Versions.requireCurrent(ifMatch, request.version(), relation.version, "Relation " + id);
        if (relation.kind == RelationKind.FOCUS_PARTNER || request.kind() == RelationKind.FOCUS_PARTNER) {
            if (relation.kind != request.kind()
                    || relation.status != request.status()
                    || !relation.partnerId.equals(request.partnerId())
                    || relation.shareholder != request.shareholder()) {
                throw ProblemException.refusal("relation.focus-partner-by-decision-only")
                        .with("partner", relation.partnerId)
                        .conflict();
            }
        }
        RelationView before = RelationView.of(relation);
        apply(relation, request);
        Map<String, Object> changes = audit.diff(before, RelationView.of(relation));
        if (changes.isEmpty()) {
            return before;
        }
        changeLog.record(relation.updated(), changes);
        return RelationView.of(relation);
    }

    /**
     * The effect of an approved focus-partner decision: creates or reactivates the focus
     * relation (designate) or ends it (revoke). Called in the decision's transaction.
     */
    public RelationView applyFocusDecision(
            Shareholder shareholder, UUID partnerId, boolean designate, LocalDate decidedOn) {
        Relation relation = em.createQuery(
                        "FROM Relation WHERE shareholder = :s AND partnerId = :p AND kind = :k", Relation.class)
                .setParameter("s", shareholder)
                .setParameter("p", partnerId)
                .setParameter("k", RelationKind.FOCUS_PARTNER)
                .getResultStream()
                .findFirst()
                .orElse(null);
        RelationView before = relation == null ? null : RelationView.of(relation);
        boolean fresh = relation == null;
        if (fresh) {
            relation = Relation.focusPartner(shareholder, partnerId);
        }
        Change change = designate
                ? relation.designateFocus(decidedOn)
                : relation.revokeFocus(decidedOn); // a fresh one is not active: 409, nothing persisted
        if (fresh) {
            em.persist(relation);
        }
        Relation recorded = relation;
        return changeLog.record(change, before, () -> RelationView.of(recorded));
    }

    private static void rejectFocusPartner(RelationRequest r) {
        if (r.kind() == RelationKind.FOCUS_PARTNER) {
            throw ProblemException.refusal("relation.focus-partner-kind-by-decision-only")
                    .with("partner", r.partnerId())
                    .invalid("kind");
        }
    }

    private void apply(Relation relation, RelationRequest r) {
        partners.requireExisting(List.of(r.partnerId()), "partnerId");
        if (r.since() != null && r.until() != null && r.until().isBefore(r.since())) {
            throw ProblemException.refusal("relation.until-before-since")
                    .with("since", r.since())
                    .invalid("until");
        }
        boolean keyChanged = relation.shareholder != r.shareholder()
                || !r.partnerId().equals(relation.partnerId)
                || relation.kind != r.kind();
        if (keyChanged) {
            Long taken = em.createQuery(
                            "SELECT count(r) FROM Relation r WHERE r.shareholder = :s AND r.partnerId = :p "
                                    + "AND r.kind = :k AND r.id <> :id",
                            Long.class)
                    .setParameter("s", r.shareholder())
                    .setParameter("p", r.partnerId())
                    .setParameter("k", r.kind())
                    .setParameter("id", relation.id)
                    .getSingleResult();
            if (taken > 0) {
                throw ProblemException.refusal("relation.exists")
                        .with("shareholder", r.shareholder())
                        .with("kind", r.kind())
                        .with("partner", r.partnerId())
                        .conflict();
            }
        }
        relation.shareholder = r.shareholder();
        relation.partnerId = r.partnerId();
        relation.kind = r.kind();
        relation.status = r.status();
        relation.since = r.since();
        relation.until = r.until();
        Set<String> themes = new TreeSet<>();
        if (r.themes() != null) {
            r.themes().forEach(t -> themes.add(t.trim()));
        }
        if (!relation.themes.equals(themes)) {
            relation.themes.clear();
            relation.themes.addAll(themes);
        }
        relation.note = Texts.trimToNull(r.note());
        if (relation.updatedAt == null) {
            relation.updatedAt = relation.createdAt;
        }
    }
}
