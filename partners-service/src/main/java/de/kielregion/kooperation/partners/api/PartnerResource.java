package de.kielregion.kooperation.partners.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.partners.partner.PartnerApi.ContactRequest;
import de.kielregion.kooperation.partners.partner.PartnerApi.ContactView;
import de.kielregion.kooperation.partners.partner.PartnerApi.PartnerRequest;
import de.kielregion.kooperation.partners.partner.PartnerApi.PartnerView;
import de.kielregion.kooperation.partners.partner.PartnerExports;
import de.kielregion.kooperation.partners.partner.PartnerFilter;
import de.kielregion.kooperation.partners.partner.PartnerService;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.audit.Audit.HistoryEntry;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.platform.xlsx.XlsxExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/partners")
@Tag(name = "Partners", description = "The partner directory: cities, regions, organisations of the Baltic Sea region")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class PartnerResource {

    private final PartnerService partners;
    private final PartnerExports exports;
    private final Audit audit;

    PartnerResource(PartnerService partners, PartnerExports exports, Audit audit) {
        this.partners = partners;
        this.exports = exports;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "searchPartners",
            summary = "Search partners",
            description = "Filter by name (ignoring case and accents), type, "
                    + "country, theme, parent region and status; paged and sorted (name, country, type, status, "
                    + "createdAt, updatedAt). Roles: every role.")
    public Page<PartnerView> search(@Valid @BeanParam PartnerFilter filter, @Valid @BeanParam PageQuery paging) {
        return partners.search(filter, paging);
    }

    @POST
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "registerPartner",
            summary = "Register a partner",
            description = "Publishes PartnerRegistered. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<PartnerView> register(@Valid @NotNull PartnerRequest request) {
        PartnerView view = partners.register(request);
        return Responses.created("/partners/" + view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getPartner",
            summary = "Read a partner",
            description = "The ETag is its version. Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<PartnerView> get(@PathParam("id") UUID id) {
        PartnerView view = partners.get(id);
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "updatePartner",
            summary = "Update a partner",
            description = "The full new state; send If-Match (its ETag) or "
                    + "'version'. Publishes PartnerUpdated when something changed. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<PartnerView> update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PartnerRequest request) {
        PartnerView view = partners.update(id, request, ifMatch);
        return Responses.versioned(view, view.version());
    }

    @POST
    @Path("{id}/retire")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "retirePartner",
            summary = "Retire a partner",
            description =
                    "Partners are never deleted: a retired partner stays "
                            + "referenced by relations and projects, which flag it. Publishes PartnerRetired. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<PartnerView> retire(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PartnerView view = partners.retire(id, ifMatch);
        return Responses.versioned(view, view.version());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getPartnerHistory",
            summary = "A partner's change history",
            description = "Who changed what, when; contact persons "
                    + "appear without their personal data. Roles: every role.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        partners.get(id);
        return audit.history(PartnerEvents.PARTNER, id);
    }

    @GET
    @Path("export/geojson")
    @RequestCost(RequestCost.EXPORT)
    @Produces("application/geo+json")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportPartnersGeoJson",
            summary = "Partners as GeoJSON for maps",
            description = "A FeatureCollection of the partners "
                    + "matching the filters that have coordinates. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "A GeoJSON FeatureCollection (RFC 7946)",
            content =
                    @Content(
                            mediaType = "application/geo+json",
                            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
    public Response geoJson(@Valid @BeanParam PartnerFilter filter) {
        return Response.ok(exports.geoJson(partners.all(filter)))
                .type("application/geo+json")
                .build();
    }

    @GET
    @Path("export/csv")
    @RequestCost(RequestCost.EXPORT)
    @Produces("text/csv")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportPartnersCsv",
            summary = "Partners as CSV",
            description = "The partners matching the filters. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The partners as CSV (UTF-8, comma-separated, with a header row)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@Valid @BeanParam PartnerFilter filter) {
        return Response.ok(exports.csv(partners.all(filter)))
                .header("Content-Disposition", "attachment; filename=\"partners.csv\"")
                .build();
    }

    @GET
    @Path("export/xlsx")
    @RequestCost(RequestCost.EXPORT)
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportPartnersXlsx",
            summary = "Partners as a spreadsheet (XLSX)",
            description = "The partners matching the filters, the columns of the CSV export; no cell is a formula."
                    + " Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The partners as an Excel workbook",
            content =
                    @Content(
                            mediaType = XlsxExport.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(@Valid @BeanParam PartnerFilter filter) {
        return XlsxExport.attachment(exports.xlsx(partners.all(filter)), "partner.xlsx");
    }

    @GET
    @Path("{id}/contacts")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN})
    @Operation(
            operationId = "listContacts",
            summary = "The contact persons of a partner",
            description = "Also the export of their personal " + "data. Roles: viewer, coordinator, admin.")
    public List<ContactView> contacts(@PathParam("id") UUID id) {
        return partners.contacts(id);
    }

    @POST
    @Path("{id}/contacts")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(operationId = "addContact", summary = "Add a contact person", description = "Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<ContactView> addContact(@PathParam("id") UUID id, @Valid @NotNull ContactRequest request) {
        ContactView view = partners.addContact(id, request);
        return Responses.created("/partners/" + id + "/contacts/" + view.id(), view, view.version());
    }

    @PUT
    @Path("{id}/contacts/{contactId}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "updateContact",
            summary = "Update a contact person",
            description = "Send If-Match or 'version'. Roles: coordinator, admin.")
    public ContactView updateContact(
            @PathParam("id") UUID id,
            @PathParam("contactId") UUID contactId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ContactRequest request) {
        return partners.updateContact(id, contactId, request, ifMatch);
    }

    @DELETE
    @Path("{id}/contacts/{contactId}")
    // Nothing to answer but a refusal: a client that accepts only problem+json (as generated
    // clients of this document do) is answered too, not refused with 406.
    @Produces({MediaType.APPLICATION_JSON, de.kielregion.kooperation.platform.problem.Problem.MEDIA_TYPE})
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "eraseContact",
            summary = "Erase a contact person",
            description = "Deletes the person's data on request; the "
                    + "history keeps only that an erasure happened. Roles: coordinator, admin.")
    public void eraseContact(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
        partners.eraseContact(id, contactId);
    }
}
