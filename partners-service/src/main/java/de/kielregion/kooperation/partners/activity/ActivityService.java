package de.kielregion.kooperation.partners.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.partners.ActivityUpserted;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.partners.activity.ActivityApi.ActivityRequest;
import de.kielregion.kooperation.partners.activity.ActivityApi.ActivityView;
import de.kielregion.kooperation.partners.activity.ActivityApi.BulkResult;
import de.kielregion.kooperation.partners.activity.ActivityApi.Outcome;
import de.kielregion.kooperation.partners.partner.PartnerService;
import de.kielregion.kooperation.platform.audit.Audit;
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
import java.time.Instant;
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
    private final Audit audit;
    private final Caller caller;
    private final PartnerService partners;
    private final ObjectMapper mapper;

    ActivityService(
            EntityManager em,
            ChangeLog changeLog,
            Audit audit,
            Caller caller,
            PartnerService partners,
            ObjectMapper mapper) {
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
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
            throw ProblemException.invalid(
                    "externalId",
                    "is '" + request.externalId() + "' but the URL names '" + externalId
                            + "'; leave it out or make them equal");
        }
        check(request, "");
        partners.requireExisting(partnerIds(request), "partnerIds");
        return apply(
                shareholder,
                externalId,
                request,
                find(shareholder, List.of(externalId)).get(externalId),
                true);
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
                throw ProblemException.invalid(at + ".externalId", "is required in a bulk push");
            }
            if (!seen.add(r.externalId())) {
                throw ProblemException.invalid(
                        at + ".externalId", "'" + r.externalId() + "' appears more than once in this push");
            }
            check(r, at + ".");
            referenced.addAll(partnerIds(r));
        }
        partners.requireExisting(referenced, "activities[].partnerIds");
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        // In chunks, each flushed and cleared: the work stays linear in the number of activities.
        for (int from = 0; from < requests.size(); from += LOOKUP_CHUNK) {
            List<ActivityRequest> chunk = requests.subList(from, Math.min(requests.size(), from + LOOKUP_CHUNK));
            Map<String, Activity> existing = find(
                    shareholder, chunk.stream().map(ActivityRequest::externalId).toList());
            for (ActivityRequest r : chunk) {
                switch (apply(shareholder, r.externalId(), r, existing.get(r.externalId()), false)
                        .outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
            em.flush();
            em.clear();
        }
        return new BulkResult(requests.size(), created, updated, unchanged);
    }

    /**
     * Creates or updates one activity and records its event. Without {@code flush} (bulk), the
     * event carries the version the pending flush will give it: a changed activity is dirty, so
     * its version goes up by exactly one.
     */
    private Upserted apply(
            Shareholder shareholder, String externalId, ActivityRequest r, Activity activity, boolean flush) {
        String hash = hash(r);
        if (activity != null && activity.contentHash.equals(hash)) {
            return new Upserted(ActivityView.of(activity), Outcome.UNCHANGED);
        }
        ActivityView before = activity == null ? null : ActivityView.of(activity);
        Instant now = Instant.now();
        if (activity == null) {
            activity = new Activity();
            activity.id = UUID.randomUUID();
            activity.shareholder = shareholder;
            activity.externalId = externalId;
            activity.createdAt = now;
        }
        activity.title = r.title().trim();
        activity.kind = r.kind();
        activity.yearFrom = r.yearFrom();
        activity.yearTo = r.yearTo();
        activity.link = Texts.trimToNull(r.link());
        activity.partnerIds.clear();
        activity.partnerIds.addAll(partnerIds(r));
        activity.themes.clear();
        activity.themes.addAll(themes(r));
        activity.contentHash = hash;
        activity.updatedAt = now;
        if (before == null) {
            em.persist(activity);
        }
        ActivityView view;
        if (flush) {
            em.flush();
            view = ActivityView.of(activity);
        } else {
            ActivityView pending = ActivityView.of(activity);
            view = before == null
                    ? pending
                    : new ActivityView(
                            pending.id(),
                            pending.shareholder(),
                            pending.externalId(),
                            pending.title(),
                            pending.kind(),
                            pending.yearFrom(),
                            pending.yearTo(),
                            pending.partnerIds(),
                            pending.themes(),
                            pending.link(),
                            pending.createdAt(),
                            pending.updatedAt(),
                            activity.version + 1);
        }
        changeLog.record(
                PartnerEvents.ACTIVITY,
                activity.id,
                before == null ? "ActivityCreated" : "ActivityUpdated",
                audit.diff(before == null ? Map.of() : before, view),
                EventTypes.ACTIVITY_UPSERTED,
                asEvent(view));
        return new Upserted(view, before == null ? Outcome.CREATED : Outcome.UPDATED);
    }

    private static void check(ActivityRequest r, String prefix) {
        if (r.yearTo() != null && r.yearTo() < r.yearFrom()) {
            throw ProblemException.invalid(prefix + "yearTo", "must not be before yearFrom (" + r.yearFrom() + ")");
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

    /** The event payload (contracts) of an activity's state: the API view may change without changing it. */
    private static ActivityUpserted asEvent(ActivityView v) {
        return new ActivityUpserted(
                v.id(),
                v.shareholder(),
                v.externalId(),
                v.title(),
                v.kind().name(),
                v.yearFrom(),
                v.yearTo(),
                v.partnerIds(),
                v.themes(),
                v.link(),
                v.createdAt(),
                v.updatedAt(),
                v.version());
    }
}
