package de.kielregion.kooperation.partners.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.partners.activity.ActivityApi;
import de.kielregion.kooperation.partners.activity.ActivityApi.ActivityRequest;
import de.kielregion.kooperation.partners.activity.ActivityApi.ActivityView;
import de.kielregion.kooperation.partners.activity.ActivityApi.BulkRequest;
import de.kielregion.kooperation.partners.activity.ActivityApi.BulkResult;
import de.kielregion.kooperation.partners.activity.ActivityApi.Outcome;
import de.kielregion.kooperation.partners.activity.ActivityKind;
import de.kielregion.kooperation.partners.activity.ActivityService;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.security.Shareholders;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Params;
import de.kielregion.kooperation.platform.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/shareholders/{shareholder}/activities")
@Tag(
        name = "Shareholder activities",
        description = "The existing international activities of Kiel, "
                + "Rendsburg-Eckernförde and Plön, pushed by their IT systems with their own ids")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ActivityResource {

    private final ActivityService activities;

    ActivityResource(ActivityService activities) {
        this.activities = activities;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listActivities",
            summary = "List a shareholder's activities",
            description = "Filter by theme and kind; paged, sorted "
                    + "(externalId, title, yearFrom, updatedAt). Roles: every role.")
    public Page<ActivityView> list(
            @PathParam("shareholder") String shareholder,
            @QueryParam("theme") @Size(max = 100) String theme,
            @QueryParam("kind") String kind,
            @Valid @BeanParam PageQuery paging) {
        return activities.list(
                Shareholders.fromPath(shareholder), theme, Params.enumOf(ActivityKind.class, kind, "kind"), paging);
    }

    @GET
    @Path("{externalId}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getActivity",
            summary = "Read an activity by the shareholder's id",
            description = "Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<ActivityView> get(
            @PathParam("shareholder") String shareholder, @PathParam("externalId") String externalId) {
        ActivityView view = activities.get(Shareholders.fromPath(shareholder), externalId);
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("{externalId}")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "putActivity",
            summary = "Create or update an activity by the shareholder's id",
            description = "Idempotent: "
                    + "repeating the same push changes nothing and publishes nothing (200); a new one is 201; a changed one "
                    + "200 and ActivityUpserted. Roles: coordinator, admin; shareholder for its own activities only.")
    @APIResponse(
            responseCode = "200",
            description = "Unchanged or updated (X-Outcome says which)",
            content = @Content(schema = @Schema(implementation = ActivityView.class)),
            headers = {
                @Header(
                        name = "ETag",
                        description = "The activity's version",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "X-Outcome",
                        description = "UNCHANGED or UPDATED",
                        schema = @Schema(implementation = Outcome.class))
            })
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ActivityView.class)),
            headers = {
                @Header(
                        name = "Location",
                        description = "The activity's address",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "ETag",
                        description = "The activity's version",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "X-Outcome", description = "CREATED", schema = @Schema(implementation = Outcome.class))
            })
    public RestResponse<ActivityView> upsert(
            @PathParam("shareholder") String shareholder,
            @PathParam("externalId")
                    @Pattern(regexp = ActivityApi.EXTERNAL_ID, message = "{ostsee.partners.external-id}")
                    String externalId,
            @Valid @NotNull ActivityRequest request) {
        ActivityService.Upserted result = activities.upsert(Shareholders.fromPath(shareholder), externalId, request);
        RestResponse<ActivityView> response = result.outcome() == Outcome.CREATED
                ? Responses.created(
                        "/shareholders/" + shareholder + "/activities/" + externalId,
                        result.view(),
                        result.view().version())
                : Responses.versioned(result.view(), result.view().version());
        return RestResponse.ResponseBuilder.fromResponse(response)
                .header("X-Outcome", result.outcome().name())
                .build();
    }

    @POST
    @Path("bulk")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "pushActivities",
            summary = "Create or update many activities at once",
            description = "Up to " + ActivityApi.MAX_BULK
                    + " activities in one transaction: if any is invalid, none is stored and the 400 names it. Unchanged "
                    + "ones publish nothing. Roles: coordinator, admin; shareholder for its own activities only.")
    public BulkResult bulk(@PathParam("shareholder") String shareholder, @Valid @NotNull BulkRequest request) {
        return activities.upsertAll(Shareholders.fromPath(shareholder), request.activities());
    }
}
