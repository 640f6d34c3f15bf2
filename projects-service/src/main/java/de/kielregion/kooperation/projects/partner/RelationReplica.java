package de.kielregion.kooperation.projects.partner;

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
}
