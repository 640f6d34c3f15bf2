package de.kielregion.kooperation.partners.decision;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.DecisionOutcome;
import de.kielregion.kooperation.contracts.DecisionTaken;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.partners.partner.Partner;
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

/** A recorded decision on a partner: designating or revoking a focus partner. Never changed. */
@Entity
@Table(name = "partner_decision")
public class PartnerDecision {

    @Schema(name = "PartnerDecisionKind")
    public enum Kind {
        DESIGNATE_FOCUS_PARTNER,
        REVOKE_FOCUS_PARTNER
    }

    @Schema(name = "PartnerDecisionOutcome")
    public enum Outcome {
        APPROVED,
        REJECTED,
        /** Postponed (e.g. "AR vertagt"): nothing changes; {@code revisitOn} says when it comes back. */
        DEFERRED
    }

    @Id
    public UUID id;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    public Shareholder shareholder;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public DecisionBody body;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "minutes_ref")
    public String minutesReference;

    public String note;

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
     * The decision has been recorded: the partner's history says so, and every service learns it
     * (keyed by the partner, in order with the partner's events).
     */
    public Change recorded(Partner partner) {
        return Change.of(
                        partner,
                        "DecisionRecorded",
                        EventTypes.DECISION_TAKEN,
                        () -> new DecisionTaken(
                                id,
                                "partners-service",
                                PartnerEvents.PARTNER,
                                partnerId,
                                partner.name,
                                kind.name(),
                                body,
                                decidedOn,
                                DecisionOutcome.valueOf(outcome.name()),
                                null,
                                minutesReference,
                                note,
                                shareholder,
                                null,
                                null,
                                revisitOn,
                                meetingId))
                .withHistory(ChangeLog.decision(id, kind, outcome, body, revisitOn));
    }
}
