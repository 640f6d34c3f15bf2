package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.projects.meeting.BoardMeetings;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MeetingDetail;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MoveRequest;
import de.kielregion.kooperation.projects.meeting.MeetingPapers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/agenda-items")
@Tag(name = "Board meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class AgendaItemResource {

    private final BoardMeetings meetings;
    private final MeetingPapers papers;

    AgendaItemResource(BoardMeetings meetings, MeetingPapers papers) {
        this.meetings = meetings;
        this.papers = papers;
    }

    @POST
    @Path("{id}/move")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "moveAgendaItem",
            summary = "Move an item to another meeting",
            description = "An open item moves to the end of another coming meeting's agenda; here it stays as moved,"
                    + " with where and why (the deferral is in both meetings' history). 409 for an item decided or"
                    + " moved before, or a meeting whose day has passed; 400 for the same meeting. Returns the"
                    + " meeting it left. Roles: coordinator, admin.")
    public MeetingDetail move(@PathParam("id") UUID id, @Valid @NotNull MoveRequest request) {
        return meetings.move(id, request);
    }

    @GET
    @Path("{id}/paper/pdf")
    @RequestCost(RequestCost.EXPORT)
    @Produces("application/pdf")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getDecisionPaperPdf",
            summary = "The decision paper (Beschlussvorlage) of an item as PDF",
            description = "For a project its profile, financing and co-financing, budget and goals; for a membership"
                    + " the fee per year, term, notice period and working groups; for a focus partner its data, the"
                    + " shareholders' relations and shared projects; for the strategy what changed since the adopted"
                    + " version; earlier decisions on the subject; the proposal, or the decision once taken (A4,"
                    + " German). Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The paper as PDF",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response paperPdf(@PathParam("id") UUID id) {
        return Response.ok(papers.paperPdf(id), "application/pdf")
                .header("Content-Disposition", Attachments.contentDisposition("beschlussvorlage.pdf"))
                .build();
    }

    @GET
    @Path("{id}/paper/markdown")
    @Produces("text/markdown")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getDecisionPaperMarkdown",
            summary = "The decision paper of an item as Markdown",
            description = "The same content as the PDF. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The paper as Markdown",
            content = @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)))
    public String paperMarkdown(@PathParam("id") UUID id) {
        return papers.paperMarkdown(id);
    }
}
