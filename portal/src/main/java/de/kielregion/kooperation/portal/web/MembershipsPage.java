package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.memberships.MembershipsApi;
import de.kielregion.kooperation.portal.clients.memberships.OrganisationsApi;
import de.kielregion.kooperation.portal.clients.memberships.model.DecisionBody;
import de.kielregion.kooperation.portal.clients.memberships.model.FeeChange;
import de.kielregion.kooperation.portal.clients.memberships.model.FeeModel;
import de.kielregion.kooperation.portal.clients.memberships.model.FeeModelType;
import de.kielregion.kooperation.portal.clients.memberships.model.InvoiceRequest;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionKind;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionOutcome;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionRequest;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipRequest;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipStatus;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipStatusChange;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipView;
import de.kielregion.kooperation.portal.clients.memberships.model.OrganisationKind;
import de.kielregion.kooperation.portal.clients.memberships.model.OrganisationRequest;
import de.kielregion.kooperation.portal.clients.memberships.model.OrganisationView;
import de.kielregion.kooperation.portal.clients.memberships.model.PaymentRequest;
import de.kielregion.kooperation.portal.clients.memberships.model.Shareholder;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Memberships (STRING, UBC, ...): status, decisions, fees, notice deadlines; the join flow. */
@Path("/memberships")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MembershipsPage extends PageSupport {

    static final List<String> STATUSES = Options.of(MembershipStatus.class);
    static final List<String> KINDS = Options.of(MembershipDecisionKind.class);
    static final List<String> OUTCOMES = Options.of(MembershipDecisionOutcome.class);

    @Inject
    @RestClient
    MembershipsApi memberships;

    @Inject
    @RestClient
    OrganisationsApi organisations;

    @Inject
    @Location("memberships/list.html")
    Template list;

    @Inject
    @Location("memberships/detail.html")
    Template detail;

    /** The memberships (status as filtered in the list) as a spreadsheet. */
    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    public Response xlsx(@QueryParam("status") String status) {
        return file(
                memberships.exportMembershipsXlsx(null, null, oneOf(STATUSES, status) ? status : null),
                XLSX,
                "mitgliedschaften-" + java.time.LocalDate.now(Ui.ZONE) + ".xlsx");
    }

    @GET
    public TemplateInstance list(
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("feeRun") String feeRun) {
        String s = oneOf(STATUSES, status) ? status : null;
        return page(list)
                .data("result", memberships.listMemberships(null, null, null, pageNumber(page), 20, null, s))
                .data("deadlines", Section.of("memberships", () -> memberships.listNoticeDeadlines("P90D")))
                .data("status", s == null ? "" : s)
                .data("statuses", STATUSES)
                .data("query", s == null ? "" : "status=" + s)
                .data("year", LocalDate.now(Ui.ZONE).getYear())
                .data("feeRun", feeRun != null && feeRun.matches("\\d{1,6}") ? Integer.valueOf(feeRun) : null);
    }

    /** Coordinators ask for this year's fee of every running membership (the service also does it every day). */
    @POST
    @Path("fee-run")
    public Response feeRun() {
        int year = LocalDate.now(Ui.ZONE).getYear();
        return act(() -> {
            var run = memberships.runMembershipFees(year, null);
            return "/memberships?feeRun=" + run.getRequested() + "&year=" + year;
        });
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        UUID membershipId = Options.id(id);
        return page(detail)
                .data("m", memberships.getMembership(membershipId))
                .data("fees", Section.of("memberships", () -> memberships.listMembershipFees(membershipId)))
                .data("feeYears", Section.of("memberships", () -> memberships.listMembershipFeeYears(membershipId)))
                .data("decisions", Section.of("memberships", () -> memberships.listMembershipDecisions(membershipId)))
                .data("history", Section.of("memberships", () -> memberships.getMembershipHistory(membershipId)))
                .data("kinds", KINDS)
                .data("outcomes", OUTCOMES)
                .data("bodies", Options.BODIES)
                .data("today", LocalDate.now(Ui.ZONE).toString())
                .data("problem", null)
                .data("values", Map.of());
    }

    @POST
    @Path("{id}/status")
    public Response move(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            memberships.changeMembershipStatus(
                    Options.id(id),
                    f.done(new MembershipStatusChange()
                            .status(f.choice("status", MembershipStatus::fromValue))
                            .version(f.version())),
                    null);
        });
    }

    @POST
    @Path("{id}/decisions")
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            memberships.decideOnMembership(
                    Options.id(id),
                    f.done(new MembershipDecisionRequest()
                            .kind(f.choice("kind", MembershipDecisionKind::fromValue))
                            .body(f.choice("body", DecisionBody::fromValue))
                            .decidedOn(f.date("decidedOn"))
                            .outcome(f.choice("outcome", MembershipDecisionOutcome::fromValue))
                            .conditions(f.text("conditions"))
                            .minutesReference(f.text("minutesReference"))
                            .revisitOn(f.date("revisitOn"))),
                    null);
        });
    }

    @POST
    @Path("{id}/funding-request")
    public Response requestFunding(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, () -> memberships.requestMembershipFunding(Options.id(id), null));
    }

    // A membership is proposed (a coordinator for any shareholder, a shareholder for itself)

    @GET
    @Path("new")
    public TemplateInstance proposeForm(@QueryParam("organisation") String organisation) {
        allowed(ui.canEdit() || ui.shareholder() != null);
        return form(
                proposal(),
                Forms.prefill(
                        "holder",
                        ui.canEdit() ? null : ui.shareholder(),
                        "organisationId",
                        organisation,
                        "startDate",
                        LocalDate.now(Ui.ZONE),
                        "yearlyFee",
                        flatFeeOf(organisation)));
    }

    /** The organisation's flat fee (plain digits, as every language reads them), to start the proposal with; else null. */
    private String flatFeeOf(String organisation) {
        if (organisation == null || !organisation.matches("[0-9a-fA-F-]{36}")) {
            return null;
        }
        FeeModel model = organisations.getOrganisation(Options.id(organisation)).getFeeModel();
        return model != null && model.getType() == FeeModelType.FLAT && model.getFlatFee() != null
                ? model.getFlatFee().toPlainString()
                : null;
    }

    @POST
    public Response propose(MultivaluedMap<String, String> form) {
        return post(form, proposal(), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            Integer noticeMonths = f.integer("noticePeriod");
            MembershipView created = memberships.proposeMembership(
                    f.done(new MembershipRequest()
                            .holder(f.choice("holder", Shareholder::fromValue))
                            .organisationId(f.uuid("organisationId"))
                            .startDate(f.date("startDate"))
                            .termMonths(f.integer("termMonths"))
                            .noticePeriod(noticeMonths == null ? null : "P" + noticeMonths + "M")
                            .yearlyFee(f.decimal("yearlyFee"))
                            .contactPerson(f.text("contactPerson"))
                            .expectedBenefits(f.text("expectedBenefits"))
                            .obligations(f.text("obligations"))),
                    null);
            return "/memberships/" + created.getId();
        });
    }

    private FormPage proposal() {
        List<String> holders =
                ui.canEdit() ? Options.SHAREHOLDERS : ui.shareholder() == null ? List.of() : List.of(ui.shareholder());
        List<FormPage.Option> orgs = organisations.listOrganisations(null, null, 0, null, 100, null).getItems().stream()
                .map(o -> new FormPage.Option(o.getId().toString(), o.getAcronym() + " – " + o.getName()))
                .toList();
        return FormPage.of(ui.t("memberships.propose"), "/memberships", "memberships")
                .back("/memberships", ui.t("memberships.title"))
                .select("holder", ui.t("memberships.holder"), true, options("Shareholder", holders))
                .select("organisationId", ui.t("memberships.organisation"), true, orgs)
                .hint(ui.t("memberships.organisation.hint"))
                .date("startDate", ui.t("memberships.start"), false, null)
                .number("termMonths", ui.t("memberships.termMonths"), false, ui.t("memberships.termMonths.hint"))
                .number("noticePeriod", ui.t("memberships.noticeMonths"), false, null)
                .decimal("yearlyFee", ui.t("memberships.fee"), false, ui.t("memberships.fee.hint"))
                .text("contactPerson", ui.t("memberships.contactPerson"), false, 200)
                .area("expectedBenefits", ui.t("memberships.benefits"), 4000)
                .area("obligations", ui.t("memberships.obligations"), 4000)
                .submit(ui.t("memberships.propose"), "membership-propose");
    }

    // An organisation (a network such as STRING or UBC) is registered

    @GET
    @Path("organisations/new")
    public TemplateInstance organisationForm() {
        allowed(ui.canEdit());
        return form(organisation(), Forms.prefill("feeModel.type", FeeModelType.FLAT));
    }

    @POST
    @Path("organisations")
    public Response registerOrganisation(MultivaluedMap<String, String> form) {
        return post(form, organisation(), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            OrganisationView created = organisations.registerOrganisation(
                    f.done(new OrganisationRequest()
                            .name(f.text("name"))
                            .acronym(f.text("acronym"))
                            .kind(f.choice("kind", OrganisationKind::fromValue))
                            .seatCountry(f.text("seatCountry"))
                            .website(f.text("website"))
                            .description(f.text("description"))
                            .feeModel(new FeeModel().type(FeeModelType.FLAT).flatFee(f.decimal("feeModel.flatFee")))),
                    null);
            return "/memberships/new?organisation=" + created.getId();
        });
    }

    private FormPage organisation() {
        return FormPage.of(ui.t("memberships.organisation.new"), "/memberships/organisations", "memberships")
                .back("/memberships", ui.t("memberships.title"))
                .text("name", ui.t("memberships.organisation.name"), true, 300)
                .text("acronym", ui.t("memberships.organisation.acronym"), true, 30)
                .select(
                        "kind",
                        ui.t("memberships.organisation.kind"),
                        true,
                        options("OrganisationKind", Options.of(OrganisationKind.class)))
                .select(
                        "seatCountry",
                        ui.t("memberships.organisation.seat"),
                        true,
                        Options.COUNTRIES.stream()
                                .map(c -> new FormPage.Option(c, ui.country(c)))
                                .toList())
                .text("website", ui.t("memberships.organisation.website"), false, 500)
                .area("description", ui.t("plan.description"), 4000)
                .decimal(
                        "feeModel.flatFee",
                        ui.t("memberships.organisation.flatFee"),
                        true,
                        ui.t("memberships.organisation.flatFee.hint"))
                .submit(ui.t("form.save"), "organisation-save");
    }

    // A year's fee: the organisation's invoice and its payment

    @GET
    @Path("{id}/fee-years/{year}/{what:invoice|payment}")
    public TemplateInstance feeYearForm(
            @PathParam("id") String id, @PathParam("year") String year, @PathParam("what") String what) {
        allowed(ui.canEdit());
        MembershipView m = memberships.getMembership(Options.id(id));
        int y = feeYear(year);
        return form(
                "invoice".equals(what) ? invoiceForm(m, y) : paymentForm(m, y),
                Forms.prefill("invoice".equals(what) ? "invoicedOn" : "paidOn", LocalDate.now(Ui.ZONE)));
    }

    @POST
    @Path("{id}/fee-years/{year}/invoice")
    public Response invoice(
            @PathParam("id") String id, @PathParam("year") String year, MultivaluedMap<String, String> form) {
        MembershipView m = memberships.getMembership(Options.id(id));
        int y = feeYear(year);
        return post(form, invoiceForm(m, y), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            memberships.recordFeeInvoice(
                    m.getId(),
                    y,
                    f.done(new InvoiceRequest()
                            .invoiceNumber(f.text("invoiceNumber"))
                            .invoicedOn(f.date("invoicedOn"))
                            .amount(f.decimal("amount"))
                            .payableBy(f.date("payableBy"))),
                    null);
            return "/memberships/" + m.getId() + "#fees";
        });
    }

    @POST
    @Path("{id}/fee-years/{year}/payment")
    public Response pay(
            @PathParam("id") String id, @PathParam("year") String year, MultivaluedMap<String, String> form) {
        MembershipView m = memberships.getMembership(Options.id(id));
        int y = feeYear(year);
        return post(form, paymentForm(m, y), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            memberships.recordFeePayment(
                    m.getId(),
                    y,
                    f.done(new PaymentRequest().paidOn(f.date("paidOn")).amount(f.decimal("amount"))),
                    null);
            return "/memberships/" + m.getId() + "#fees";
        });
    }

    private static int feeYear(String year) {
        if (year == null || !year.matches("20\\d\\d")) {
            throw Options.notFound();
        }
        return Integer.parseInt(year);
    }

    private FormPage invoiceForm(MembershipView m, int year) {
        String path = "/memberships/" + m.getId();
        return FormPage.of(
                        ui.t("memberships.invoice.record", year),
                        path + "/fee-years/" + year + "/invoice",
                        "memberships")
                .back(path, m.getOrganisationAcronym())
                .text("invoiceNumber", ui.t("memberships.invoice.number"), true, 100)
                .date("invoicedOn", ui.t("memberships.invoice.on"), true, null)
                .decimal("amount", ui.t("memberships.invoice.amount"), true, null)
                .date("payableBy", ui.t("memberships.invoice.payableBy"), true, null)
                .submit(ui.t("form.save"), "invoice-save");
    }

    private FormPage paymentForm(MembershipView m, int year) {
        String path = "/memberships/" + m.getId();
        return FormPage.of(
                        ui.t("memberships.payment.record", year),
                        path + "/fee-years/" + year + "/payment",
                        "memberships")
                .back(path, m.getOrganisationAcronym())
                .intro(ui.t("memberships.payment.intro"))
                .date("paidOn", ui.t("memberships.payment.on"), true, null)
                .decimal("amount", ui.t("memberships.payment.amount"), true, null)
                .submit(ui.t("form.save"), "payment-save");
    }

    // The fee changes from a day on

    @GET
    @Path("{id}/fee")
    public TemplateInstance feeForm(@PathParam("id") String id) {
        MembershipView m = memberships.getMembership(Options.id(id));
        allowed(ui.mayWriteFor(m.getHolder()));
        return form(fee(m), Forms.prefill("validFrom", m.getNextRenewal()));
    }

    @POST
    @Path("{id}/fee")
    public Response changeFee(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        MembershipView m = memberships.getMembership(Options.id(id));
        return post(form, fee(m), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            memberships.changeMembershipFee(
                    m.getId(),
                    f.done(new FeeChange().yearlyFee(f.decimal("yearlyFee")).validFrom(f.date("validFrom"))),
                    null);
            return "/memberships/" + m.getId() + "#fees";
        });
    }

    private FormPage fee(MembershipView m) {
        return FormPage.of(
                        ui.t("memberships.fee.change", m.getOrganisationAcronym()),
                        "/memberships/" + m.getId() + "/fee",
                        "memberships")
                .back("/memberships/" + m.getId(), m.getOrganisationAcronym())
                .intro(ui.t("memberships.fee.now", ui.money(m.getCurrentYearlyFee())))
                .decimal("yearlyFee", ui.t("memberships.fee.new"), true, null)
                .date("validFrom", ui.t("memberships.fee.validFrom"), true, null)
                .submit(ui.t("form.save"), "fee-save");
    }

    private Response act(String id, MultivaluedMap<String, String> form, Runnable action) {
        Options.uuid(id);
        return submit(
                form,
                () -> {
                    action.run();
                    return "/memberships/" + id;
                },
                problem -> detail(id)
                        .data("action", Forms.text(form, "action"))
                        .data("otherViolations", problem.otherViolations(java.util.Set.of("decidedOn", "revisitOn"))));
    }
}
