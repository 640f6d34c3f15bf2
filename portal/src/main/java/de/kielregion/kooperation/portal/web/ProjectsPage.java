package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import de.kielregion.kooperation.portal.clients.partners.PartnersApi;
import de.kielregion.kooperation.portal.clients.projects.BudgetApi;
import de.kielregion.kooperation.portal.clients.projects.DecisionRegisterApi;
import de.kielregion.kooperation.portal.clients.projects.ProjectsApi;
import de.kielregion.kooperation.portal.clients.projects.StrategyApi;
import de.kielregion.kooperation.portal.clients.projects.model.AllocationRequest;
import de.kielregion.kooperation.portal.clients.projects.model.AllocationView;
import de.kielregion.kooperation.portal.clients.projects.model.BudgetCategory;
import de.kielregion.kooperation.portal.clients.projects.model.DecisionBody;
import de.kielregion.kooperation.portal.clients.projects.model.DecisionRegisterEntry;
import de.kielregion.kooperation.portal.clients.projects.model.PageProjectView;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectDecisionRequest;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectOutcome;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectRequest;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectStatus;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectStatusChange;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Projects: list and export, detail, propose/edit (coordinator), lifecycle, decide
 * (decision-maker), allocate. The list's filters are {@link ProjectListFilter}'s, the form's
 * mapping to the service's request {@link ProjectForm}'s.
 */
