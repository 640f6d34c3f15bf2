package de.kielregion.kooperation.projects.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff or money from a budget line for a project or a membership. */
@Entity
@Table(name = "allocation")
public class Allocation {

    @Schema(name = "AllocationStatus")
    public enum Status {
        REQUESTED,
        ALLOCATED,
        REJECTED,
        RELEASED
    }

    public enum SubjectType {
        PROJECT,
        MEMBERSHIP
    }

    @Id
    public UUID id;

    /** Null when the request named a line that does not exist (then it is REJECTED). */
    @Column(name = "line_id")
    public UUID lineId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "subject_name")
    public String subjectName;

    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    /** The id of the ResourcesRequested event this answers: a redelivered request is answered once. */
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
