package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.projects.calendar.CalendarApi.FeedRequest;
import de.kielregion.kooperation.projects.calendar.CalendarApi.FeedView;
import de.kielregion.kooperation.projects.calendar.CalendarService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/calendar")
@Tag(
        name = "Calendar",
        description = "Deadlines, next steps and revisit dates as calendar feeds (iCalendar) to subscribe to")
@Idempotent
public class CalendarResource {

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @POST
    @Path("/feeds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "createCalendarFeed",
            summary = "Create a calendar feed",
            description = "Answers the feed's address with its secret token, once (only its hash is kept): subscribe"
                    + " to it in Outlook or Thunderbird. It shows what the creator's roles may read (a shareholder's"
                    + " staff: their shareholder's projects and memberships). Roles: every role.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<FeedView> create(@Valid @NotNull FeedRequest request) {
        FeedView view = calendars.create(request);
        return Responses.created("/calendar/feeds/" + view.id(), view);
    }

    @GET
    @Path("/feeds")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listCalendarFeeds",
            summary = "My calendar feeds",
            description = "Without their tokens. Roles: every role.")
    public List<FeedView> mine() {
        return calendars.mine();
    }

    @DELETE
    @Path("/feeds/{id}")
    // Nothing to answer but a refusal: a client that accepts only problem+json (as generated
    // clients of this document do) is answered too, not refused with 406.
    @Produces({MediaType.APPLICATION_JSON, de.kielregion.kooperation.platform.problem.Problem.MEDIA_TYPE})
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "revokeCalendarFeed",
            summary = "Revoke a calendar feed",
            description = "Its address answers 404 from now on; another person's feed is a 404 (an admin may revoke"
                    + " any). Roles: every role.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") UUID id) {
        calendars.revoke(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{token}.ics")
    @Produces("text/calendar")
    @PermitAll
    @SecurityRequirements
    @Extension(
            name = "x-public",
            value = "the secret token in the address is the permission (calendar clients cannot log in)")
    @Operation(
            operationId = "getCalendar",
            summary = "A calendar feed (iCalendar, RFC 5545)",
            description = "For calendar clients, which cannot log in: the secret token in the address is the"
                    + " permission; an unknown or revoked one is a 404. Roles: none (the token).")
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    public Response ics(@PathParam("token") String token) {
        return Response.ok(
                        calendars.ics(token, LocalDate.now(ZoneId.of("Europe/Berlin"))), "text/calendar; charset=UTF-8")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }
}
