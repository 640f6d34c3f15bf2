package de.kielregion.kooperation.partners.relation;

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
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A relation between a shareholder (or KielRegion) and a partner. */
@Entity
@Table(name = "relation")
public class Relation {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Shareholder shareholder;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    public RelationKind kind;

    @Enumerated(EnumType.STRING)
    public RelationStatus status;

    public LocalDate since;

    public LocalDate until;

    @ElementCollection
    @CollectionTable(name = "relation_theme", joinColumns = @JoinColumn(name = "relation_id"))
    @Column(name = "theme")
    public Set<String> themes = new TreeSet<>();

    public String note;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
