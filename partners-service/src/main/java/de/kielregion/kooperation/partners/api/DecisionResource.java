package de.kielregion.kooperation.partners.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.partners.decision.DecisionApi.DecisionRequest;
import de.kielregion.kooperation.partners.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.partners.decision.DecisionService;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Responses;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/partners/{id}/decisions")
@Tag(name = "Decisions on partners", description = "Focus partners are designated and revoked by recorded decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class DecisionResource {

    private final DecisionService decisions;

    DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listPartnerDecisions",
            summary = "The decisions on a partner",
            description = "Oldest first. Roles: every role.")
    public List<DecisionView> list(@PathParam("id") UUID partnerId) {
        return decisions.list(partnerId);
    }

    @POST
    @RolesAllowed({DECISION_MAKER, ADMIN})
    @Operation(
            operationId = "decideOnPartner",
            summary = "Record a decision on a partner",
            description = "An APPROVED DESIGNATE_FOCUS_PARTNER makes "
                    + "the partner a focus partner of the shareholder (default KIELREGION); an APPROVED REVOKE_FOCUS_PARTNER "
                    + "ends that. Publishes DecisionTaken (and RelationChanged). Roles: decision-maker, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<DecisionView> record(@PathParam("id") UUID partnerId, @Valid @NotNull DecisionRequest request) {
        DecisionView view = decisions.record(partnerId, request);
        return Responses.created("/partners/" + partnerId + "/decisions/" + view.id(), view);
    }
}
