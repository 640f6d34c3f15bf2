package de.kielregion.kooperation.projects.partner;

import de.kielregion.kooperation.contracts.partners.PartnerChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What projects-service knows of a partner, kept from cooperation.partners.v1. */
@Entity
@Table(name = "partner_replica")
public class PartnerReplica {

    @Id
    public UUID id;

    public String name;

    public String type;

    public String country;

    public String status;

    /** CITY, TOWN or RURAL (EU degree of urbanisation); null when partners-service has none. */
    public String urbanisation;

    /** The region or district the partner belongs to (measure 4's roll-up). */
    @Column(name = "parent_region_id")
    public UUID parentRegionId;

    /** The partner's version in partners-service: older events do not overwrite newer state. */
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    protected PartnerReplica() {}

    public PartnerReplica(UUID id) {
        this.id = id;
    }

    /** Takes the partner's state unless it is older than the one kept; whether it changed. */
    public boolean apply(PartnerChanged changed) {
        if (version > changed.version()) {
            return false; // an older state arriving late
        }
        name = changed.name();
        type = changed.type();
        country = changed.country();
        status = changed.status() == null ? "ACTIVE" : changed.status();
        urbanisation = changed.urbanisation();
        parentRegionId = changed.parentRegionId();
        version = changed.version();
        updatedAt = Instant.now();
        return true;
    }

    /** The partner was retired (the event carries no version: the kept one stays). */
    public void retire() {
        status = "RETIRED";
        updatedAt = Instant.now();
    }
}
