package de.kielregion.kooperation.projects.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A focus-partner relation as partners-service reports it (RelationChanged of kind FOCUS_PARTNER). */
@Entity
@Table(name = "focus_partner")
public class FocusPartner {

    @Id
    @Column(name = "relation_id")
    public UUID relationId;

    @Column(name = "partner_id")
    public UUID partnerId;

    public String shareholder;

    public LocalDate since;

    public boolean active;
}
