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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Projects: list, detail, propose/edit (coordinator), lifecycle, decide (decision-maker), allocate. */
@Path("/projects")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProjectsPage extends PageSupport {

    static final List<String> STATUSES = List.of(
            "IDEA",
            "PROPOSED",
            "APPROVED",
            "APPROVED_WITH_CONDITIONS",
            "REJECTED",
            "DEFERRED",
            "RESOURCED",
            "IN_PROGRESS",
            "COMPLETED",
            "CANCELLED");
    static final List<String> SORTS = List.of("quickWin", "title", "-updatedAt", "plannedStart", "status");
    static final List<String> OUTCOMES = List.of("APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "DEFERRED");
    static final List<String> FINANCING = List.of("OWN_FUNDS", "SHAREHOLDER_CONTRIBUTION", "EU_PROGRAMME", "OTHER");
    static final List<String> CATEGORIES = List.of("STAFF", "PROJECT_FUNDS");
    /** The form's fields, as the service names them in its violations. */
    static final Set<String> FORM_FIELDS = Set.of(
            "title",
            "summary",
            "measureId",
            "themeIds",
            "lead",
            "shareholders",
            "partners",
            "plannedStart",
            "plannedEnd",
            "effort",
            "impact",
            "monthsToStart",
            "fundingSecured",
            "financing[0].kind",
            "financing[0].name",
            "financing[0].amount");

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

    /**
     * The filters of the project list as the page takes them: anything not offered in the form is
     * dropped, the text is cut to what the service takes. The list and its export read them alike.
     */
    public static class ListFilter {

        @QueryParam("status")
        String status;

        @QueryParam("measureId")
        String measureId;

        @QueryParam("shareholder")
        String shareholder;

        @QueryParam("sort")
        String sort;

        @QueryParam("q")
        String q;

        @QueryParam("country")
        String country;

        @QueryParam("interestsOf")
        String interestsOf;

        String status() {
            return oneOf(STATUSES, status) ? status : null;
        }

        String measure() {
            return measureId != null && measureId.matches("[0-9a-fA-F-]{36}") ? measureId : null;
        }

        String shareholder() {
            return oneOf(Options.SHAREHOLDERS, shareholder) ? shareholder : null;
        }

        String sort() {
            return oneOf(SORTS, sort) ? sort : "quickWin";
        }

        String text() {
            return q == null || q.isBlank()
                    ? null
                    : q.strip().substring(0, Math.min(q.strip().length(), 200));
        }

        String country() {
            return oneOf(Options.COUNTRIES, country) ? country : null;
        }

        String interestsOf() {
            return oneOf(Options.SHAREHOLDERS, interestsOf) ? interestsOf : null;
        }

        /** The chosen values for the form ("" for none). */
        Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("status", status());
            values.put("measureId", measure());
            values.put("shareholder", shareholder());
            values.put("sort", sort());
            values.put("q", text());
            values.put("country", country());
            values.put("interestsOf", interestsOf());
            values.replaceAll((k, v) -> v == null ? "" : v);
            return values;
        }

        /** The query string that repeats these filters (for the pager and the export link). */
        String query() {
            StringBuilder query = new StringBuilder();
            values().forEach((k, v) -> {
                if (!v.toString().isEmpty()) {
                    query.append(query.isEmpty() ? "" : "&")
                            .append(k)
                            .append('=')
                            .append(java.net.URLEncoder.encode(v.toString(), java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }
    }

    @GET
    public TemplateInstance list(@BeanParam ListFilter filter, @QueryParam("page") String page) {
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
                .data("statuses", STATUSES)
                .data("sorts", SORTS)
                .data("shareholders", Options.SHAREHOLDERS)
                .data("countries", Options.COUNTRIES)
                .data("interestShareholders", Options.SHAREHOLDERS)
                .data("noInterests", noInterests);
    }

    /** The list's projects (same filters and order) as a spreadsheet. */
    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    public Response xlsx(@BeanParam ListFilter filter) {
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
                .data("outcomes", OUTCOMES)
                .data("categories", CATEGORIES)
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
        return formPage(project, null, valuesOf(project));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response propose(MultivaluedMap<String, String> form) {
        Map<String, Object> request = request(form, null);
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
        Map<String, Object> request = request(form, current);
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
                .data("financingKinds", FINANCING)
                .data("otherViolations", problem == null ? List.of() : problem.otherViolations(FORM_FIELDS));
    }

    /** The project's current values in the form's names, for editing. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> valuesOf(Map<String, Object> p) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String f : List.of(
                "title",
                "summary",
                "measureId",
                "lead",
                "plannedStart",
                "plannedEnd",
                "effort",
                "impact",
                "monthsToStart",
                "fundingSecured",
                "version")) {
            v.put(f, p.get(f) == null ? "" : String.valueOf(p.get(f)));
        }
        v.put("themeIds", p.getOrDefault("themeIds", List.of()));
        v.put("shareholders", p.getOrDefault("shareholders", List.of()));
        List<String> partnerIds = new ArrayList<>();
        for (Object pp : (List<Object>) p.getOrDefault("partners", List.of())) {
            partnerIds.add(String.valueOf(((Map<String, Object>) pp).get("partnerId")));
        }
        v.put("partnerIds", partnerIds);
        List<Object> financing = (List<Object>) p.getOrDefault("financing", List.of());
        if (!financing.isEmpty()) {
            Map<String, Object> f = (Map<String, Object>) financing.get(0);
            v.put("financingKind", f.get("kind"));
            v.put("financingName", f.get("name"));
            v.put("financingAmount", String.valueOf(f.get("amount")));
        }
        return v;
    }

    /**
     * The service's request from the form; for an edit, {@code current} supplies what the form
     * does not show: the cooperation area, each kept partner's role, financing sources after the
     * first, and all partners when the partner list could not be shown (partners-service down).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(MultivaluedMap<String, String> form, Map<String, Object> current) {
        Map<String, String> roles = new java.util.HashMap<>();
        List<Object> currentPartners =
                current == null ? List.of() : (List<Object>) current.getOrDefault("partners", List.of());
        for (Object pp : currentPartners) {
            Map<String, Object> p = (Map<String, Object>) pp;
            roles.put(String.valueOf(p.get("partnerId")), String.valueOf(p.get("role")));
        }
        List<Map<String, Object>> partners = new ArrayList<>();
        if (current != null && Forms.text(form, "partnersShown") == null) {
            roles.forEach((partnerId, role) -> partners.add(Forms.body("partnerId", partnerId, "role", role)));
        } else {
            for (String partnerId : Forms.list(form, "partnerIds")) {
                partners.add(Forms.body("partnerId", partnerId, "role", roles.getOrDefault(partnerId, "PARTNER")));
            }
        }
        List<Map<String, Object>> financing = new ArrayList<>();
        if (Forms.text(form, "financingName") != null || Forms.text(form, "financingAmount") != null) {
            financing.add(Forms.body(
                    "kind",
                    Forms.text(form, "financingKind"),
                    "name",
                    Forms.text(form, "financingName"),
                    "amount",
                    Forms.decimal(form, "financingAmount")));
        }
        if (current != null) {
            List<Object> more = (List<Object>) current.getOrDefault("financing", List.of());
            for (int i = 1; i < more.size(); i++) {
                financing.add((Map<String, Object>) more.get(i));
            }
        }
        Map<String, Object> request = Forms.body(
                "title",
                Forms.text(form, "title"),
                "summary",
                Forms.text(form, "summary"),
                "measureId",
                Forms.text(form, "measureId"),
                "themeIds",
                Forms.list(form, "themeIds"),
                "lead",
                Forms.text(form, "lead"),
                "shareholders",
                Forms.list(form, "shareholders"),
                "partners",
                partners,
                "plannedStart",
                Forms.text(form, "plannedStart"),
                "plannedEnd",
                Forms.text(form, "plannedEnd"),
                "financing",
                financing,
                "effort",
                Forms.integer(form, "effort"),
                "impact",
                Forms.integer(form, "impact"),
                "monthsToStart",
                Forms.integer(form, "monthsToStart"),
                "fundingSecured",
                Forms.integer(form, "fundingSecured"));
        if (current != null && current.get("cooperationAreaId") != null) {
            request.put("cooperationAreaId", current.get("cooperationAreaId"));
        }
        return request;
    }
}
