package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.projects.meeting.BoardMeetings;
import de.kielregion.kooperation.projects.meeting.BoardMeetings.MeetingRequest;
import de.kielregion.kooperation.projects.meeting.BoardMeetings.MeetingView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/board-meetings")
@Tag(
        name = "Board meetings",
        description = "Meetings of the deciding bodies; before each, the open questions are reminded of")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class BoardMeetingResource {

    private final BoardMeetings meetings;

    BoardMeetingResource(BoardMeetings meetings) {
        this.meetings = meetings;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listBoardMeetings",
            summary = "The coming meetings",
            description = "From today on, soonest first. Roles: every role.")
    public List<MeetingView> upcoming() {
        return meetings.upcoming(LocalDate.now(Wording.ZONE));
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
}
