package de.kielregion.kooperation.partners.partner;

import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.partners.partner.PartnerApi.ContactRequest;
import de.kielregion.kooperation.partners.partner.PartnerApi.ContactView;
import de.kielregion.kooperation.partners.partner.PartnerApi.PartnerRequest;
import de.kielregion.kooperation.partners.partner.PartnerApi.PartnerView;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The partner directory: register, update, retire, search partners; their contact persons. */
@ApplicationScoped
public class PartnerService {

    public static final Map<String, String> SORTABLE = Map.of(
            "name",
            "p.searchKey",
            "country",
            "p.country",
            "type",
            "p.type",
            "status",
            "p.status",
            "createdAt",
            "p.createdAt",
            "updatedAt",
            "p.updatedAt");

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Audit audit;

    private final SnapshotCache cache;

    PartnerService(EntityManager em, ChangeLog changeLog, Audit audit, SnapshotCache cache) {
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
        this.cache = cache;
    }

    /** A page of the directory; the same page of an unchanged database is the same answer, whoever asks. */
    @Transactional
    public Page<PartnerView> search(PartnerFilter filter, PageQuery paging) {
        String key = SnapshotCache.key(
                "partners",
                filter.q,
                filter.type,
                filter.country,
                filter.theme,
                filter.parentRegionId,
                filter.status,
                filter.urbanisation,
                paging.page(),
                paging.size(),
                paging.sort(),
                paging.after());
        return cache.get(
                key, () -> query(filter).page(em, paging, SORTABLE, "name").map(PartnerView::of));
    }

    /** Every partner matching {@code filter}, sorted by name, for exports. */
    @Transactional
    public List<PartnerView> all(PartnerFilter filter) {
        return query(filter).all(em, new PageQuery(0, 1, null), SORTABLE, "name").stream()
                .map(PartnerView::of)
                .toList();
    }

    private ListQuery<Partner> query(PartnerFilter f) {
        String key = f.q == null || f.q.isBlank() ? null : SearchText.key(f.q);
        String q = key == null ? null : ListQuery.likeContains(key);
        ListQuery<Partner> query = ListQuery.of(Partner.class, "p")
                .where("p.searchKey LIKE :q ESCAPE '\\'", "q", q)
                .where("p.type = :type", "type", f.type())
                .where("p.country = :country", "country", f.country)
                .where(":theme MEMBER OF p.themes", "theme", f.theme)
                .where("p.parentRegionId = :parent", "parent", f.parentRegionId())
                .where("p.urbanisation = :urbanisation", "urbanisation", f.urbanisation())
                .where("p.status = :status", "status", f.status());
        // A search the trigram index answers (three letters or more): counted beside the page, not walked twice.
        return key == null || key.length() < 3 ? query : query.countInPage();
    }

    @Transactional
    public PartnerView get(UUID id) {
        return PartnerView.of(find(id));
    }

    public Partner find(UUID id) {
        Partner partner = em.find(Partner.class, id);
        if (partner == null) {
            throw ProblemException.notFound("Partner", id);
        }
        return partner;
    }

