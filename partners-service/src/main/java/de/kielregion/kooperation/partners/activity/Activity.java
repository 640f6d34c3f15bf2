package de.kielregion.kooperation.partners.activity;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.partners.ActivityUpserted;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An existing international activity of a shareholder, known by the shareholder's own id. */
@Entity
@Table(name = "activity")
public class Activity implements Aggregate {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Shareholder shareholder;

    @Column(name = "external_id")
    public String externalId;

    public String title;

    @Enumerated(EnumType.STRING)
    public ActivityKind kind;

    @Column(name = "year_from")
    public int yearFrom;

    @Column(name = "year_to")
    public Integer yearTo;

    public String link;

    @ElementCollection
    @CollectionTable(name = "activity_partner", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "partner_id")
    public Set<UUID> partnerIds = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "activity_theme", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "theme")
    public Set<String> themes = new TreeSet<>();

    /** SHA-256 of the normalized content: a repeated push with the same content changes nothing. */
    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** A new activity of a shareholder, known by the shareholder's id for it. */
    public static Activity create(Shareholder shareholder, String externalId) {
        Activity a = new Activity();
        a.id = UUID.randomUUID();
        a.shareholder = shareholder;
        a.externalId = externalId;
        a.createdAt = Instant.now();
        return a;
    }

    /**
     * Takes over the content the shareholder sent (normalized, with its fingerprint); returns the
     * change: created for a new activity, updated otherwise.
     */
    public Change takeOver(
            String title,
            ActivityKind kind,
            int yearFrom,
            Integer yearTo,
            String link,
            Set<UUID> partnerIds,
            Set<String> themes,
            String contentHash) {
        boolean created = updatedAt == null;
        this.title = title;
        this.kind = kind;
        this.yearFrom = yearFrom;
        this.yearTo = yearTo;
        this.link = link;
        this.partnerIds.clear();
        this.partnerIds.addAll(partnerIds);
        this.themes.clear();
        this.themes.addAll(themes);
        this.contentHash = contentHash;
        updatedAt = created ? createdAt : Instant.now();
        return Change.of(
                this, created ? "ActivityCreated" : "ActivityUpdated", EventTypes.ACTIVITY_UPSERTED, this::upserted);
    }

    @Override
    public String aggregateType() {
        return PartnerEvents.ACTIVITY;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /** The event of its current state (contracts): the API view may change without changing it. */
    private ActivityUpserted upserted() {
        return new ActivityUpserted(
                id,
                shareholder,
                externalId,
                title,
                kind.name(),
                yearFrom,
                yearTo,
                List.copyOf(new TreeSet<>(partnerIds)),
                List.copyOf(new TreeSet<>(themes)),
                link,
                createdAt,
                updatedAt,
                version);
    }
}
