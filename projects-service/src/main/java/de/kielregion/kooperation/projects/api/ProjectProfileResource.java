package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.projects.overview.PartnerDocuments;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import de.kielregion.kooperation.projects.project.ProjectQueries;
import de.kielregion.kooperation.projects.results.ResultsViews;
import de.kielregion.kooperation.projects.strategy.StrategyApi.MeasureView;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's profile (Projektsteckbrief) for its partners, in German or English. */
@Path("/projects")
@Tag(name = "Projects")
public class ProjectProfileResource {

    private final ProjectQueries projects;
    private final ResultsViews results;
    private final StrategyService strategy;

    ProjectProfileResource(ProjectQueries projects, ResultsViews results, StrategyService strategy) {
        this.projects = projects;
        this.results = results;
        this.strategy = strategy;
    }

    @GET
    @Path("{id}/profile/pdf")
    @RequestCost(RequestCost.EXPORT)
    @Produces("application/pdf")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getProjectProfilePdf",
            summary = "A project's profile for its partners, as PDF",
            description = "Key facts, partners, financing, the goals it serves, its indicators and milestones;"
                    + " lang=en for the partners in Aarhus, Göteborg and elsewhere (German by default; what people"
                    + " typed stays as written). Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The profile as PDF",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Transactional
    public Response pdf(@PathParam("id") UUID id, @QueryParam("lang") @Pattern(regexp = "de|en") String lang) {
        PartnerDocuments documents = PartnerDocuments.in(lang);
        ProjectView p = projects.get(id);
        return Response.ok(
                        documents.profilePdf(p, results.project(id), strategy.goals(), measure(p)), "application/pdf")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\""
                                + ("en".equals(documents.language()) ? "project-profile" : "projektsteckbrief")
                                + ".pdf\"")
                .build();
    }

    @GET
    @Path("{id}/profile/markdown")
    @Produces("text/markdown;charset=UTF-8")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getProjectProfileMarkdown",
            summary = "A project's profile for its partners, as Markdown",
            description = "The same content as the PDF; lang=en in English. Roles: every role.")
    @Transactional
    public String markdown(@PathParam("id") UUID id, @QueryParam("lang") @Pattern(regexp = "de|en") String lang) {
        ProjectView p = projects.get(id);
        return PartnerDocuments.in(lang).profileMarkdown(p, results.project(id), strategy.goals(), measure(p));
    }

    private String measure(ProjectView p) {
        if (p.measureId() == null) {
            return null;
        }
        MeasureView m = strategy.measure(p.measureId());
        return m.number() + ". " + m.title();
    }
}
