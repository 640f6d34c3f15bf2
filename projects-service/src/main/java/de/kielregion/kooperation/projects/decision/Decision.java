package de.kielregion.kooperation.projects.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An entry of the decision register. Never changed. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    public UUID id;

    /** Which service took it (this one, or another one reported through events). */
    public String service;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "subject_name")
    public String subjectName;

    public String kind;

    public String body;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    public String outcome;

    public String conditions;

    @Column(name = "minutes_ref")
    public String minutesReference;

    /** A free note on the decision (partner decisions), else null. */
    public String note;

    /** The organisation (acronym) of a membership decision, else null. */
    public String organisation;

    /** The day a DEFERRED decision is taken up again; null for the other outcomes. */
    @Column(name = "revisit_on")
    public LocalDate revisitOn;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
