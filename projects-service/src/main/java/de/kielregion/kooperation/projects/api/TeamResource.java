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
import de.kielregion.kooperation.projects.team.TeamApi.AssignmentRequest;
import de.kielregion.kooperation.projects.team.TeamApi.AssignmentView;
import de.kielregion.kooperation.projects.team.TeamApi.MemberRequest;
import de.kielregion.kooperation.projects.team.TeamApi.MemberView;
import de.kielregion.kooperation.projects.team.TeamApi.TeamView;
import de.kielregion.kooperation.projects.team.TeamApi.YearCapacity;
import de.kielregion.kooperation.projects.team.TeamService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/team")
@Tag(
        name = "Team",
        description = "KielRegion's international team: people, capacity per year, who works on what, against the"
                + " STAFF budget line")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class TeamResource {

    private final TeamService team;

    TeamResource(TeamService team) {
        this.team = team;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getTeam",
            summary = "The team in a year",
            description = "Its people with their capacity, what they are assigned and what is free; the STAFF line of"
                    + " the year, the staff allocated from it to projects and what of that no person is assigned to yet."
                    + " Roles: every role.")
    public TeamView team(
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "default: this year") Integer year) {
        return team.team(year == null ? LocalDate.now(Wording.ZONE).getYear() : year);
    }

    @POST
    @Path("members")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "addTeamMember",
            summary = "A person joins the team",
            description = "With the capacity per year (FTE; a year once, 400 otherwise). Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<MemberView> add(@Valid @NotNull MemberRequest request) {
        MemberView view = team.add(request);
        return Responses.created("/team?year=" + LocalDate.now(Wording.ZONE).getYear(), view);
    }

    @PUT
    @Path("members/{id}/capacity")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "setTeamCapacity",
            summary = "A person's capacity in a year",
            description = "Never below what the person is assigned that year (409). Roles: coordinator, admin.")
    public MemberView capacity(@PathParam("id") UUID id, @Valid @NotNull YearCapacity request) {
        return team.setCapacity(id, request);
    }

    @POST
    @Path("assignments")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "assignTeamMember",
            summary = "A person works on a project or a membership in a year",
            description = "A share of FTE: what the person is assigned that year never exceeds their capacity, and a"
                    + " project's people never more than the staff allocated to it that year (both 409, in the caller's"
                    + " language; racing assignments are checked one after the other); once per person, subject and"
                    + " year (409). Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<AssignmentView> assign(@Valid @NotNull AssignmentRequest request) {
        AssignmentView view = team.assign(request);
        return Responses.created("/team?year=" + view.year(), view);
    }

    @DELETE
    @Path("assignments/{id}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "endTeamAssignment",
            summary = "End an assignment",
            description = "The person's history keeps it. Roles: coordinator, admin.")
    public void unassign(@PathParam("id") UUID id) {
        team.unassign(id);
    }
}
