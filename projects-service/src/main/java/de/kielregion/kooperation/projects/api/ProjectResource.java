package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.attachments.Attachments.AttachmentView;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.audit.Audit.HistoryEntry;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.platform.xlsx.XlsxExport;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.budget.BudgetApi.AllocationRequest;
import de.kielregion.kooperation.projects.budget.BudgetApi.AllocationView;
import de.kielregion.kooperation.projects.budget.BudgetService;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionApi.ProjectDecisionRequest;
import de.kielregion.kooperation.projects.decision.DecisionService;
import de.kielregion.kooperation.projects.overview.Spreadsheets;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectRequest;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import de.kielregion.kooperation.projects.project.ProjectApi.StatusChange;
import de.kielregion.kooperation.projects.project.ProjectQueries;
import de.kielregion.kooperation.projects.project.ProjectService;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/projects")
@Tag(name = "Projects", description = "Concrete cooperation projects, their lifecycle, decisions and resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ProjectResource {

    private final ProjectService projects;
    private final ProjectQueries queries;
    private final DecisionService decisions;
    private final BudgetService budget;
    private final Audit audit;
    private final Attachments attachments;
    private final Caller caller;

    ProjectResource(
            ProjectService projects,
            ProjectQueries queries,
            DecisionService decisions,
            BudgetService budget,
            Audit audit,
            Attachments attachments,
            Caller caller) {
        this.projects = projects;
        this.queries = queries;
        this.decisions = decisions;
        this.budget = budget;
        this.audit = audit;
        this.attachments = attachments;
        this.caller = caller;
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "attachToProject",
            summary = "Attach a file to a project",
            description = "The file as the body (application/octet-stream), its name as filename. At most"
                    + " attachments.max-bytes (10 MiB); PDF, PNG, JPEG, plain text, Word, Excel, PowerPoint or"
                    + " OpenDocument as detected from the content (a renamed file is refused). Roles: coordinator,"
                    + " admin; a shareholder for projects it takes part in.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<AttachmentView> attachToProject(
            @PathParam("id") UUID id,
            @QueryParam("filename") @Parameter(description = "The file's name, e.g. Antrag.pdf") String filename,
            byte[] body) {
        queries.requireWriter(id, caller, "attachment.shareholder-not-participating");
        AttachmentView view = attachments.attach(ProjectEvents.PROJECT, id, filename, body);
        return Responses.created("/attachments/" + view.id(), view);
    }

    @GET
    @Path("{id}/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listProjectAttachments",
            summary = "A project's attachments",
            description = "Oldest first, without their content. Roles: every role.")
    public List<AttachmentView> projectAttachments(@PathParam("id") UUID id) {
        queries.participants(id); // 404 for an unknown project
        return attachments.of(ProjectEvents.PROJECT, id);
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listProjects",
            summary = "List projects",
            description = "Filter by status, theme, measure, participating shareholder, "
                    + "partner, text (q: every word in title or summary, ignoring case and accents), the country of"
                    + " a partner and a shareholder's interests (interestsOf); paged; sort by title, status, plannedStart, updatedAt or quickWin (best quick wins first, "
                    + "measure 2). Roles: every role.")
    public Page<ProjectView> list(@Valid @BeanParam ProjectFilterParams filter, @Valid @BeanParam PageQuery paging) {
        return queries.list(filter.filter(), paging);
    }

    @GET
    @Path("export/xlsx")
    @RequestCost(RequestCost.EXPORT)
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportProjectsXlsx",
            summary = "Projects as a spreadsheet (XLSX)",
            description = "Every project matching the list's filters, in the list's order (sort); quick-win score,"
                    + " inputs, shareholders, partners, dates and financing as number and date cells; no cell is a"
                    + " formula. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The projects as an Excel workbook",
            content =
                    @Content(
                            mediaType = XlsxExport.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(
            @Valid @BeanParam ProjectFilterParams filter, @QueryParam("sort") @Size(max = 100) String sort) {
        return XlsxExport.attachment(
                Spreadsheets.projects(queries.all(filter.filter(), new PageQuery(0, 1, sort))), "projekte.xlsx");
    }

    @POST
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "proposeProject",
            summary = "Propose a project (status IDEA)",
            description = "Partners must be known from partners-service "
                    + "and not retired. Publishes ProjectProposed. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<ProjectView> propose(@Valid @NotNull ProjectRequest request) {
        ProjectView view = projects.propose(request);
        return Responses.created("/projects/" + view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getProject",
            summary = "Read a project",
            description =
                    "With its partners (retired ones flagged), financing and " + "quick-win score. Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<ProjectView> get(@PathParam("id") UUID id) {
        ProjectView view = queries.get(id);
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "updateProject",
            summary = "Update a project",
            description = "The full new state; If-Match or 'version'. Publishes "
                    + "ProjectUpdated. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<ProjectView> update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProjectRequest request) {
        ProjectView view = projects.update(id, request, ifMatch);
        return Responses.versioned(view, view.version());
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "changeProjectStatus",
            summary = "Move a project along its lifecycle by hand",
            description = "IDEA → PROPOSED, RESOURCED → "
                    + "IN_PROGRESS → COMPLETED, DEFERRED → PROPOSED, or CANCELLED; an illegal move is a 409 naming the allowed "
                    + "ones. Publishes ProjectStatusChanged. Roles: coordinator, admin.")
    public ProjectView changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return projects.changeStatus(id, change.status(), change.version());
    }

    @POST
    @Path("{id}/decisions")
    @RolesAllowed({DECISION_MAKER, ADMIN})
    @Operation(
            operationId = "decideOnProject",
            summary = "Decide on a proposed project",
            description = "APPROVED, APPROVED_WITH_CONDITIONS, REJECTED or "
                    + "DEFERRED becomes the project's status; publishes DecisionTaken and ProjectStatusChanged in one "
                    + "transaction. Roles: decision-maker, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<DecisionView> decide(@PathParam("id") UUID id, @Valid @NotNull ProjectDecisionRequest request) {
        DecisionView view = decisions.decideProject(id, request);
        return Responses.created("/decisions/" + view.id(), view);
    }

    @GET
    @Path("{id}/allocations")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listProjectAllocations",
            summary = "The allocations of a project",
            description = "Roles: every role.")
    public List<AllocationView> allocations(@PathParam("id") UUID id) {
        queries.get(id);
        return budget.allocations(id);
    }

    @POST
    @Path("{id}/allocations")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "allocateResources",
            summary = "Allocate staff or money to an approved project",
            description = "From the line of the year "
                    + "and category. The answer is 201 with status ALLOCATED (publishes ResourcesAllocated; an approved project "
                    + "becomes RESOURCED) or REJECTED with the reason when the line has too little room (publishes "
                    + "AllocationRejected). Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<AllocationView> allocate(@PathParam("id") UUID id, @Valid @NotNull AllocationRequest request) {
        AllocationView view = budget.allocateToProject(id, request);
        return Responses.created("/allocations/" + view.id(), view);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getProjectHistory",
            summary = "A project's change history",
            description = "Roles: every role.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        queries.get(id);
        return audit.history(ProjectEvents.PROJECT, id);
    }
}
