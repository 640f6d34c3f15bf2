package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.attachments.Attachments.AttachmentView;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.platform.xlsx.XlsxExport;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.overview.ReportDocument;
import de.kielregion.kooperation.projects.overview.Spreadsheets;
import de.kielregion.kooperation.projects.project.ProjectQueries;
import de.kielregion.kooperation.projects.results.ResultsApi.GoalLinks;
import de.kielregion.kooperation.projects.results.ResultsApi.IndicatorRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.IndicatorView;
import de.kielregion.kooperation.projects.results.ResultsApi.MilestoneSettlement;
import de.kielregion.kooperation.projects.results.ResultsApi.PeriodView;
import de.kielregion.kooperation.projects.results.ResultsApi.ProjectResultsView;
import de.kielregion.kooperation.projects.results.ResultsApi.ReportRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.ReportReview;
import de.kielregion.kooperation.projects.results.ResultsApi.ReportSubmission;
import de.kielregion.kooperation.projects.results.ResultsApi.ResultsView;
import de.kielregion.kooperation.projects.results.ResultsService;
import de.kielregion.kooperation.projects.results.ResultsViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.time.LocalDate;
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

@Path("/")
@Tag(
        name = "Results",
        description = "From strategy to results: goals served, indicators, work plans, progress reports, spending")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ResultsResource {

    private final ResultsService results;
    private final ResultsViews views;

    private final ProjectQueries projects;
    private final Attachments attachments;
    private final Caller caller;

    ResultsResource(
            ResultsService results,
            ResultsViews views,
            ProjectQueries projects,
            Attachments attachments,
            Caller caller) {
        this.results = results;
        this.views = views;
        this.projects = projects;
        this.attachments = attachments;
        this.caller = caller;
    }

    @GET
    @Path("results")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getResults",
            summary = "The results dashboard of a year",
            description = "Per goal its measures, projects and indicators (achieved against the year's target); the"
                    + " overdue milestones and reports; the reports waiting for review; per budget line planned,"
                    + " committed, spent and free. Computed once per state of the database and day. Roles: every role.")
    public ResultsView dashboard(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return views.dashboard(year == null ? LocalDate.now(Wording.ZONE).getYear() : year);
    }

    @GET
    @Path("results/export/xlsx")
    @RequestCost(RequestCost.EXPORT)
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportIndicatorsXlsx",
            summary = "The goals' indicators of a year as a spreadsheet (XLSX)",
            description = "Per goal and indicator: baseline, the year's target, achieved and per cent as number"
                    + " cells. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The indicators as an Excel workbook",
            content =
                    @Content(
                            mediaType = XlsxExport.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response indicatorsXlsx(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        int y = year == null ? LocalDate.now(Wording.ZONE).getYear() : year;
        return XlsxExport.attachment(Spreadsheets.indicators(views.dashboard(y)), "indikatoren-" + y + ".xlsx");
    }

    @GET
    @Path("reporting-periods/{id}/report/pdf")
    @RequestCost(RequestCost.EXPORT)
    @Produces("application/pdf")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getReportPdf",
            summary = "The progress report of a reporting period as PDF",
            description = "Narrative, values per indicator with what is achieved in all, the milestones, the"
                    + " expenditure of the period and the coordinators' comment (A4, German). Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The report as PDF",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response reportPdf(@PathParam("id") UUID id) {
        ProjectResultsView r = views.project(views.projectOfPeriod(id));
        PeriodView period = r.periods().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("ReportingPeriod", id));
        return Response.ok(ReportDocument.pdf(r, period), "application/pdf")
                .header(
                        "Content-Disposition",
                        Attachments.contentDisposition("fortschrittsbericht-" + period.number() + ".pdf"))
                .build();
    }

    @POST
    @Path("work-packages/{id}/deliverables")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "addDeliverable",
            summary = "Add a deliverable (a file) to a work package",
            description = "The file as the body (application/octet-stream), its name as filename; the attachment"
                    + " store's rules (at most 10 MiB, the allowed types as detected from the content). Roles:"
                    + " coordinator, admin; a shareholder for projects it takes part in.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<AttachmentView> addDeliverable(
            @PathParam("id") UUID id,
            @QueryParam("filename") @Parameter(description = "The file's name, e.g. Studie.pdf") String filename,
            byte[] body) {
        projects.requireWriter(views.projectOfWorkPackage(id), caller, "results.not-participating");
        AttachmentView view = attachments.attach(ProjectEvents.WORK_PACKAGE, id, filename, body);
        return Responses.created("/attachments/" + view.id(), view);
    }

    @GET
    @Path("indicators/{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getIndicator",
            summary = "An indicator with what is achieved so far",
            description = "A goal's: its baseline plus what its projects' contributing indicators achieved in"
                    + " accepted reports. Roles: every role.")
    public IndicatorView indicator(@PathParam("id") UUID id) {
        return views.indicator(id);
    }

    @PUT
    @Path("measures/{id}/goals")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "setMeasureGoals",
            summary = "The goals a measure serves",
            description = "Replaces the list; an unknown goal is a 400. Roles: coordinator, admin.")
    public GoalLinks setMeasureGoals(@PathParam("id") UUID id, @Valid @NotNull GoalLinks links) {
        results.linkMeasureGoals(id, links);
        return links;
    }

    @POST
    @Path("goals/{id}/indicators")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "defineGoalIndicator",
            summary = "Define an indicator of a goal",
            description = "Output or result, with unit, baseline and targets per year (values of the unit: whole"
                    + " numbers for COUNT and PERSONS, 0 to 100 for PERCENT, never negative). Its achievement is what"
                    + " the projects' contributing indicators achieve. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<IndicatorView> defineGoalIndicator(
            @PathParam("id") UUID id, @Valid @NotNull IndicatorRequest request) {
        IndicatorView view = views.indicator(results.defineIndicator(id, null, request));
        return Responses.created("/indicators/" + view.id(), view);
    }

    @POST
    @Path("milestones/{id}/status")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "settleMilestone",
            summary = "Record a milestone as reached or missed",
            description = "REACHED on a day (today when absent; not in the future), MISSED once its due day has"
                    + " passed; only a planned milestone (409). Publishes MilestoneReached or MilestoneMissed. Roles:"
                    + " coordinator, admin; a shareholder for projects it takes part in.")
    public ProjectResultsView settleMilestone(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MilestoneSettlement request) {
        return views.project(results.settleMilestone(id, request, ifMatch));
    }

    @PUT
    @Path("reporting-periods/{id}/report")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "writeReport",
            summary = "Write the progress report of a reporting period",
            description = "Narrative and the values the period achieved per indicator of the project (each in its"
                    + " unit); a draft, or a returned report being corrected (409 once submitted or accepted, and for"
                    + " a closed period). Changing an existing report needs If-Match or 'version'. Roles: coordinator,"
                    + " admin; a shareholder for projects it takes part in.")
    public ProjectResultsView writeReport(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReportRequest request) {
        results.writeReport(id, request, ifMatch);
        return views.project(periodProject(id));
    }

    @POST
    @Path("reports/{id}/submit")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "submitReport",
            summary = "Submit a progress report for review",
            description = "From draft or returned, with a narrative; racing submissions: one wins, the other gets"
                    + " 409. Publishes ProgressReported. Roles: coordinator, admin; a shareholder for projects it"
                    + " takes part in.")
    public ProjectResultsView submitReport(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ReportSubmission request) {
        results.submitReport(id, request == null ? null : request.version(), ifMatch);
        return views.project(reportProject(id));
    }

    @POST
    @Path("reports/{id}/return")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "returnReport",
            summary = "Return a submitted report for correction",
            description = "With a comment saying what to correct (400 without). Publishes ProgressReportReturned."
                    + " Roles: coordinator, admin.")
    public ProjectResultsView returnReport(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReportReview request) {
        results.returnReport(id, request, ifMatch);
        return views.project(reportProject(id));
    }

    @POST
    @Path("reports/{id}/accept")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "acceptReport",
            summary = "Accept a submitted report",
            description = "Its values count towards the targets; its period is closed. Publishes"
                    + " ProgressReportAccepted. Roles: coordinator, admin.")
    public ProjectResultsView acceptReport(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReportReview request) {
        results.acceptReport(id, request, ifMatch);
        return views.project(reportProject(id));
    }

    private UUID periodProject(UUID periodId) {
        return views.projectOfPeriod(periodId);
    }

    private UUID reportProject(UUID reportId) {
        return views.projectOfReport(reportId);
    }
}
