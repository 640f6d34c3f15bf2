package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.MembershipsApi;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Memberships (STRING, UBC, ...): status, decisions, fees, notice deadlines; the join flow. */
@Path("/memberships")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MembershipsPage extends PageSupport {

    static final List<String> STATUSES = List.of(
            "CANDIDATE",
            "UNDER_REVIEW",
            "DECIDED_JOIN",
            "DECIDED_DECLINE",
            "AWAITING_FUNDING",
            "ACTIVE",
            "NOTICE_GIVEN",
            "ENDED");
    static final List<String> KINDS = List.of("JOIN", "DECLINE", "TERMINATE");
    static final List<String> OUTCOMES = List.of("APPROVED", "REJECTED", "DEFERRED");

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
                memberships.membershipsXlsx(oneOf(STATUSES, status) ? status : null),
                XLSX,
                "mitgliedschaften-" + java.time.LocalDate.now(Ui.ZONE) + ".xlsx");
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") String page) {
        String s = oneOf(STATUSES, status) ? status : null;
        return page(list)
                .data("result", memberships.memberships(null, s, pageNumber(page), 20, null))
                .data("deadlines", Section.of("memberships", () -> memberships.deadlines("P90D")))
                .data("status", s == null ? "" : s)
                .data("statuses", STATUSES)
                .data("query", s == null ? "" : "status=" + s);
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        String membershipId = Options.uuid(id);
        return page(detail)
                .data("m", memberships.membership(membershipId))
                .data("fees", Section.of("memberships", () -> memberships.fees(membershipId)))
                .data("decisions", Section.of("memberships", () -> memberships.decisions(membershipId)))
                .data("history", Section.of("memberships", () -> memberships.history(membershipId)))
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
        return act(
                id,
                form,
                () -> memberships.changeStatus(
                        id,
                        Forms.body("status", Forms.text(form, "status"), "version", Forms.integer(form, "version"))));
    }

    @POST
    @Path("{id}/decisions")
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(
                id,
                form,
                () -> memberships.decide(
                        id,
                        Forms.body(
                                "kind",
                                Forms.text(form, "kind"),
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
                                Forms.text(form, "revisitOn"))));
    }

    @POST
    @Path("{id}/funding-request")
    public Response requestFunding(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, () -> memberships.requestFunding(id));
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
