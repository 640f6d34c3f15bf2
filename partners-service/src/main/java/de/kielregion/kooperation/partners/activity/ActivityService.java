package de.kielregion.kooperation.partners.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.partners.activity.ActivityApi.ActivityRequest;
import de.kielregion.kooperation.partners.activity.ActivityApi.ActivityView;
import de.kielregion.kooperation.partners.activity.ActivityApi.BulkResult;
import de.kielregion.kooperation.partners.activity.ActivityApi.Outcome;
import de.kielregion.kooperation.partners.partner.PartnerService;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The shareholders' existing activities, pushed by their IT systems with their own ids.
 * An upsert whose content equals what is stored changes nothing and publishes nothing.
 */
@ApplicationScoped
public class ActivityService {

    public static final Map<String, String> SORTABLE = Map.of(
            "externalId", "a.externalId", "title", "a.title", "yearFrom", "a.yearFrom", "updatedAt", "a.updatedAt");

    private static final int LOOKUP_CHUNK = 1_000;

    /** The outcome of one upsert. */
    public record Upserted(ActivityView view, Outcome outcome) {}

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final PartnerService partners;
    private final ObjectMapper mapper;

    ActivityService(
            EntityManager em, ChangeLog changeLog, Caller caller, PartnerService partners, ObjectMapper mapper) {
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.partners = partners;
        this.mapper = mapper;
    }

    @Transactional
    public Page<ActivityView> list(Shareholder shareholder, String theme, ActivityKind kind, PageQuery paging) {
        return ListQuery.of(Activity.class, "a")
                .where("a.shareholder = :s", "s", shareholder)
                .where(":theme MEMBER OF a.themes", "theme", theme)
                .where("a.kind = :kind", "kind", kind)
                .page(em, paging, SORTABLE, "externalId")
                .map(ActivityView::of);
    }

    @Transactional
    public ActivityView get(Shareholder shareholder, String externalId) {
        Activity activity = find(shareholder, List.of(externalId)).get(externalId);
        if (activity == null) {
            throw ProblemException.notFound("Activity", "'" + externalId + "' of " + shareholder);
        }
        return ActivityView.of(activity);
    }

    @Transactional
    public Upserted upsert(Shareholder shareholder, String externalId, ActivityRequest request) {
        caller.requireMayWriteFor(shareholder);
        if (request.externalId() != null && !request.externalId().equals(externalId)) {
            throw ProblemException.refusal("activity.external-id-mismatch")
                    .with("given", request.externalId())
                    .with("path", externalId)
                    .invalid("externalId");
        }
        check(request, "");
        partners.requireExisting(partnerIds(request), "partnerIds");
        Applied applied = apply(
                shareholder,
                externalId,
                request,
                find(shareholder, List.of(externalId)).get(externalId));
        if (applied.pending() == null) {
            return new Upserted(ActivityView.of(applied.activity()), Outcome.UNCHANGED);
        }
        Change change = applied.pending().change();
        ActivityView view =
                changeLog.record(change, applied.pending().before(), () -> ActivityView.of(applied.activity()));
        return new Upserted(view, applied.outcome());
    }

