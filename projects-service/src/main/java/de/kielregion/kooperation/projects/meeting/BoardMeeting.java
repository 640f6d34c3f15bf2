package de.kielregion.kooperation.projects.meeting;

import de.kielregion.kooperation.contracts.DecisionBody;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A meeting of a deciding body (e.g. the supervisory board): before it, the open questions are reminded of. */
@Entity
@Table(name = "board_meeting")
public class BoardMeeting {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public DecisionBody body;

    @Column(name = "meets_on")
    public LocalDate meetsOn;

    public String title;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
