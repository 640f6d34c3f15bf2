package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.projects.budget.BudgetApi.ExpenditureRequest;
import de.kielregion.kooperation.projects.budget.BudgetApi.ExpenditureView;
import de.kielregion.kooperation.projects.budget.BudgetService;
import de.kielregion.kooperation.projects.project.ProjectQueries;
import de.kielregion.kooperation.projects.results.ResultsApi.GoalLinks;
import de.kielregion.kooperation.projects.results.ResultsApi.IndicatorRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.MilestoneRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.PeriodRequest;
import de.kielregion.kooperation.projects.results.ResultsApi.ProjectResultsView;
import de.kielregion.kooperation.projects.results.ResultsApi.WorkPackageRequest;
import de.kielregion.kooperation.projects.results.ResultsService;
import de.kielregion.kooperation.projects.results.ResultsViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/projects")
@Tag(
        name = "Results",
        description = "From strategy to results: goals served, indicators, work plans, progress reports, spending")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ProjectResultsResource {

    private final ResultsService results;
    private final ResultsViews views;
    private final BudgetService budget;
    private final ProjectQueries projects;
    private final Caller caller;

    ProjectResultsResource(
            ResultsService results, ResultsViews views, BudgetService budget, ProjectQueries projects, Caller caller) {
        this.results = results;
        this.views = views;
        this.budget = budget;
        this.projects = projects;
        this.caller = caller;
    }

    @GET
    @Path("{id}/results")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getProjectResults",
            summary = "A project's goals, work plan, indicators, reporting periods, reports and spending",
            description = "Roles: every role.")
    public ProjectResultsView project(@PathParam("id") UUID id) {
        return views.project(id);
    }

    @PUT
    @Path("{id}/goals")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "setProjectGoals",
            summary = "The goals a project serves",
            description = "Replaces the list; an unknown goal is a 400. Roles: coordinator, admin.")
    public ProjectResultsView setProjectGoals(@PathParam("id") UUID id, @Valid @NotNull GoalLinks links) {
        results.linkProjectGoals(id, links);
        return views.project(id);
    }

    @POST
    @Path("{id}/indicators")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "defineProjectIndicator",
            summary = "Define an indicator of a project",
            description = "As a goal's; `contributesTo` names the goal's indicator (same unit, else 409) it counts"
                    + " towards. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<ProjectResultsView> defineProjectIndicator(
            @PathParam("id") UUID id, @Valid @NotNull IndicatorRequest request) {
        results.defineIndicator(null, id, request);
        return created(id);
    }

    @POST
    @Path("{id}/work-packages")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "addWorkPackage",
            summary = "Add a work package to a project's work plan",
            description = "Numbered 1, 2, ... within the project. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<ProjectResultsView> addWorkPackage(
            @PathParam("id") UUID id, @Valid @NotNull WorkPackageRequest request) {
        results.addWorkPackage(id, request);
        return created(id);
    }

    @POST
    @Path("{id}/milestones")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "planMilestone",
            summary = "Plan a milestone in a work package",
            description = "Due on a day not after the project's planned end (400); the responsible partner must take"
                    + " part in the project (400). Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<ProjectResultsView> planMilestone(
            @PathParam("id") UUID id, @Valid @NotNull MilestoneRequest request) {
        results.planMilestone(id, request);
        return created(id);
    }

    @POST
    @Path("{id}/reporting-periods")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "openReportingPeriod",
            summary = "Open a reporting period of a project",
            description = "E.g. a half-year; the report is due 30 days after its end unless `reportDueOn` says"
                    + " otherwise; periods of a project do not overlap (409). Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<ProjectResultsView> openPeriod(
            @PathParam("id") UUID id, @Valid @NotNull PeriodRequest request) {
        results.openPeriod(id, request);
        return created(id);
    }

    @POST
    @Path("{id}/expenditures")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "recordExpenditure",
            summary = "Record what a project spent against one of its allocations",
            description = "Never beyond the allocation (409 naming what is left; a new allocation raises it), only"
                    + " on what is allocated, on a day of the allocation's year and not in the future; racing"
                    + " expenditures are decided one after the other. Publishes ExpenditureRecorded. Roles:"
                    + " coordinator, admin; a shareholder for projects it takes part in.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<ExpenditureView> recordExpenditure(
            @PathParam("id") UUID id, @Valid @NotNull ExpenditureRequest request) {
        projects.requireWriter(id, caller, "results.not-participating");
        ExpenditureView view = budget.recordExpenditure(id, request, caller.displayName());
        return Responses.created("/projects/" + id + "/expenditures", view);
    }

    @GET
    @Path("{id}/expenditures")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listExpenditures",
            summary = "What a project spent",
            description = "Oldest first, with the year and category of the allocation. Roles: every role.")
    public List<ExpenditureView> expenditures(@PathParam("id") UUID id) {
        projects.participants(id); // 404 for an unknown project
        return budget.expenditures(id);
    }

    private RestResponse<ProjectResultsView> created(UUID projectId) {
        return Responses.created("/projects/" + projectId + "/results", views.project(projectId));
    }
}
