package de.kielregion.kooperation.partners.activity;

import de.kielregion.kooperation.contracts.Shareholder;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An existing international activity of a shareholder, known by the shareholder's own id. */
@Entity
@Table(name = "activity")
public class Activity {

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
}
