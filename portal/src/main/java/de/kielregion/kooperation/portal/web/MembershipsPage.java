package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.memberships.MembershipsApi;
import de.kielregion.kooperation.portal.clients.memberships.model.DecisionBody;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionKind;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionOutcome;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionRequest;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipStatus;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipStatusChange;
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
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") String page) {
        String s = oneOf(STATUSES, status) ? status : null;
        return page(list)
                .data("result", memberships.listMemberships(null, null, pageNumber(page), 20, null, s))
                .data("deadlines", Section.of("memberships", () -> memberships.listNoticeDeadlines("P90D")))
                .data("status", s == null ? "" : s)
                .data("statuses", STATUSES)
                .data("query", s == null ? "" : "status=" + s);
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        UUID membershipId = Options.id(id);
        return page(detail)
                .data("m", memberships.getMembership(membershipId))
                .data("fees", Section.of("memberships", () -> memberships.listMembershipFees(membershipId)))
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
