package de.kielregion.kooperation.projects.meeting;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.platform.attachments.Attachments.AttachmentView;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.meeting.AgendaItem.Status;
import de.kielregion.kooperation.projects.meeting.AgendaItem.Subject;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class MeetingApi {

    private MeetingApi() {}

    @Schema(description = "A meeting of a deciding body to plan")
    public record MeetingRequest(
            @NotNull @Schema(example = "SUPERVISORY_BOARD") DecisionBody body,

            @NotNull @FutureOrPresent @Schema(example = "2027-03-18")
            LocalDate meetsOn,

            @Size(max = 200) @Schema(example = "AR-Sitzung 2027/1")
            String title,

            @Size(max = 200) @Schema(example = "Kiel, Sitzungssaal der KielRegion")
            String place) {}

    public record MeetingView(
            UUID id,
            DecisionBody body,
            LocalDate meetsOn,
            String title,
            String place,

            @Schema(description = "How a person names it: the title, or the body and the day")
            String label,

            @Schema(description = "How often the invitation was sent (0: not yet)")
            int invitations,

            Instant invitedAt,
            boolean minutesFiled,

            @Schema(description = "The items on the agenda (moved ones left out)")
            int items,

            @Schema(description = "Whether the meeting's day has passed (its agenda is then fixed)")
            boolean held,

            long version) {}

    @Schema(name = "AgendaItemView")
    public record ItemView(
            UUID id,

            @Schema(description = "Its number on the agenda (TOP n); moved items count on after the agenda")
            int position,

            Subject subjectType,
            UUID subjectId,
            String title,
            String note,
            Status status,

            @Schema(description = "The meeting it was moved to (MOVED)")
            UUID movedTo,

            String movedToLabel,
            String moveReason,

            @Schema(description = "The decision taken on it in the meeting (DECIDED)")
            UUID decisionId) {}

    @Schema(description = "A meeting with its agenda, the items moved away, the minutes and the decisions taken in it")
    public record MeetingDetail(
            MeetingView meeting,
            List<ItemView> agenda,
            List<ItemView> moved,
            List<AttachmentView> minutes,
            List<DecisionView> decisions) {}

    @Schema(
            name = "AgendaCandidate",
            description = "A subject waiting for a decision and on no agenda of a coming meeting yet")
    public record Candidate(Subject subjectType, UUID subjectId, String title, String reason) {}

    @Schema(description = "An item to put on the agenda by hand")
    public record ItemRequest(
            @NotNull @Schema(example = "PARTNER") Subject subjectType,

            @Schema(
                    description =
                            "The subject (project, membership, partner, open question, measure); none for STRATEGY and OTHER")
            UUID subjectId,

            @Size(max = 400) @Schema(description = "Required for OTHER; else the subject's name is taken")
            String title,

            @Size(max = 4000) String note) {}

    @Schema(description = "The new order of the agenda: every item on it, each once")
    public record OrderRequest(@NotNull @Size(max = 500) List<@NotNull UUID> itemIds) {}

    @Schema(description = "Move an open item to another coming meeting")
    public record MoveRequest(
            @NotNull UUID toMeetingId,

            @Size(max = 1000) @Schema(example = "Unterlagen der Partner stehen noch aus")
            String reason) {}
}
