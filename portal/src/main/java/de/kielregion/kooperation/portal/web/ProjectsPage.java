package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.PartnersApi;
import de.kielregion.kooperation.portal.api.ProjectsApi;
import de.kielregion.kooperation.portal.api.ServiceProblem;
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
        Map<String, Object> result;
        boolean noInterests = false;
        try {
            result = projects.projects(
                    filter.status(),
                    null,
                    filter.measure(),
                    filter.shareholder(),
                    filter.text(),
                    filter.country(),
                    filter.interestsOf(),
                    pageNumber(page),
                    20,
                    filter.sort());
        } catch (ServiceProblem problem) {
            if (problem.status() != 409 || filter.interestsOf() == null) {
                throw problem;
            }
            noInterests = true; // the shareholder has recorded no interests yet: say so, list nothing
            result = Map.of("items", List.of(), "totalItems", 0, "page", 0, "totalPages", 0);
        }
        return page(list)
                .data("result", result)
                .data("filter", filter.values())
                .data("query", filter.query())
                .data("measures", Section.of("projects", projects::measures))
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
                projects.projectsXlsx(
                        filter.status(),
                        filter.measure(),
                        filter.shareholder(),
                        filter.text(),
                        filter.country(),
                        filter.interestsOf(),
                        filter.sort()),
                XLSX,
                "projekte-" + LocalDate.now(Ui.ZONE) + ".xlsx");
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("allocation") String allocationId) {
        Map<String, Object> project = projects.project(Options.uuid(id));
        List<Map<String, Object>> allocations = projects.allocations(Options.uuid(id));
        Map<String, Object> lastAllocation = allocations.stream()
                .filter(a -> String.valueOf(a.get("id")).equals(allocationId))
                .findFirst()
                .orElse(null);
        int year = LocalDate.now(Ui.ZONE).getYear();
        return page(detail)
                .data("p", project)
                .data("allocations", allocations)
                .data("lastAllocation", lastAllocation)
                .data("history", Section.of("projects", () -> projects.history(Options.uuid(id))))
                .data("decisions", Section.of("projects", () -> decisionsOf(id)))
                .data("attachments", Section.of("projects", () -> projects.projectAttachments(Options.uuid(id))))
                .data(
                        "attachTo",
                        ui.canEdit() || ui.shareholder() != null
                                ? "/projects/" + Options.uuid(id) + "/attachments"
                                : "")
                .data("budget", Section.of("projects", () -> projects.budget(year)))
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
                (name, content) -> projects.attachToProject(project, name, content),
                "/projects/" + project + "#project-attachments",
                problem -> detail(project, null)
                        .data("problem", problem)
                        .data("otherViolations", problem.otherViolations(Set.of())));
    }

    /** This project's decisions from the register (newest first). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> decisionsOf(String id) {
        Map<String, Object> page = projects.decisions("Project", id, null, null, null, null, 0, 100, "-decidedOn");
        return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
    }

    @GET
    @Path("new")
    public TemplateInstance proposeForm() {
        return formPage(null, null, Map.of());
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") String id) {
        Map<String, Object> project = projects.project(Options.uuid(id));
        return formPage(project, null, ProjectForm.valuesOf(project));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response propose(MultivaluedMap<String, String> form) {
        Map<String, Object> request = ProjectForm.request(form, null);
        return submit(
                form,
                () -> "/projects/" + projects.propose(request).get("id"),
                problem -> formPage(null, problem, Forms.values(form)));
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        // PUT replaces the whole project: start from what it is, so that nothing the form does not show is lost.
        Map<String, Object> current = projects.project(Options.uuid(id));
        Map<String, Object> request = ProjectForm.request(form, current);
        request.put("version", Forms.integer(form, "version"));
        return submit(
                form,
                () -> {
                    projects.update(Options.uuid(id), "\"" + Forms.text(form, "version") + "\"", request);
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
                    projects.changeStatus(
                            Options.uuid(id),
                            Forms.body(
                                    "status", Forms.text(form, "status"), "version", Forms.integer(form, "version")));
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
                    projects.decide(
                            Options.uuid(id),
                            Forms.body(
                                    "body",
                                    Forms.text(form, "body"),
                                    "decidedOn",
                                    Forms.text(form, "decidedOn"),
                                    "outcome",
                                    Forms.text(form, "outcome"),
                                    "conditions",
                                    Forms.text(form, "conditions"),
                                    "minutesReference",
                                    Forms.text(form, "minutesReference"),
                                    "revisitOn",
                                    Forms.text(form, "revisitOn")));
                    return "/projects/" + id;
                },
                detailAgain(id, form));
    }

    @POST
    @Path("{id}/allocations")
    public Response allocate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return submit(
                form,
                () -> "/projects/" + id + "?allocation="
                        + projects.allocate(
                                        Options.uuid(id),
                                        Forms.body(
                                                "year",
                                                Forms.integer(form, "year"),
                                                "category",
                                                Forms.text(form, "category"),
                                                "amount",
                                                Forms.decimal(form, "amount")))
                                .get("id")
                        + "#allocations",
                detailAgain(id, form));
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

    private TemplateInstance formPage(Map<String, Object> project, ServiceProblem problem, Map<String, Object> values) {
        return page(form)
                .data("p", project)
                .data("problem", problem)
                .data("values", values)
                .data("themes", Section.of("projects", projects::themes))
                .data("measures", Section.of("projects", projects::measures))
                .data(
                        "partners",
                        Section.of("partners", () -> partners.partners(null, null, null, "ACTIVE", 0, 100, "name")))
                .data("currentPartners", project == null ? List.of() : project.getOrDefault("partners", List.of()))
                .data("shareholders", Options.SHAREHOLDERS)
                .data("financingKinds", Options.FINANCING_KINDS)
                .data("otherViolations", problem == null ? List.of() : problem.otherViolations(ProjectForm.FIELDS));
    }
}
