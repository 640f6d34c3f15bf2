package de.kielregion.kooperation.memberships.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.memberships.MembershipEvents;
import de.kielregion.kooperation.memberships.membership.FeePayments;
import de.kielregion.kooperation.memberships.membership.MembershipApi.Deadline;
import de.kielregion.kooperation.memberships.membership.MembershipApi.DecisionRequest;
import de.kielregion.kooperation.memberships.membership.MembershipApi.DecisionView;
import de.kielregion.kooperation.memberships.membership.MembershipApi.FeeChange;
import de.kielregion.kooperation.memberships.membership.MembershipApi.FeeView;
import de.kielregion.kooperation.memberships.membership.MembershipApi.MembershipRequest;
import de.kielregion.kooperation.memberships.membership.MembershipApi.MembershipView;
import de.kielregion.kooperation.memberships.membership.MembershipApi.StatusChange;
import de.kielregion.kooperation.memberships.membership.MembershipDecisions;
import de.kielregion.kooperation.memberships.membership.MembershipFeeYears;
import de.kielregion.kooperation.memberships.membership.MembershipFeeYears.FeeRunView;
import de.kielregion.kooperation.memberships.membership.MembershipFeeYears.FeeYearView;
import de.kielregion.kooperation.memberships.membership.MembershipFunding;
import de.kielregion.kooperation.memberships.membership.MembershipService;
import de.kielregion.kooperation.memberships.membership.MembershipStatus;
import de.kielregion.kooperation.memberships.membership.NoticeDeadlineReport;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.audit.Audit.HistoryEntry;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Params;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.platform.xlsx.XlsxExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/memberships")
@Tag(
        name = "Memberships",
        description = "Memberships of KielRegion and its shareholders, their fees, decisions and " + "notice deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class MembershipResource {

    @JsonPropertyOrder({
        "id",
        "holder",
        "organisation",
        "status",
        "startDate",
        "nextRenewal",
        "lastNoticeDay",
        "endDate",
        "yearlyFee",
        "contactPerson"
    })
    public record MembershipRow(
            String id,
            String holder,
            String organisation,
            String status,
            String startDate,
            String nextRenewal,
            String lastNoticeDay,
            String endDate,
            String yearlyFee,
            String contactPerson) {}

    private final MembershipService memberships;
    private final MembershipDecisions decisions;
    private final MembershipFunding funding;
    private final Audit audit;
    private final NoticeDeadlineReport deadlines;

    private final MembershipFeeYears feeYears;
    private final FeePayments payments;

    MembershipResource(
            MembershipService memberships,
            MembershipDecisions decisions,
            MembershipFunding funding,
            Audit audit,
            NoticeDeadlineReport deadlines,
            MembershipFeeYears feeYears,
            FeePayments payments) {
        this.payments = payments;
        this.feeYears = feeYears;
        this.decisions = decisions;
        this.funding = funding;
        this.deadlines = deadlines;
        this.memberships = memberships;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listMemberships",
            summary = "List memberships",
            description = "Filter by holder, organisation and status; paged, sorted "
                    + "(holder, status, renewalDate, updatedAt). Roles: every role.")
    public Page<MembershipView> list(
            @QueryParam("holder") String holder,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("status") String status,
            @Valid @BeanParam PageQuery paging) {
        return memberships.list(
                Params.enumOf(Shareholder.class, holder, "holder"),
                Params.uuid(organisationId, "organisationId"),
                Params.enumOf(MembershipStatus.class, status, "status"),
                paging);
    }

    @GET
    @Path("deadlines")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listNoticeDeadlines",
            summary = "Notice deadlines coming up",
            description = "ACTIVE memberships whose last day to give "
                    + "notice (next renewal minus notice period) falls within the period, e.g. within=P90D; soonest first, "
                    + "so that nobody renews by accident. Roles: every role.")
    public List<Deadline> deadlines(@QueryParam("within") @DefaultValue("P90D") String within) {
        return deadlines.deadlines(within, LocalDate.now(Wording.ZONE));
    }

    @GET
    @Path("export/csv")
    @RequestCost(RequestCost.EXPORT)
    @Produces("text/csv")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportMembershipsCsv",
            summary = "Memberships as CSV",
            description = "With the same filters as the list. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The memberships as CSV (UTF-8, comma-separated, with a header row)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(
            @QueryParam("holder") String holder,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("status") String status) {
        return Response.ok(de.kielregion.kooperation.platform.csv.CsvExport.write(
                        MembershipRow.class, rows(holder, organisationId, status)))
                .header("Content-Disposition", "attachment; filename=\"memberships.csv\"")
                .build();
    }

    @GET
    @Path("export/xlsx")
    @RequestCost(RequestCost.EXPORT)
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportMembershipsXlsx",
            summary = "Memberships as a spreadsheet (XLSX)",
            description =
                    "With the same filters and columns as the CSV export; no cell is a formula. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The memberships as an Excel workbook",
            content =
                    @Content(
                            mediaType = XlsxExport.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(
            @QueryParam("holder") String holder,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("status") String status) {
        return XlsxExport.attachment(
                XlsxExport.write("Mitgliedschaften", MembershipRow.class, rows(holder, organisationId, status)),
                "mitgliedschaften.xlsx");
    }

    private List<MembershipRow> rows(String holder, String organisationId, String status) {
        return memberships
                .all(
                        Params.enumOf(Shareholder.class, holder, "holder"),
                        Params.uuid(organisationId, "organisationId"),
                        Params.enumOf(MembershipStatus.class, status, "status"))
                .stream()
                .map(m -> new MembershipRow(
                        m.id().toString(),
                        m.holder().name(),
                        m.organisationAcronym(),
                        m.status().name(),
                        text(m.startDate()),
                        text(m.nextRenewal()),
                        text(m.lastNoticeDay()),
                        text(m.endDate()),
                        m.currentYearlyFee() == null
                                ? null
                                : m.currentYearlyFee().toPlainString(),
                        m.contactPerson()))
                .toList();
    }

    @POST
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "proposeMembership",
            summary = "Propose a membership, or record an existing one",
            description = "Publishes "
                    + "MembershipProposed. Roles: coordinator, admin; shareholder for memberships it holds only.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<MembershipView> propose(@Valid @NotNull MembershipRequest request) {
        MembershipView view = memberships.propose(request);
        return Responses.created("/memberships/" + view.id(), view, view.version());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getMembership",
            summary = "Read a membership",
            description = "With its next renewal, last notice day and current " + "fee. Roles: every role.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<MembershipView> get(@PathParam("id") UUID id) {
        MembershipView view = memberships.get(id);
        return Responses.versioned(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "updateMembership",
            summary = "Update a membership's details",
            description = "Dates, term, notice period, contact, "
                    + "working groups, benefits, obligations, evaluation; If-Match or 'version'. Status and fee have their own "
                    + "endpoints. Roles: coordinator, admin; shareholder for memberships it holds only.")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<MembershipView> update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MembershipRequest request) {
        MembershipView view = memberships.update(id, request, ifMatch);
        return Responses.versioned(view, view.version());
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "changeMembershipStatus",
            summary = "Change a membership's status by hand",
            description = "Only CANDIDATE ↔ UNDER_REVIEW and "
                    + "NOTICE_GIVEN → ENDED; the others follow decisions and funding (409 naming the allowed ones). "
                    + "Publishes MembershipStatusChanged. Roles: coordinator, admin; shareholder for its own.")
    public MembershipView changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return memberships.changeStatus(id, change.status(), change.version());
    }

    @POST
    @Path("{id}/funding-request")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "requestMembershipFunding",
            summary = "Ask for the fee again",
            description = "For a membership AWAITING_FUNDING whose fee request "
                    + "was refused (e.g. after the budget line was raised): publishes a new ResourcesRequested. "
                    + "Roles: coordinator, admin; shareholder for its own.")
    public MembershipView requestFundingAgain(@PathParam("id") UUID id) {
        return funding.requestFundingAgain(id);
    }

    @GET
    @Path("{id}/fee-years")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listMembershipFeeYears",
            summary = "The fee of each year of a membership and its funding",
            description = "Per year the fee requested from that year's MEMBERSHIP_FEES line and projects-service's"
                    + " answer (REQUESTED, ALLOCATED, REJECTED with the reason). Roles: every role.")
    public List<FeeYearView> feeYears(@PathParam("id") UUID id) {
        memberships.fees(id); // 404 for an unknown membership
        return feeYears.years(id);
    }

    @POST
    @Path("{id}/fee-years/{year}/invoice")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "recordFeeInvoice",
            summary = "The organisation's invoice of a year's fee",
            description = "Number, day, amount and the day it is payable by (not before the invoice: 400); an invoice"
                    + " replaces the earlier one until the year is paid (409 then). Coordinators and the member"
                    + " shareholder are reminded 7 days, 1 day and on the day it is payable by. 404 for a year never"
                    + " requested. Roles: coordinator, admin.")
    public List<FeeYearView> invoice(
            @PathParam("id") UUID id,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Valid @NotNull FeePayments.InvoiceRequest request) {
        return payments.invoice(id, year, request);
    }

    @POST
    @Path("{id}/fee-years/{year}/payment")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "recordFeePayment",
            summary = "The payment of a year's fee",
            description = "Day and amount: it needs the invoice (409) and the year's fee funded (409), is never more"
                    + " than the fee (409), falls in the fee's year (400) and is recorded once (409). Publishes"
                    + " MembershipFeePaid: projects-service counts it as spent against the year's allocation. Roles:"
                    + " coordinator, admin.")
    public List<FeeYearView> pay(
            @PathParam("id") UUID id,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Valid @NotNull FeePayments.PaymentRequest request) {
        return payments.pay(id, year, request);
    }

    @POST
    @Path("fee-run")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "runMembershipFees",
            summary = "Request the fee of a year for every running membership",
            description = "For each ACTIVE membership (or one whose notice is given and that runs into the year)"
                    + " with a fee for the year: one ResourcesRequested per membership and year, with a request id"
                    + " derived from both, so that a rerun or two runs at once ask once; a year refused before is"
                    + " asked again. Runs by itself every day for the current year. Roles: coordinator, admin.")
    public FeeRunView runFees(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return feeYears.run(year);
    }

    @GET
    @Path("{id}/fees")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listMembershipFees",
            summary = "The fee history of a membership",
            description = "Each yearly fee with its validity. " + "Roles: every role.")
    public List<FeeView> fees(@PathParam("id") UUID id) {
        return memberships.fees(id);
    }

    @POST
    @Path("{id}/fees")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "changeMembershipFee",
            summary = "Change the yearly fee from a day on",
            description = "Closes the current fee the day before. "
                    + "Publishes FeeChanged. Roles: coordinator, admin; shareholder for its own.")
    public List<FeeView> changeFee(@PathParam("id") UUID id, @Valid @NotNull FeeChange change) {
        return memberships.changeFee(id, change);
    }

    @GET
    @Path("{id}/decisions")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listMembershipDecisions",
            summary = "The decisions on a membership",
            description = "Roles: every role.")
    public List<DecisionView> decisions(@PathParam("id") UUID id) {
        return decisions.decisions(id);
    }

    @POST
    @Path("{id}/decisions")
    @RolesAllowed({DECISION_MAKER, ADMIN})
    @Operation(
            operationId = "decideOnMembership",
            summary = "Record a decision on a membership",
            description = "JOIN (approved: ResourcesRequested for "
                    + "the fee, status AWAITING_FUNDING), DECLINE, TERMINATE (approved: NOTICE_GIVEN until the first renewal "
                    + "whose notice deadline has not passed). Publishes DecisionTaken. Roles: decision-maker, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<DecisionView> decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        DecisionView view = decisions.decide(id, request);
        return Responses.created("/memberships/" + id + "/decisions/" + view.id(), view);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getMembershipHistory",
            summary = "A membership's change history",
            description = "Roles: every role.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        memberships.get(id);
        return audit.history(MembershipEvents.MEMBERSHIP, id);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
