package de.kielregion.kooperation.projects.decision;

import de.kielregion.kooperation.contracts.DecisionBody;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DecisionApi {

    private DecisionApi() {}

    /** What a decision on a project can say; each is also the status the project takes. */
    public enum ProjectOutcome {
        APPROVED,
        APPROVED_WITH_CONDITIONS,
        REJECTED,
        DEFERRED
    }

    @Schema(name = "DecisionOutcome")
    public enum Outcome {
        APPROVED,
        REJECTED
    }

    @Schema(description = "A decision on a PROPOSED project; the project takes the outcome as its status")
    public record ProjectDecisionRequest(
            @NotNull @Schema(example = "SUPERVISORY_BOARD") DecisionBody body,

            @NotNull @PastOrPresent @Schema(example = "2024-11-20")
            LocalDate decidedOn,

            @NotNull @Schema(example = "APPROVED") ProjectOutcome outcome,

            @Size(max = 2000) @Schema(description = "Required for APPROVED_WITH_CONDITIONS")
            String conditions,

            @Size(max = 300) @Schema(example = "AR-Sitzung 2024/4, TOP 7")
            String minutesReference,

            @Schema(
                    description = "Required for DEFERRED, absent otherwise: the day the body takes the project"
                            + " up again (after decidedOn, within five years)",
                    example = "2025-03-19")
            LocalDate revisitOn,

            @Schema(
                    description = "The board meeting (GET /board-meetings) the decision was taken in: of the same body,"
                            + " on its day; its agenda item is marked decided")
            UUID meetingId) {}

    @Schema(description = "The decision that answers an open question")
    public record QuestionDecisionRequest(
            @NotNull DecisionBody body,
            @NotNull @PastOrPresent LocalDate decidedOn,

            @NotBlank @Size(max = 4000) @Schema(example = "KielRegion tritt UBC bei; STRING wird 2026 erneut geprüft")
            String answer,

            @Size(max = 300) String minutesReference,

            @Schema(
                    description = "The board meeting (GET /board-meetings) the decision was taken in: of the same body,"
                            + " on its day; its agenda item is marked decided")
            UUID meetingId) {}

    @Schema(description = "A decision on a measure or on the strategy as a whole, recorded in the register")
    public record GeneralDecisionRequest(
            @NotBlank @Size(max = 100) @Schema(example = "STRATEGY_ADOPTED")
            String kind,

            @NotNull DecisionBody body,
            @NotNull @PastOrPresent LocalDate decidedOn,
            @NotNull Outcome outcome,
            @Size(max = 2000) String conditions,
            @Size(max = 300) String minutesReference,

            @Schema(
                    description = "The board meeting (GET /board-meetings) the decision was taken in: of the same body,"
                            + " on its day; its agenda item is marked decided")
            UUID meetingId) {}

    @Schema(name = "DecisionRegisterEntry")
    public record DecisionView(
            UUID id,
            String service,
            String subjectType,
            UUID subjectId,
            String subjectName,

            @Schema(
                    description =
                            "Where the subject lives: service and path, e.g. memberships-service:/memberships/{id}")
            String subjectLink,

            String kind,
            String body,
            LocalDate decidedOn,
            String outcome,
            String conditions,
            String minutesReference,

            @Schema(description = "A free note on the decision (partner decisions)")
            String note,

            @Schema(description = "The day a DEFERRED decision is taken up again")
            LocalDate revisitOn,

            @Schema(description = "The board meeting it was taken in (GET /board-meetings/{id}), if any")
            UUID meetingId,

            String recordedBy,
            Instant recordedAt) {

        public static DecisionView of(Decision d) {
            return new DecisionView(
                    d.id,
                    d.service,
                    d.subjectType,
                    d.subjectId,
                    d.subjectName,
                    link(d),
                    d.kind,
                    d.body,
                    d.decidedOn,
                    d.outcome,
                    d.conditions,
                    d.minutesReference,
                    d.note,
                    d.revisitOn,
                    d.meetingId,
                    d.recordedBy,
                    d.recordedAt);
        }

        private static String link(Decision d) {
            String path = switch (d.subjectType) {
                case "Partner" -> "/partners/" + d.subjectId;
                case "Membership" -> "/memberships/" + d.subjectId;
                case "Project" -> "/projects/" + d.subjectId;
                case "Measure" -> "/measures/" + d.subjectId;
                case "OpenQuestion" -> "/open-questions?status=RESOLVED";
                case "Strategy" -> "/strategy/overview";
                default -> null;
            };
            return path == null || (d.subjectId == null && path.contains("null")) ? null : d.service + ":" + path;
        }
    }

    @Schema(description = "A postponed decision whose subject has not been decided on again since")
    public record PendingDeferral(
            DecisionView decision,

            @Schema(description = "Whether the day to come back to it has come")
            boolean due) {}

    /** The payload of DecisionTaken, the shape every service publishes. */
}
