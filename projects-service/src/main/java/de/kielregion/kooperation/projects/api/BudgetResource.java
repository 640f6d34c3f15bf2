package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Params;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.xlsx.XlsxExport;
import de.kielregion.kooperation.projects.budget.BudgetApi.AllocationView;
import de.kielregion.kooperation.projects.budget.BudgetApi.BudgetView;
import de.kielregion.kooperation.projects.budget.BudgetApi.LineRequest;
import de.kielregion.kooperation.projects.budget.BudgetApi.LineView;
import de.kielregion.kooperation.projects.budget.BudgetService;
import de.kielregion.kooperation.projects.budget.Category;
import de.kielregion.kooperation.projects.overview.Commitments;
import de.kielregion.kooperation.projects.overview.Spreadsheets;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Budget", description = "Budget lines per year and category, and the allocations from them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class BudgetResource {

    private final BudgetService budget;

    private final Commitments commitments;

    BudgetResource(BudgetService budget, Commitments commitments) {
        this.budget = budget;
        this.commitments = commitments;
    }

    @GET
    @Path("budget/{year}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getBudget",
            summary = "The budget of a year",
            description = "Per line: amount, allocated, free. Roles: every role.")
    public BudgetView budget(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return budget.budget(year);
    }

    @GET
    @Path("budget/commitments")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getCommitments",
            summary = "What the coming years are committed to",
            description = "Per year from {from} (default this year) for {years} years (default 3, at most 10): the"
                    + " STAFF, MEMBERSHIP_FEES and PROJECT_FUNDS lines, what is allocated from them, the yearly fees of"
                    + " running memberships not yet booked for the year, the team's capacity and assignments. Roles:"
                    + " every role.")
    public List<Commitments.YearCommitments> commitments(
            @QueryParam("from") @Min(2000) @Max(2100) Integer from,
            @QueryParam("years") @Min(1) @Max(10) Integer years) {
        return commitments.from(
                from == null
                        ? java.time.LocalDate.now(de.kielregion.kooperation.platform.text.Wording.ZONE)
                                .getYear()
                        : from,
                years == null ? 3 : years);
    }

    @GET
    @Path("budget/{year}/export/xlsx")
    @RequestCost(RequestCost.EXPORT)
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportBudgetXlsx",
            summary = "The budget of a year as a spreadsheet (XLSX)",
            description = "Per line: amount, allocated and free as number cells. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The budget as an Excel workbook",
            content =
                    @Content(
                            mediaType = XlsxExport.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return XlsxExport.attachment(Spreadsheets.budget(budget.budget(year)), "budget-" + year + ".xlsx");
    }

    @PUT
    @Path("budget/{year}/lines/{category}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "setBudgetLine",
            summary = "Create or change a budget line",
            description = "STAFF in FTE, MEMBERSHIP_FEES and "
                    + "PROJECT_FUNDS in EUR; never below what is allocated (409). Changing an existing line needs If-Match or "
                    + "'version'. Roles: coordinator, admin.")
    public LineView setLine(
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @PathParam("category") String category,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LineRequest request) {
        Category parsed = Params.enumOf(Category.class, category, "category");
        return budget.setLine(year, parsed, request.amount(), ifMatch, request.version());
    }

    @POST
    @Path("allocations/{id}/release")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "releaseAllocation",
            summary = "Release an allocation",
            description =
                    "Gives its amount back to the line; publishes " + "ResourcesReleased. Roles: coordinator, admin.")
    public AllocationView release(@PathParam("id") UUID id) {
        return budget.release(id);
    }
}
