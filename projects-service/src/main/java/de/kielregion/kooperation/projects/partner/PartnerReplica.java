package de.kielregion.kooperation.projects.partner;

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
}
