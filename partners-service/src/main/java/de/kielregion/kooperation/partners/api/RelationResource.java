package de.kielregion.kooperation.partners.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.partners.relation.RelationApi.RelationRequest;
import de.kielregion.kooperation.partners.relation.RelationApi.RelationView;
import de.kielregion.kooperation.partners.relation.RelationFilter;
import de.kielregion.kooperation.partners.relation.RelationService;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.audit.Audit.HistoryEntry;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/relations")
@Tag(name = "Relations", description = "Ties between the shareholders (and KielRegion) and partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class RelationResource {

    @JsonPropertyOrder({"id", "shareholder", "partnerId", "kind", "status", "since", "until", "themes", "note"})
    public record RelationRow(
            String id,
            String shareholder,
            String partnerId,
            String kind,
            String status,
            String since,
            String until,
            String themes,
            String note) {}

    // Quote a value only where CSV needs it (separator, quote, line break).

    private final RelationService relations;
    private final Audit audit;

    RelationResource(RelationService relations, Audit audit) {
        this.relations = relations;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listRelations",
            summary = "List relations",
            description = "Filter by shareholder, partner, kind, status; paged, "
                    + "sorted (shareholder, kind, status, since, updatedAt). Roles: every role.")
    public Page<RelationView> search(@BeanParam RelationFilter filter, @Valid @BeanParam PageQuery paging) {
        return relations.search(filter, paging);
    }

    @POST
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "createRelation",
            summary = "Create a relation",
            description =
                    "Publishes RelationChanged. Roles: coordinator, admin; "
                            + "shareholder for its own relations only (403 otherwise). FOCUS_PARTNER is set only by a decision.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<RelationView> create(@Valid @NotNull RelationRequest request) {
        RelationView view = relations.create(request);
        return Responses.created("/relations/" + view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(operationId = "getRelation", summary = "Read a relation", description = "Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<RelationView> get(@PathParam("id") UUID id) {
        RelationView view = relations.get(id);
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "updateRelation",
            summary = "Update a relation",
            description = "The full new state; If-Match or 'version'. "
                    + "Publishes RelationChanged. Roles: coordinator, admin; shareholder for its own relations only.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<RelationView> update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RelationRequest request) {
        RelationView view = relations.update(id, request, ifMatch);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getRelationHistory",
            summary = "A relation's change history",
            description = "Roles: every role.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        relations.get(id);
        return audit.history(PartnerEvents.RELATION, id);
    }

    @GET
    @Path("export/csv")
    @RequestCost(RequestCost.EXPORT)
    @Produces("text/csv")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportRelationsCsv",
            summary = "Relations as CSV",
            description = "The relations matching the filters. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The relations as CSV (UTF-8, comma-separated, with a header row)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@BeanParam RelationFilter filter) throws JsonProcessingException {
        List<RelationRow> rows = relations.all(filter).stream()
                .map(r -> new RelationRow(
                        r.id().toString(),
                        r.shareholder().name(),
                        r.partnerId().toString(),
                        r.kind().name(),
                        r.status().name(),
                        r.since() == null ? null : r.since().toString(),
                        r.until() == null ? null : r.until().toString(),
                        String.join("; ", r.themes()),
                        r.note()))
                .toList();
        return Response.ok(de.kielregion.kooperation.platform.csv.CsvExport.write(RelationRow.class, rows))
                .header("Content-Disposition", "attachment; filename=\"relations.csv\"")
                .build();
    }
}
