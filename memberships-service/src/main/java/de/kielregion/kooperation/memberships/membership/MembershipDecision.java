package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.DecisionOutcome;
import de.kielregion.kooperation.contracts.DecisionTaken;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.memberships.MembershipEvents;
import de.kielregion.kooperation.memberships.organisation.Organisation;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded decision on a membership: join, decline or terminate. Never changed. */
@Entity
@Table(name = "membership_decision")
public class MembershipDecision {

    @Schema(name = "MembershipDecisionKind")
    public enum Kind {
        JOIN,
        DECLINE,
        TERMINATE
    }

    @Schema(name = "MembershipDecisionOutcome")
    public enum Outcome {
        APPROVED,
        REJECTED,
        /** Postponed (e.g. "AR vertagt UBC"): the status stays; {@code revisitOn} says when it comes back. */
        DEFERRED
    }

    @Id
    public UUID id;

    @Column(name = "membership_id")
    public UUID membershipId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public DecisionBody body;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String conditions;

    @Column(name = "minutes_ref")
    public String minutesReference;

    /** The day a DEFERRED decision is taken up again; null for the other outcomes. */
    @Column(name = "revisit_on")
    public LocalDate revisitOn;

    /** The board meeting (projects-service's) it was taken in; null when taken outside one. */
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /**
     * The decision has been recorded: the membership's history says so, and every service learns
     * it (keyed by the membership, in order with its events).
     */
    public Change recorded(Membership membership, Organisation organisation) {
        return Change.of(
                        membership,
                        "DecisionRecorded",
                        EventTypes.DECISION_TAKEN,
                        () -> new DecisionTaken(
                                id,
                                "memberships-service",
                                MembershipEvents.MEMBERSHIP,
                                membershipId,
                                Membership.subjectName(organisation.acronym, membership.holder),
                                kind.name(),
                                body,
                                decidedOn,
                                DecisionOutcome.valueOf(outcome.name()),
                                conditions,
                                minutesReference,
                                null,
                                membership.holder,
                                organisation.id,
                                organisation.acronym,
                                revisitOn,
                                meetingId))
                .withHistory(ChangeLog.decision(id, kind, outcome, body, revisitOn));
    }
}