    @Transactional
    public PartnerView register(PartnerRequest request) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.status = PartnerStatus.ACTIVE;
        partner.createdAt = Instant.now();
        apply(partner, request);
        em.persist(partner);
        return changeLog.record(partner.registered(), null, () -> PartnerView.of(partner));
    }

    @Transactional
    public PartnerView update(UUID id, PartnerRequest request, String ifMatch) {
        Partner partner = find(id);
        Versions.requireCurrent(ifMatch, request.version(), partner.version, "Partner " + id);
        PartnerView before = PartnerView.of(partner);
        apply(partner, request);
        Map<String, Object> changes = audit.diff(before, PartnerView.of(partner));
        if (changes.isEmpty()) {
            return before;
        }
        changeLog.record(partner.updated(), changes);
        return PartnerView.of(partner);
    }

    @Transactional
    public PartnerView retire(UUID id, String ifMatch) {
        Partner partner = find(id);
        if (ifMatch != null) {
            Versions.requireCurrent(ifMatch, null, partner.version, "Partner " + id);
        }
        changeLog.record(partner.retire());
        return PartnerView.of(partner);
    }

    /**
     * Checks that every id names a partner; returns them. An unknown one is a 400 on
     * {@code field}, which names the first unknown id.
     */
    public Set<UUID> requireExisting(Collection<UUID> ids, String field) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return wanted;
        }
        if (wanted.contains(null)) {
            throw ProblemException.refusal("partner.ids-contain-null").invalid(field);
        }
        Set<UUID> found = new HashSet<>(em.createQuery("SELECT p.id FROM Partner p WHERE p.id IN :ids", UUID.class)
                .setParameter("ids", wanted)
                .getResultList());
        for (UUID id : wanted) {
            if (!found.contains(id)) {
                throw ProblemException.refusal("partner.unknown")
                        .with("partner", id)
                        .invalid(field);
            }
        }
        return wanted;
    }

    private void apply(Partner partner, PartnerRequest r) {
        partner.name = r.name().trim();
        partner.localName = Texts.trimToNull(r.localName());
        partner.searchKey = SearchText.key(partner.name)
                + (partner.localName == null ? "" : " | " + SearchText.key(partner.localName));
        partner.type = r.type();
        partner.country = r.country();
        partner.nutsCode = Texts.trimToNull(r.nutsCode());
        if (partner.nutsCode != null && !nutsCountry(partner.nutsCode).equals(partner.country)) {
            throw ProblemException.refusal("partner.nuts-code-of-other-country")
                    .with("prefix", partner.nutsCode.substring(0, 2))
                    .with("country", partner.country)
                    .invalid("nutsCode");
        }
        partner.latitude = r.coordinates() == null ? null : r.coordinates().latitude();
        partner.longitude = r.coordinates() == null ? null : r.coordinates().longitude();
        partner.website = Texts.trimToNull(r.website());
        Set<String> themes = new TreeSet<>();
        if (r.themes() != null) {
            r.themes().forEach(t -> themes.add(t.trim()));
        }
        if (!partner.themes.equals(themes)) {
            partner.themes.clear();
            partner.themes.addAll(themes);
        }
        partner.parentRegionId = checkParentRegion(partner, r.parentRegionId());
        partner.urbanisation = r.urbanisation();
        if (partner.updatedAt == null) {
            partner.updatedAt = partner.createdAt;
        }
    }

    private UUID checkParentRegion(Partner partner, UUID parentId) {
        if (parentId == null) {
            return null;
        }
        if (parentId.equals(partner.id)) {
            throw ProblemException.refusal("partner.parent-is-itself").invalid("parentRegionId");
        }
        Partner parent = em.find(Partner.class, parentId);
        if (parent == null) {
            throw ProblemException.refusal("partner.unknown")
                    .with("partner", parentId)
                    .invalid("parentRegionId");
        }
        if (!parent.type.isRegional()) {
            throw ProblemException.refusal("partner.parent-not-regional")
                    .with("parent", parent.name)
                    .with("type", parent.type)
                    .invalid("parentRegionId");
        }
        java.util.Set<UUID> seen = new HashSet<>();
        for (Partner p = parent;
                p != null && p.parentRegionId != null && seen.add(p.id);
                p = em.find(Partner.class, p.parentRegionId)) {
            if (p.parentRegionId.equals(partner.id)) {
                throw ProblemException.refusal("partner.parent-cycle")
                        .with("partner", partner.name)
                        .with("via", p.name)
                        .invalid("parentRegionId");
            }
        }
        return parentId;
    }

    /** The country a NUTS code belongs to (NUTS writes Greece EL and the United Kingdom UK). */
    static String nutsCountry(String nuts) {
        String prefix = nuts.substring(0, 2);
        return switch (prefix) {
            case "EL" -> "GR";
            case "UK" -> "GB";
            default -> prefix;
        };
    }

    // Contact persons: personal data, so audit entries name the fields changed, never values.

    @Transactional
    public List<ContactView> contacts(UUID partnerId) {
        find(partnerId);
        return em
                .createQuery("FROM ContactPerson WHERE partnerId = :p ORDER BY name, id", ContactPerson.class)
                .setParameter("p", partnerId)
                .getResultList()
                .stream()
                .map(ContactView::of)
                .toList();
    }

    @Transactional
    public ContactView addContact(UUID partnerId, ContactRequest request) {
        Partner partner = find(partnerId);
        ContactPerson contact = new ContactPerson();
        contact.id = UUID.randomUUID();
        contact.partnerId = partnerId;
        applyContact(contact, request);
        em.persist(contact);
        changeLog.record(
                Change.historyOnly(partner, "ContactPersonAdded"),
                Map.of("contactId", contact.id, "fields", filledFields(contact)));
        return ContactView.of(contact);
    }

    @Transactional
    public ContactView updateContact(UUID partnerId, UUID contactId, ContactRequest request, String ifMatch) {
        ContactPerson contact = findContact(partnerId, contactId);
        Versions.requireCurrent(ifMatch, request.version(), contact.version, "Contact person " + contactId);
        ContactView before = ContactView.of(contact);
        applyContact(contact, request);
        Set<String> changed = audit.diff(before, ContactView.of(contact)).keySet();
        if (!changed.isEmpty()) {
            changeLog.record(
                    Change.historyOnly(PartnerEvents.PARTNER, partnerId, "ContactPersonUpdated"),
                    Map.of("contactId", contactId, "fields", List.copyOf(changed)));
        }
        return ContactView.of(contact);
    }

    /** Erasure on request: the person's data is deleted; the audit keeps only that it happened. */
    @Transactional
    public void eraseContact(UUID partnerId, UUID contactId) {
        ContactPerson contact = findContact(partnerId, contactId);
        em.remove(contact);
        changeLog.record(
                Change.historyOnly(PartnerEvents.PARTNER, partnerId, "ContactPersonErased"),
                Map.of("contactId", contactId));
    }

    private ContactPerson findContact(UUID partnerId, UUID contactId) {
        ContactPerson contact = em.find(ContactPerson.class, contactId);
        if (contact == null || !contact.partnerId.equals(partnerId)) {
            throw ProblemException.notFound("Contact person", contactId + " of partner " + partnerId);
        }
        return contact;
    }

    private static void applyContact(ContactPerson contact, ContactRequest r) {
        contact.name = r.name().trim();
        contact.role = Texts.trimToNull(r.role());
        contact.email = Texts.trimToNull(r.email());
        contact.phone = Texts.trimToNull(r.phone());
    }

    private static List<String> filledFields(ContactPerson c) {
        List<String> fields = new java.util.ArrayList<>(List.of("name"));
        if (c.role != null) {
            fields.add("role");
        }
        if (c.email != null) {
            fields.add("email");
        }
        if (c.phone != null) {
            fields.add("phone");
        }
        return fields;
    }
}
