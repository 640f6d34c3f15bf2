package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.DecisionRegisterApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The decision register of all three services, filterable; each entry linked to its subject. */
@Path("/decisions")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DecisionsPage extends PageSupport {

    static final List<String> SUBJECT_TYPES =
            List.of("Project", "Measure", "OpenQuestion", "Strategy", "Membership", "Partner");
    static final List<String> SERVICES = List.of("projects-service", "partners-service", "memberships-service");

    @Inject
    @RestClient
    DecisionRegisterApi projects;

    @Inject
    @Location("decisions.html")
    Template register;

    @Inject
    @Location("decision.html")
    Template decision;

    /** The register as a spreadsheet (subject type and body as filtered in the page). */
    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    public Response xlsx(@QueryParam("subjectType") String subjectType, @QueryParam("body") String body) {
        return file(
                projects.exportDecisionsXlsx(
                        oneOf(Options.BODIES, body) ? body : null,
                        null,
                        null,
                        null,
                        oneOf(SUBJECT_TYPES, subjectType) ? subjectType : null,
                        null),
                XLSX,
                "beschluesse-" + LocalDate.now(Ui.ZONE) + ".xlsx");
    }

    /** One decision with its attachments (minutes, signed agreements); decision-makers attach files. */
    @GET
    @Path("{id}")
    public TemplateInstance decision(@PathParam("id") String id) {
        UUID decisionId = Options.id(id);
        return page(decision)
                .data("d", projects.getDecision(decisionId))
                .data("attachments", Section.of("projects", () -> projects.listDecisionAttachments(decisionId)))
                .data("attachTo", ui.canDecide() || ui.canEdit() ? "/decisions/" + decisionId + "/attachments" : "")
                .data("problem", null);
    }

    @POST
    @Path("{id}/attachments")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA)
    public Response attach(
            @PathParam("id") String id,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        UUID decisionId = Options.id(id);
        return upload(
                file,
                (name, content) -> projects.attachToDecision(decisionId, content, name, null),
                "/decisions/" + decisionId,
                problem -> decision(decisionId.toString()).data("problem", problem));
    }

    @GET
    public TemplateInstance register(
            @QueryParam("subjectType") String subjectType,
            @QueryParam("body") String body,
            @QueryParam("service") String service,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page) {
        String type = oneOf(SUBJECT_TYPES, subjectType) ? subjectType : null;
        String b = oneOf(Options.BODIES, body) ? body : null;
        String s = oneOf(SERVICES, service) ? service : null;
        String f = from != null && from.matches("\\d{4}-\\d{2}-\\d{2}") ? from : null;
        String t = to != null && to.matches("\\d{4}-\\d{2}-\\d{2}") ? to : null;
        StringBuilder query = new StringBuilder();
        for (String[] p : new String[][] {{"subjectType", type}, {"body", b}, {"service", s}, {"from", f}, {"to", t}}) {
            if (p[1] != null) {
                query.append('&').append(p[0]).append('=').append(p[1]);
            }
        }
        return page(register)
                .data(
                        "result",
                        projects.listDecisions(null, b, f, null, pageNumber(page), s, 25, "-decidedOn", null, type, t))
                .data("subjectType", type == null ? "" : type)
                .data("body", b == null ? "" : b)
                .data("service", s == null ? "" : s)
                .data("from", f == null ? "" : f)
                .data("to", t == null ? "" : t)
                .data("subjectTypes", SUBJECT_TYPES)
                .data("bodies", Options.BODIES)
                .data("services", SERVICES)
                .data("query", query.toString());
    }
}
