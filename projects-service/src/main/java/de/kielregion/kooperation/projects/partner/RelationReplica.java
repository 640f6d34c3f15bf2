package de.kielregion.kooperation.projects.partner;

import de.kielregion.kooperation.contracts.partners.RelationChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A shareholder's relation to a partner as partners-service reported it (RelationChanged); newer versions win. */
@Entity
@Table(name = "relation_replica")
public class RelationReplica {

    @Id
    public UUID id;

    public String shareholder;

    @Column(name = "partner_id")
    public UUID partnerId;

    public String kind;

    public boolean active;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    protected RelationReplica() {}

    public RelationReplica(UUID id) {
        this.id = id;
    }

    /** Takes the relation's state unless it is older than the one kept; whether it changed. */
    public boolean apply(RelationChanged changed) {
        if (version > changed.version()) {
            return false;
        }
        shareholder =
                changed.shareholder() == null ? null : changed.shareholder().name();
        partnerId = changed.partnerId();
        kind = changed.kind() == null ? "UNKNOWN" : changed.kind();
        active = "ACTIVE".equals(changed.status());
        version = changed.version();
        updatedAt = Instant.now();
        return true;
    }
}
