package de.kielregion.kooperation.partners.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Read model: a project a partner takes part in, as projects-service reported it. */
@Entity
@Table(name = "partner_engagement")
@IdClass(Engagement.Key.class)
public class Engagement {

    public record Key(UUID partnerId, UUID projectId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "project_title")
    public String projectTitle;

    public String role;

    public String status;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
