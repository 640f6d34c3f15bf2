package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.cache.SnapshotCache;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionApi.GeneralDecisionRequest;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.decision.DecisionService;
import de.kielregion.kooperation.projects.overview.OverviewApi.Overview;
import de.kielregion.kooperation.projects.overview.OverviewService;
import de.kielregion.kooperation.projects.overview.PartnerDocuments;
import de.kielregion.kooperation.projects.overview.StrategyDocument;
import de.kielregion.kooperation.projects.overview.StrategyVersions;
import de.kielregion.kooperation.projects.overview.StrategyVersions.Changes;
import de.kielregion.kooperation.projects.overview.StrategyVersions.VersionView;
import de.kielregion.kooperation.projects.results.ResultsViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/strategy")
@Tag(name = "Strategy overview", description = "The strategy as a whole, and as a document for the supervisory board")
@Idempotent
public class OverviewResource {

    private final OverviewService overview;
    private final DecisionService decisions;
    private final DecisionRegister register;
    private final ResultsViews results;
    private final StrategyVersions versions;
    private final SnapshotCache cache;

    OverviewResource(
            OverviewService overview,
            DecisionService decisions,
            DecisionRegister register,
            ResultsViews results,
            StrategyVersions versions,
            SnapshotCache cache) {
        this.cache = cache;
        this.overview = overview;
        this.decisions = decisions;
        this.register = register;
        this.results = results;
        this.versions = versions;
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({DECISION_MAKER, ADMIN})
    @Operation(
            operationId = "decideOnStrategy",
            summary = "Record a decision on the strategy as a whole",
            description = "E.g. the supervisory board "
                    + "adopting the strategy (measure 3). Publishes DecisionTaken. Roles: decision-maker, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<DecisionView> decide(@Valid @NotNull GeneralDecisionRequest request) {
        DecisionView view = decisions.decideStrategy(request);
        return Responses.created("/decisions/" + view.id(), view);
    }

    @GET
    @Path("overview")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategyOverview",
            summary = "The strategy at a glance",
            description =
                    "Goals, themes, measures with their open questions "
                            + "(open, or resolved by which decision) and next steps, projects by status and the best quick wins, the "
                            + "budget of the year (default: this year), overdue next steps, decisions on the strategy. Roles: every role.")
    public Overview overview(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return overview.overview(year == null ? LocalDate.now(Wording.ZONE).getYear() : year);
    }

