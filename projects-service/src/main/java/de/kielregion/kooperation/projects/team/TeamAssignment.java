package de.kielregion.kooperation.projects.team;

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

/** A person's share of FTE in a year for a project or a membership. Part of its {@link TeamMember}. */
@Entity
@Table(name = "team_assignment")
public class TeamAssignment {

    @Schema(name = "AssignmentSubject")
    public enum Subject {
        PROJECT,
        MEMBERSHIP
    }

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public Subject subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "subject_name")
    public String subjectName;

    public int year;

    public BigDecimal fte;

    public String note;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
