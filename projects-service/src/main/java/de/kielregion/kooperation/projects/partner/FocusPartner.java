package de.kielregion.kooperation.projects.partner;

import de.kielregion.kooperation.contracts.partners.RelationChanged;
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

    protected FocusPartner() {}

    public FocusPartner(UUID relationId) {
        this.relationId = relationId;
    }

    /**
     * Takes the focus-partner relation's state. It keeps no version of its own: it is applied
     * only when its {@link RelationReplica} took the event (a stale one changes neither).
     */
    public boolean apply(RelationChanged relation) {
        partnerId = relation.partnerId();
        shareholder =
                relation.shareholder() == null ? null : relation.shareholder().name();
        since = relation.since();
        active = "ACTIVE".equals(relation.status());
        return true;
    }
}
