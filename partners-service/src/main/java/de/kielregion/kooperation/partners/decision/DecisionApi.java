package de.kielregion.kooperation.partners.decision;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.partners.decision.PartnerDecision.Kind;
import de.kielregion.kooperation.partners.decision.PartnerDecision.Outcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DecisionApi {

    private DecisionApi() {}

    @Schema(
            name = "PartnerDecisionRequest",
            description = "A decision on a partner as taken by a body; an APPROVED one takes effect at once")
    public record DecisionRequest(
            @NotNull @Schema(example = "DESIGNATE_FOCUS_PARTNER")
            Kind kind,

            @Schema(description = "Whose focus partner; default KIELREGION", example = "KIELREGION")
            Shareholder shareholder,

            @NotNull @Schema(example = "SUPERVISORY_BOARD") DecisionBody body,

            @NotNull @PastOrPresent @Schema(example = "2024-11-20")
            LocalDate decidedOn,

            @NotNull @Schema(example = "APPROVED") Outcome outcome,

            @Size(max = 300) @Schema(example = "AR-Sitzung 2024/4, TOP 5")
            String minutesReference,

            @Size(max = 2000) String note,

            @Schema(
                    description = "Required for a DEFERRED decision, absent otherwise: the day the body takes it"
                            + " up again (after decidedOn, within five years)",
                    example = "2025-03-19")
            LocalDate revisitOn,

            @Schema(
                    description =
                            "The board meeting (projects-service's /board-meetings/{id}) the decision was taken in;"
                                    + " its agenda item is marked decided and the decision register shows the meeting")
            UUID meetingId) {}

    @Schema(name = "PartnerDecisionView")
    public record DecisionView(
            UUID id,
            UUID partnerId,
            Shareholder shareholder,
            Kind kind,
            DecisionBody body,
            LocalDate decidedOn,
            Outcome outcome,
            String minutesReference,
            String note,
            LocalDate revisitOn,

            @Schema(description = "The board meeting the decision was taken in, if any")
            UUID meetingId,

            String recordedBy,
            Instant recordedAt) {

        static DecisionView of(PartnerDecision d) {
            return new DecisionView(
                    d.id,
                    d.partnerId,
                    d.shareholder,
                    d.kind,
                    d.body,
                    d.decidedOn,
                    d.outcome,
                    d.minutesReference,
                    d.note,
                    d.revisitOn,
                    d.meetingId,
                    d.recordedBy,
                    d.recordedAt);
        }
    }

    /**
     * The payload of DecisionTaken, in the shape every service publishes it (the decision
     * register in projects-service reads it).
     */
}
