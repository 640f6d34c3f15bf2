package de.kielregion.kooperation.memberships.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.memberships.MembershipEvents;
import de.kielregion.kooperation.memberships.organisation.OrganisationApi.OrganisationRequest;
import de.kielregion.kooperation.memberships.organisation.OrganisationApi.OrganisationView;
import de.kielregion.kooperation.memberships.organisation.OrganisationKind;
import de.kielregion.kooperation.memberships.organisation.OrganisationService;
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

@Path("/organisations")
@Tag(name = "Organisations", description = "Networks and associations of the Baltic Sea region (STRING, UBC, ...)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class OrganisationResource {

    private final OrganisationService organisations;
    private final Audit audit;

    OrganisationResource(OrganisationService organisations, Audit audit) {
        this.organisations = organisations;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listOrganisations",
            summary = "List organisations",
            description = "Filter by part of name or acronym and kind; paged, "
                    + "sorted (name, acronym, updatedAt). Roles: every role.")
    public Page<OrganisationView> list(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("kind") String kind,
            @Valid @BeanParam PageQuery paging) {
        return organisations.list(q, Params.enumOf(OrganisationKind.class, kind, "kind"), paging);
    }

    @POST
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "registerOrganisation",
            summary = "Register an organisation",
            description = "Publishes OrganisationRegistered. " + "Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<OrganisationView> register(@Valid @NotNull OrganisationRequest request) {
        OrganisationView view = organisations.register(request);
        return Responses.created("/organisations/" + view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(operationId = "getOrganisation", summary = "Read an organisation", description = "Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<OrganisationView> get(@PathParam("id") UUID id) {
        OrganisationView view = organisations.get(id);
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "updateOrganisation",
            summary = "Update an organisation",
            description = "The full new state; If-Match or 'version'. "
                    + "Publishes OrganisationUpdated. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<OrganisationView> update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OrganisationRequest request) {
        OrganisationView view = organisations.update(id, request, ifMatch);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getOrganisationHistory",
            summary = "An organisation's change history",
            description = "Roles: every role.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        organisations.get(id);
        return audit.history(MembershipEvents.ORGANISATION, id);
    }
}
