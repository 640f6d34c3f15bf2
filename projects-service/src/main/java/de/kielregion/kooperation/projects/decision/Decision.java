package de.kielregion.kooperation.projects.decision;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.DecisionOutcome;
import de.kielregion.kooperation.contracts.DecisionTaken;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
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

    /** The board meeting it was taken in; null when taken outside one. */
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /**
     * The decision this service took has been recorded: the subject's history says so (keyed by
     * the decision itself when it has no subject, e.g. one on the strategy), and every service
     * learns it.
     */
    public Change recorded() {
        String key = subjectId == null ? id.toString() : subjectId.toString();
        return new Change(
                subjectType,
                key,
                "DecisionRecorded",
                EventTypes.DECISION_TAKEN,
                subjectType,
                key,
                () -> new DecisionTaken(
                        id,
                        service,
                        subjectType,
                        subjectId,
                        subjectName,
                        kind,
                        DecisionBody.valueOf(body),
                        decidedOn,
                        DecisionOutcome.valueOf(outcome),
                        conditions,
                        minutesReference,
                        null,
                        null,
                        null,
                        null,
                        revisitOn,
                        meetingId),
                ChangeLog.decision(id, kind, outcome, body, revisitOn));
    }
}
