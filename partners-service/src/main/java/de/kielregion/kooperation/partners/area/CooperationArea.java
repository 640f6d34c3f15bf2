package de.kielregion.kooperation.partners.area;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A geography of cooperation, e.g. "Korridor Hamburg–Oslo", with its member partners and regions. */
@Entity
@Table(name = "cooperation_area")
public class CooperationArea {

    @Id
    public UUID id;

    public String name;

    public String description;

    @ElementCollection
    @CollectionTable(name = "cooperation_area_member", joinColumns = @JoinColumn(name = "area_id"))
    @Column(name = "partner_id")
    public Set<UUID> memberIds = new TreeSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