@Path("/projects")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProjectsPage extends PageSupport {

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @RestClient
    StrategyApi strategy;

    @Inject
    @RestClient
    BudgetApi budget;

    @Inject
    @RestClient
    DecisionRegisterApi register;

    @Inject
    @RestClient
    PartnersApi partners;

    @Inject
    @Location("projects/list.html")
    Template list;

    @Inject
    @Location("projects/detail.html")
    Template detail;

    @Inject
    @Location("projects/form.html")
    Template form;

    @GET
    public TemplateInstance list(@BeanParam ProjectListFilter filter, @QueryParam("page") String page) {
        PageProjectView result;
        boolean noInterests = false;
        try {
            result = projects.listProjects(
                    null,
                    filter.country(),
                    filter.interestsOf(),
                    filter.measure(),
                    pageNumber(page),
                    null,
                    filter.text(),
                    filter.shareholder(),
                    20,
                    filter.sort(),
                    filter.status(),
                    null);
        } catch (ServiceProblem problem) {
            if (problem.status() != 409 || filter.interestsOf() == null) {
                throw problem;
            }
            noInterests = true; // the shareholder has recorded no interests yet: say so, list nothing
            result = new PageProjectView()
                    .items(new java.util.ArrayList<>())
                    .totalItems(0L)
                    .page(0)
                    .totalPages(0);
        }
        return page(list)
                .data("result", result)
                .data("filter", filter.values())
                .data("query", filter.query())
                .data("measures", Section.of("projects", strategy::listMeasures))
                .data("statuses", Options.PROJECT_STATUSES)
                .data("sorts", Options.PROJECT_SORTS)
                .data("shareholders", Options.SHAREHOLDERS)
                .data("countries", Options.COUNTRIES)
                .data("interestShareholders", Options.SHAREHOLDERS)
                .data("noInterests", noInterests);
    }

    /** The list's projects (same filters and order) as a spreadsheet. */
    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    public Response xlsx(@BeanParam ProjectListFilter filter) {
        return file(
                projects.exportProjectsXlsx(
                        filter.country(),
                        filter.interestsOf(),
                        filter.measure(),
                        null,
                        filter.text(),
                        filter.shareholder(),
                        filter.sort(),
                        filter.status(),
                        null),
                XLSX,
                "projekte-" + LocalDate.now(Ui.ZONE) + ".xlsx");
    }

    /** The project's profile for its partners (Projektsteckbrief), German or English. */
    @GET
    @Path("{id}/steckbrief.pdf")
    @Produces("application/pdf")
    public Response profile(@PathParam("id") String id, @QueryParam("lang") String lang) {
        String language = "en".equals(lang) ? "en" : "de";
        return file(
                projects.getProjectProfilePdf(Options.id(id), language),
                "application/pdf",
                "en".equals(language) ? "project-profile.pdf" : "projektsteckbrief.pdf");
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("allocation") String allocationId) {
        UUID projectId = Options.id(id);
        ProjectView project = projects.getProject(projectId);
        List<AllocationView> allocations = projects.listProjectAllocations(projectId);
        AllocationView lastAllocation = allocations.stream()
                .filter(a -> String.valueOf(a.getId()).equals(allocationId))
                .findFirst()
                .orElse(null);
        int year = LocalDate.now(Ui.ZONE).getYear();
        return page(detail)
                .data("p", project)
                .data("allocations", allocations)
                .data("lastAllocation", lastAllocation)
                .data("history", Section.of("projects", () -> projects.getProjectHistory(projectId)))
                .data("decisions", Section.of("projects", () -> decisionsOf(projectId)))
                .data("attachments", Section.of("projects", () -> projects.listProjectAttachments(projectId)))
                .data(
                        "attachTo",
                        ui.canEdit() || ui.shareholder() != null
                                ? "/projects/" + Options.uuid(id) + "/attachments"
                                : "")
                .data("budget", Section.of("projects", () -> budget.getBudget(year)))
                .data(
                        "measure",
                        project.getMeasureId() == null
                                ? null
                                : Section.of("projects", () -> strategy.getMeasure(project.getMeasureId())))
                .data("themes", Section.of("projects", strategy::listThemes))
                .data("steps", Section.of("projects", () -> strategy.listNextSteps(null, false, projectId.toString())))
                .data("stepsOf", "project=" + projectId)
                .data(
                        "mayStep",
                        ui.canEdit()
                                || (ui.shareholder() != null
                                        && project.getShareholders() != null
                                        && project.getShareholders().stream()
                                                .anyMatch(h -> h.toString().equals(ui.shareholder()))))
                .data("year", year)
                .data("bodies", Options.BODIES)
                .data("outcomes", Options.PROJECT_OUTCOMES)
                .data("categories", Options.BUDGET_CATEGORIES)
                .data("today", LocalDate.now(Ui.ZONE).toString())
                .data("problem", null)
                .data("values", Map.of());
    }

    /** A file to attach, from the form (multipart); the service checks it by its content. */
    @POST
    @Path("{id}/attachments")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(
            @PathParam("id") String id,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        String project = Options.uuid(id);
        return upload(
                file,
                (name, content) -> projects.attachToProject(UUID.fromString(project), content, name, null),
                "/projects/" + project + "#project-attachments",
                problem -> detail(project, null)
                        .data("problem", problem)
                        .data("otherViolations", problem.otherViolations(Set.of())));
    }

    /** This project's decisions from the register (newest first). */
    private List<DecisionRegisterEntry> decisionsOf(UUID id) {
        return register.listDecisions(null, null, null, null, 0, null, 100, "-decidedOn", id, "Project", null)
                .getItems();
    }

    @GET
    @Path("new")
    public TemplateInstance proposeForm() {
        return formPage(null, null, Map.of());
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") String id) {
        ProjectView project = projects.getProject(Options.id(id));
        return formPage(project, null, ProjectForm.valuesOf(project));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response propose(MultivaluedMap<String, String> form) {
        return submit(
                form,
                () -> "/projects/"
                        + projects.proposeProject(ProjectForm.request(form, null, ui::t), null)
                                .getId(),
                problem -> formPage(null, problem, Forms.values(form)));
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        // PUT replaces the whole project: start from what it is, so that nothing the form does not show is lost.
        ProjectView current = projects.getProject(Options.id(id));
        return submit(
                form,
                () -> {
                    ProjectRequest request = ProjectForm.request(form, current, ui::t);
                    projects.updateProject(Options.id(id), request, "\"" + request.getVersion() + "\"");
                    return "/projects/" + id;
                },
                problem -> formPage(current, problem, Forms.values(form)));
    }

    @POST
    @Path("{id}/status")
    public Response move(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return submit(
                form,
                () -> {
                    Forms.Reader f = Forms.read(form, ui::t);
                    projects.changeProjectStatus(
                            Options.id(id),
                            f.done(new ProjectStatusChange()
                                    .status(f.choice("status", ProjectStatus::fromValue))
                                    .version(f.version())),
                            null);
                    return "/projects/" + id;
                },
                detailAgain(id, form));
    }

    @POST
    @Path("{id}/decisions")
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return submit(
                form,
                () -> {
                    Forms.Reader f = Forms.read(form, ui::t);
                    projects.decideOnProject(
                            Options.id(id),
                            f.done(new ProjectDecisionRequest()
                                    .body(f.choice("body", DecisionBody::fromValue))
                                    .decidedOn(f.date("decidedOn"))
                                    .outcome(f.choice("outcome", ProjectOutcome::fromValue))
                                    .conditions(f.text("conditions"))
                                    .minutesReference(f.text("minutesReference"))
                                    .revisitOn(f.date("revisitOn"))),
                            null);
                    return "/projects/" + id;
                },
                detailAgain(id, form));
    }

    @POST
    @Path("{id}/allocations")
    public Response allocate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return submit(
                form,
                () -> {
                    Forms.Reader f = Forms.read(form, ui::t);
                    AllocationView allocation = projects.allocateResources(
                            Options.id(id),
                            f.done(new AllocationRequest()
                                    .year(f.integer("year"))
                                    .category(f.choice("category", BudgetCategory::fromValue))
                                    .amount(f.decimal("amount"))),
                            null);
                    return "/projects/" + id + "?allocation=" + allocation.getId() + "#allocations";
                },
                detailAgain(id, form));
    }

    /** Gives an allocation back to its budget line (coordinator): the staff or money is free again. */
    @POST
    @Path("{id}/allocations/{allocation}/release")
    public Response release(
            @PathParam("id") String id,
            @PathParam("allocation") String allocation,
            MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        UUID allocationId = Options.id(allocation);
        return submit(
                form,
                () -> {
                    budget.releaseAllocation(allocationId, null);
                    return "/projects/" + projectId + "#allocations";
                },
                detailAgain(projectId.toString(), form));
    }

    /** The project page again after a refused action, its violations shown where the page has no field for them. */
    private java.util.function.Function<ServiceProblem, TemplateInstance> detailAgain(
            String id, MultivaluedMap<String, String> form) {
        return problem -> detail(id, null)
                .data("action", Forms.text(form, "action"))
                .data(
                        "otherViolations",
                        problem.otherViolations(Set.of("decidedOn", "conditions", "amount", "revisitOn")));
    }

    private TemplateInstance formPage(ProjectView project, ServiceProblem problem, Map<String, Object> values) {
        return page(form)
                .data("p", project)
                .data("problem", problem)
                .data("values", values)
                .data("themes", Section.of("projects", strategy::listThemes))
                .data("measures", Section.of("projects", strategy::listMeasures))
                .data(
                        "partners",
                        Section.of(
                                "partners",
                                () -> partners.searchPartners(
                                        null, null, 0, null, null, 100, "name", "ACTIVE", null, null, null)))
                .data("currentPartners", project == null ? List.of() : project.getPartners())
                .data("shareholders", Options.SHAREHOLDERS)
                .data("financingKinds", Options.FINANCING_KINDS)
                .data("otherViolations", problem == null ? List.of() : problem.otherViolations(ProjectForm.FIELDS));
    }
}
