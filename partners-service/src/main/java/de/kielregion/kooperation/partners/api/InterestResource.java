package de.kielregion.kooperation.partners.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.partners.interest.InterestApi.InterestRequest;
import de.kielregion.kooperation.partners.interest.InterestApi.InterestView;
import de.kielregion.kooperation.partners.interest.InterestService;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.security.Shareholders;
import de.kielregion.kooperation.platform.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/shareholders/{shareholder}/interests")
@Tag(
        name = "Shareholder interests",
        description = "The themes and geographies each shareholder cares about; the potential analysis and the"
                + " quick-win list can be narrowed to them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InterestResource {

    private final InterestService interests;

    InterestResource(InterestService interests) {
        this.interests = interests;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getShareholderInterests",
            summary = "A shareholder's interests",
            description = "404 while it has recorded none. Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<InterestView> get(@PathParam("shareholder") String shareholder) {
        InterestView view = interests.get(Shareholders.fromPath(shareholder));
        return Responses.versioned(view, view.version());
    }

    @PUT
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "setShareholderInterests",
            summary = "Record or change a shareholder's interests",
            description = "The whole state: themes (names, matched ignoring case and accents), countries (ISO codes)"
                    + " and regions (partner ids; a region counts with the partners that belong to it). A change"
                    + " needs the current version (If-Match or version). Publishes ShareholderInterestsChanged."
                    + " Roles: coordinator, admin; a shareholder only its own.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<InterestView> put(
            @PathParam("shareholder") String shareholder,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull InterestRequest request) {
        InterestView view = interests.put(Shareholders.fromPath(shareholder), request, ifMatch);
        return Responses.versioned(view, view.version());
    }
}