    /** Upserts all activities in one transaction: any invalid one and nothing is stored. */
    @Transactional
    public BulkResult upsertAll(Shareholder shareholder, List<ActivityRequest> requests) {
        caller.requireMayWriteFor(shareholder);
        Set<String> seen = new HashSet<>();
        Set<UUID> referenced = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            ActivityRequest r = requests.get(i);
            String at = "activities[" + i + "]";
            if (r.externalId() == null) {
                throw ProblemException.refusal("activity.external-id-required-in-bulk")
                        .invalid(at + ".externalId");
            }
            if (!seen.add(r.externalId())) {
                throw ProblemException.refusal("activity.external-id-repeated")
                        .with("externalId", r.externalId())
                        .invalid(at + ".externalId");
            }
            check(r, at + ".");
            referenced.addAll(partnerIds(r));
        }
        partners.requireExisting(referenced, "activities[].partnerIds");
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        // In chunks, each recorded with one flush and then cleared (the change log has written it
        // through): the work stays linear in the number of activities.
        for (int from = 0; from < requests.size(); from += LOOKUP_CHUNK) {
            List<ActivityRequest> chunk = requests.subList(from, Math.min(requests.size(), from + LOOKUP_CHUNK));
            Map<String, Activity> existing = find(
                    shareholder, chunk.stream().map(ActivityRequest::externalId).toList());
            List<ChangeLog.Pending> changes = new ArrayList<>();
            for (ActivityRequest r : chunk) {
                Applied applied = apply(shareholder, r.externalId(), r, existing.get(r.externalId()));
                switch (applied.outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
                if (applied.pending() != null) {
                    changes.add(applied.pending());
                }
            }
            changeLog.recordAll(changes);
            em.clear();
        }
        return new BulkResult(requests.size(), created, updated, unchanged);
    }

    /** An activity after a push: its outcome and, unless unchanged, the change to record. */
    private record Applied(Activity activity, Outcome outcome, ChangeLog.Pending pending) {}

    /** Creates or updates one activity; a content equal to the stored one changes nothing. */
    private Applied apply(Shareholder shareholder, String externalId, ActivityRequest r, Activity activity) {
        String hash = hash(r);
        if (activity != null && activity.contentHash.equals(hash)) {
            return new Applied(activity, Outcome.UNCHANGED, null);
        }
        ActivityView before = activity == null ? null : ActivityView.of(activity);
        Activity target = activity == null ? Activity.create(shareholder, externalId) : activity;
        Change change = target.takeOver(
                r.title().trim(),
                r.kind(),
                r.yearFrom(),
                r.yearTo(),
                Texts.trimToNull(r.link()),
                partnerIds(r),
                themes(r),
                hash);
        if (before == null) {
            em.persist(target);
        }
        return new Applied(
                target,
                before == null ? Outcome.CREATED : Outcome.UPDATED,
                new ChangeLog.Pending(change, before, () -> ActivityView.of(target)));
    }

    private static void check(ActivityRequest r, String prefix) {
        if (r.yearTo() != null && r.yearTo() < r.yearFrom()) {
            throw ProblemException.refusal("activity.year-to-before-year-from")
                    .with("yearFrom", String.valueOf(r.yearFrom())) // a year, not a number: no thousands separator
                    .invalid(prefix + "yearTo");
        }
    }

    private Map<String, Activity> find(Shareholder shareholder, List<String> externalIds) {
        Map<String, Activity> found = new HashMap<>();
        for (int from = 0; from < externalIds.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + LOOKUP_CHUNK));
            em.createQuery("FROM Activity WHERE shareholder = :s AND externalId IN :ids", Activity.class)
                    .setParameter("s", shareholder)
                    .setParameter("ids", chunk)
                    .getResultStream()
                    .forEach(a -> found.put(a.externalId, a));
        }
        return found;
    }

    private static Set<UUID> partnerIds(ActivityRequest r) {
        return r.partnerIds() == null
                ? Set.of()
                : new TreeSet<>(r.partnerIds().stream()
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    private static Set<String> themes(ActivityRequest r) {
        Set<String> themes = new TreeSet<>();
        if (r.themes() != null) {
            r.themes().forEach(t -> themes.add(t.trim()));
        }
        return themes;
    }

    /** The content's fingerprint: normalized (trimmed, sorted sets), without the external id. */
    private String hash(ActivityRequest r) {
        Map<String, Object> content = new java.util.LinkedHashMap<>();
        content.put("title", r.title().trim());
        content.put("kind", r.kind());
        content.put("yearFrom", r.yearFrom());
        content.put("yearTo", r.yearTo());
        content.put("partnerIds", partnerIds(r));
        content.put("themes", themes(r));
        content.put("link", Texts.trimToNull(r.link()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint an activity", e);
        }
    }
}
