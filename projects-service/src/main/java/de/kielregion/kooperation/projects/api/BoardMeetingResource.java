package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.attachments.Attachments.AttachmentView;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.projects.meeting.BoardMeetings;
import de.kielregion.kooperation.projects.meeting.MeetingApi.Candidate;
import de.kielregion.kooperation.projects.meeting.MeetingApi.ItemRequest;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MeetingDetail;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MeetingRequest;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MeetingView;
import de.kielregion.kooperation.projects.meeting.MeetingApi.OrderRequest;
import de.kielregion.kooperation.projects.meeting.MeetingPapers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/board-meetings")
@Tag(
        name = "Board meetings",
        description = "Meetings of the deciding bodies: agenda from the subjects waiting for a decision, decision"
                + " papers, invitation, minutes, the decisions taken in them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class BoardMeetingResource {

    private final BoardMeetings meetings;
    private final MeetingPapers papers;

    BoardMeetingResource(BoardMeetings meetings, MeetingPapers papers) {
        this.meetings = meetings;
        this.papers = papers;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listBoardMeetings",
            summary = "The meetings from a day on",
            description = "From today on (or from the day given), soonest first. Roles: every role.")
    public List<MeetingView> upcoming(
            @QueryParam("from") @Parameter(description = "The first day, e.g. 2026-01-01; default today")
                    LocalDate from) {
        return meetings.upcoming(from == null ? LocalDate.now(Wording.ZONE) : from);
    }

    @POST
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "planBoardMeeting",
            summary = "Plan a meeting of a deciding body",
            description = "The open questions are reminded of before it (reminders.lead-days.BOARD_MEETING_QUESTIONS,"
                    + " 14 and 3 days by default), to the decision-makers and coordinators. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<MeetingView> plan(@Valid @NotNull MeetingRequest request) {
        MeetingView view = meetings.plan(request);
        return Responses.created("/board-meetings/" + view.id(), view);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getBoardMeeting",
            summary = "A meeting with its agenda",
            description = "The agenda in its order, the items moved to other meetings, the minutes and the decisions"
                    + " taken in it. Roles: every role.")
    public MeetingDetail get(@PathParam("id") UUID id) {
        return meetings.detail(id);
    }

    @GET
    @Path("agenda-candidates")
    @RolesAllowed({COORDINATOR, ADMIN, DECISION_MAKER})
    @Operation(
            operationId = "listAgendaCandidates",
            summary = "What waits for a decision and is on no coming agenda",
            description = "Projects proposed, memberships under consideration (memberships-service's), open"
                    + " questions, postponed decisions of every service (focus partners among them), the strategy"
                    + " when it has no adopted version or changed since. Roles: coordinator, admin, decision-maker.")
    public List<Candidate> candidates() {
        return meetings.candidates();
    }

    @POST
    @Path("{id}/agenda/pending")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "addPendingToAgenda",
            summary = "Put everything that waits for a decision on the agenda",
            description = "Every agenda candidate not yet on a coming agenda joins this one, at its end. 409 once the"
                    + " meeting's day has passed. Roles: coordinator, admin.")
    public MeetingDetail addPending(@PathParam("id") UUID id) {
        return meetings.addPending(id);
    }

    @POST
    @Path("{id}/agenda")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "addAgendaItem",
            summary = "Put an item on the agenda by hand",
            description = "A subject by its id (its name is the title unless one is given; 400 for one that does not"
                    + " exist), the strategy, or a free item (OTHER) with a title. A subject is on an agenda once"
                    + " (409); 409 once the meeting's day has passed. Roles: coordinator, admin.")
    public MeetingDetail addItem(@PathParam("id") UUID id, @Valid @NotNull ItemRequest request) {
        return meetings.addItem(id, request);
    }

    @PUT
    @Path("{id}/agenda/order")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "reorderAgenda",
            summary = "Put the agenda in a new order",
            description = "Every item on the agenda, each once (400 otherwise); 409 once the meeting's day has passed."
                    + " Roles: coordinator, admin.")
    public MeetingDetail reorder(@PathParam("id") UUID id, @Valid @NotNull OrderRequest request) {
        return meetings.reorder(id, request);
    }

    @POST
    @Path("{id}/invitation")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "sendInvitation",
            summary = "Send the invitation",
            description = "A mail to the decision-makers and coordinators (reminders.recipients) with the agenda and"
                    + " where the papers are, retried until the mail server takes it; the calendar feeds show the"
                    + " meeting with its place and agenda. Sent again after the agenda changed, it says so. 409 for"
                    + " an empty agenda or a meeting whose day has passed. Roles: coordinator, admin.")
    public MeetingDetail invite(@PathParam("id") UUID id) {
        return meetings.invite(id);
    }

    @POST
    @Path("{id}/minutes")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "fileMinutes",
            summary = "File the minutes (Protokoll) of a meeting",
            description = "The file as the body (application/octet-stream), its name as filename; the attachment"
                    + " store's rules (at most 10 MiB, the allowed types as detected from the content). From the"
                    + " meeting's day on (409 before). Roles: coordinator, admin.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<AttachmentView> fileMinutes(
            @PathParam("id") UUID id,
            @QueryParam("filename") @Parameter(description = "The file's name, e.g. Protokoll.pdf") String filename,
            byte[] body) {
        AttachmentView view = meetings.fileMinutes(id, filename, body);
        return Responses.created("/attachments/" + view.id(), view);
    }

    @GET
    @Path("{id}/documents/pdf")
    @RequestCost(RequestCost.EXPORT)
    @Produces("application/pdf")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getMeetingDocumentsPdf",
            summary = "The meeting's documents as PDF",
            description = "Invitation, agenda and the decision paper of every item (A4, German). Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The documents as PDF",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response documentsPdf(@PathParam("id") UUID id) {
        return Response.ok(papers.meetingPdf(id), "application/pdf")
                .header("Content-Disposition", Attachments.contentDisposition("sitzungsunterlagen.pdf"))
                .build();
    }

    @GET
    @Path("{id}/documents/markdown")
    @RequestCost(RequestCost.EXPORT)
    @Produces("text/markdown")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getMeetingDocumentsMarkdown",
            summary = "The meeting's documents as Markdown",
            description = "The same content as the PDF. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The documents as Markdown",
            content = @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)))
    public String documentsMarkdown(@PathParam("id") UUID id) {
        return papers.meetingMarkdown(id);
    }
}
