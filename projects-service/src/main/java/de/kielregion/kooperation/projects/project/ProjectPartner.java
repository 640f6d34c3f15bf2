package de.kielregion.kooperation.projects.project;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** A partner of a project and its role; the id refers to partners-service (via the replica). */
@Embeddable
public class ProjectPartner {

    @Column(name = "partner_id")
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    public PartnerRole role;

    public ProjectPartner() {}

    public ProjectPartner(UUID partnerId, PartnerRole role) {
        this.partnerId = partnerId;
        this.role = role;
    }
}