    @GET
    @Path("document")
    @RequestCost(RequestCost.EXPORT)
    @Produces("text/html;charset=UTF-8")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategyDocument",
            summary = "The strategy document as HTML",
            description = "The overview as a readable document " + "(Accept: text/html). Roles: every role.")
    public String html(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return StrategyDocument.html(overview.overview(yearOr(year)), register(), results.dashboard(yearOr(year)));
    }

    @GET
    @Path("document")
    @RequestCost(RequestCost.EXPORT)
    @Produces("application/pdf")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategyDocument",
            summary = "The strategy document as PDF",
            description = "For the supervisory board (Accept: application/pdf): a title page with the date, the"
                    + " measures with their open questions and next steps, projects, resources, memberships, cities"
                    + " and regions, deferred decisions and the decision register. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The strategy document as PDF (A4, fonts embedded)",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Transactional
    public Response pdf(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        // This year's document is the same while the database (and the day) is: made once, not
        // for every download. Other years' are made when asked (kept, any year could fill the cache).
        java.util.function.Supplier<byte[]> render = () ->
                StrategyDocument.pdf(overview.overview(yearOr(year)), register(), results.dashboard(yearOr(year)));
        byte[] pdf = yearOr(year) == yearOr(null)
                ? cache.get(SnapshotCache.key("strategy-document", LocalDate.now(Wording.ZONE)), render)
                : render.get();
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"internationalisierungsstrategie-" + LocalDate.now(Wording.ZONE)
                                + ".pdf\"")
                .build();
    }

    @GET
    @Path("summary/pdf")
    @RequestCost(RequestCost.EXPORT)
    @Produces("application/pdf")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategySummaryPdf",
            summary = "A summary of the strategy for the partners, as PDF",
            description = "Goals, measures, focus partners, the quickly implementable projects and the memberships,"
                    + " with the adopted version; lang=en for the partners in Aarhus, Göteborg and elsewhere (German"
                    + " by default). Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The summary as PDF",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Transactional
    public Response summaryPdf(@QueryParam("lang") @Pattern(regexp = "de|en") String lang) {
        PartnerDocuments documents = PartnerDocuments.in(lang);
        byte[] pdf = cache.get(
                SnapshotCache.key("strategy-summary", documents.language(), LocalDate.now(Wording.ZONE)),
                () -> documents.summaryPdf(overview.overview(yearOr(null)), adopted()));
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\""
                                + ("en".equals(documents.language()) ? "strategy-summary" : "strategie-zusammenfassung")
                                + ".pdf\"")
                .build();
    }

    @GET
    @Path("summary/markdown")
    @Produces("text/markdown;charset=UTF-8")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategySummaryMarkdown",
            summary = "A summary of the strategy for the partners, as Markdown",
            description = "The same content as the PDF; lang=en in English. Roles: every role.")
    public String summaryMarkdown(@QueryParam("lang") @Pattern(regexp = "de|en") String lang) {
        return PartnerDocuments.in(lang).summaryMarkdown(overview.overview(yearOr(null)), adopted());
    }

    /** The newest adopted version, or null. */
    private StrategyVersions.VersionView adopted() {
        return versions.versions().stream()
                .max(java.util.Comparator.comparingInt(StrategyVersions.VersionView::number))
                .orElse(null);
    }

    /** The decision register for the document: the 200 newest decisions of every service. */
    private List<DecisionView> register() {
        return register.register(null, null, null, null, null, null, null, new PageQuery(0, 200, null))
                .items();
    }

    private static int yearOr(Integer year) {
        return year == null ? LocalDate.now(Wording.ZONE).getYear() : year;
    }

    @GET
    @Path("document")
    @RequestCost(RequestCost.EXPORT)
    @Produces("text/markdown;charset=UTF-8")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategyDocument",
            summary = "The strategy document as Markdown",
            description = "Accept: text/markdown. Roles: every role.")
    public String markdown(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return StrategyDocument.markdown(overview.overview(yearOr(year)), register(), results.dashboard(yearOr(year)));
    }

    @GET
    @Path("versions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listStrategyVersions",
            summary = "The adopted versions of the strategy",
            description = "Newest first: number, the adopting decision, day, body and the SHA-256 of the document"
                    + " as adopted. A decision of kind STRATEGY_ADOPTED with outcome APPROVED (POST"
                    + " /strategy/decisions) freezes the next. Roles: every role.")
    public List<VersionView> versions() {
        return versions.versions();
    }

    @GET
    @Path("versions/{number}/pdf")
    @RequestCost(RequestCost.EXPORT)
    @Produces("application/pdf")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategyVersionPdf",
            summary = "An adopted version of the strategy as PDF, as it was adopted",
            description = "Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The adopted document as PDF",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response versionPdf(@PathParam("number") @Min(1) @Max(100000) int number) {
        return Response.ok(versions.pdf(number), "application/pdf")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"internationalisierungsstrategie-fassung-" + number + ".pdf\"")
                .build();
    }

    @GET
    @Path("versions/{number}/markdown")
    @Produces("text/markdown;charset=UTF-8")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategyVersionMarkdown",
            summary = "An adopted version of the strategy as Markdown, as it was adopted",
            description = "Roles: every role.")
    public String versionMarkdown(@PathParam("number") @Min(1) @Max(100000) int number) {
        return versions.markdown(number);
    }

    @GET
    @Path("changes")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getStrategyChanges",
            summary = "What changed since the strategy was last adopted",
            description = "The sections of the document (its '## ' headings) that differ from the last adopted"
                    + " version: added, removed, or changed with the lines that differ; no version when none was"
                    + " adopted yet. Roles: every role.")
    public Changes changes(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return versions.changes(yearOr(year));
    }
}
