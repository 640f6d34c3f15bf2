package de.kielregion.kooperation.partners.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.partners.area.AreaApi.AnalysisRequest;
import de.kielregion.kooperation.partners.area.AreaApi.AnalysisView;
import de.kielregion.kooperation.partners.area.AreaApi.AreaRequest;
import de.kielregion.kooperation.partners.area.AreaApi.AreaView;
import de.kielregion.kooperation.partners.area.AreaService;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.audit.Audit.HistoryEntry;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Params;
import de.kielregion.kooperation.platform.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/cooperation-areas")
@Tag(name = "Cooperation areas", description = "Geographies of cooperation and their potential analysis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class AreaResource {

    private final AreaService areas;
    private final Audit audit;

    AreaResource(AreaService areas, Audit audit) {
        this.areas = areas;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listCooperationAreas",
            summary = "List cooperation areas",
            description = "Filter by part of the name; paged, sorted " + "(name, updatedAt). Roles: every role.")
    public Page<AreaView> list(@QueryParam("q") @Size(max = 200) String q, @Valid @BeanParam PageQuery paging) {
        return areas.list(q, paging);
    }

    @POST
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "createCooperationArea",
            summary = "Create a cooperation area",
            description = "Publishes CooperationAreaChanged. " + "Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<AreaView> create(@Valid @NotNull AreaRequest request) {
        AreaView view = areas.create(request);
        return Responses.created("/cooperation-areas/" + view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getCooperationArea",
            summary = "Read a cooperation area with its members",
            description = "Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<AreaView> get(@PathParam("id") UUID id) {
        AreaView view = areas.get(id);
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "updateCooperationArea",
            summary = "Update a cooperation area",
            description = "The full new state; If-Match or 'version'. "
                    + "Publishes CooperationAreaChanged. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<AreaView> update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AreaRequest request) {
        AreaView view = areas.update(id, request, ifMatch);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getCooperationAreaHistory",
            summary = "A cooperation area's change history",
            description = "Roles: every role.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        areas.get(id);
        return audit.history(PartnerEvents.COOPERATION_AREA, id);
    }

    @GET
    @Path("{id}/potential-analysis")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getPotentialAnalysis",
            summary = "The potential analysis and ranking of an area",
            description = "Each member partner's weighted total, highest first; interestsOf (a shareholder) keeps"
                    + " the members its recorded interests reach (countries, regions, themes) with their places in"
                    + " the whole ranking (409 while it has recorded none). Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<AnalysisView> analysis(
            @PathParam("id") UUID id, @QueryParam("interestsOf") String interestsOf) {
        AnalysisView view = areas.analysis(id, Params.enumOf(Shareholder.class, interestsOf, "interestsOf"));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("{id}/potential-analysis")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "setPotentialAnalysis",
            summary = "Set the criteria, weights and scores of an area's potential analysis",
            description =
                    "Scores are 0 to 5 per member partner and criterion; 'existingTies' may be computed. Replacing an "
                            + "existing analysis needs If-Match or 'version'. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<AnalysisView> saveAnalysis(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AnalysisRequest request) {
        AnalysisView view = areas.saveAnalysis(id, request, ifMatch);
        return Responses.versioned(view, view.version());
    }
}
