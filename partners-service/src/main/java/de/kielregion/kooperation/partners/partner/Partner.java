package de.kielregion.kooperation.partners.partner;

import de.kielregion.kooperation.contracts.partners.PartnerRetired;
import de.kielregion.kooperation.platform.problem.ProblemException;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A partner organisation or territory of KielRegion's cooperation. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    public UUID id;

    public String name;

    @Column(name = "local_name")
    public String localName;

    /** Lower-case, accent-free name and local name, for search. */
    @Column(name = "search_key")
    public String searchKey;

    @Enumerated(EnumType.STRING)
    public PartnerType type;

    public String country;

    @Column(name = "nuts_code")
    public String nutsCode;

    public BigDecimal latitude;

    public BigDecimal longitude;

    public String website;

    @ElementCollection
    @CollectionTable(name = "partner_theme", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "theme")
    public Set<String> themes = new TreeSet<>();

    @Column(name = "parent_region_id")
    public UUID parentRegionId;

    /** The degree of urbanisation of its territory; null when not classified (e.g. a whole region). */
    @Enumerated(EnumType.STRING)
    public Urbanisation urbanisation;

    @Enumerated(EnumType.STRING)
    public PartnerStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Retires the partner: it stays in the register and in the projects it is part of (flagged
     * there) but joins no new one. Retiring a retired partner is a 409. Returns the event that
     * tells the other services.
     */
    public PartnerRetired retire() {
        if (status == PartnerStatus.RETIRED) {
            throw ProblemException.conflict("Partner " + name + " is already retired");
        }
        status = PartnerStatus.RETIRED;
        updatedAt = Instant.now();
        return new PartnerRetired(id, name, status.name(), updatedAt);
    }
}
