package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.memberships.MembershipsApi;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionKind;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionOutcome;
import de.kielregion.kooperation.portal.clients.memberships.model.MembershipDecisionRequest;
import de.kielregion.kooperation.portal.clients.partners.DecisionsOnPartnersApi;
import de.kielregion.kooperation.portal.clients.partners.PartnersApi;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerDecisionKind;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerDecisionOutcome;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerDecisionRequest;
import de.kielregion.kooperation.portal.clients.projects.BoardMeetingsApi;
import de.kielregion.kooperation.portal.clients.projects.ProjectsApi;
import de.kielregion.kooperation.portal.clients.projects.StrategyApi;
import de.kielregion.kooperation.portal.clients.projects.StrategyOverviewApi;
import de.kielregion.kooperation.portal.clients.projects.model.AgendaItemStatus;
import de.kielregion.kooperation.portal.clients.projects.model.AgendaItemView;
import de.kielregion.kooperation.portal.clients.projects.model.AgendaSubject;
import de.kielregion.kooperation.portal.clients.projects.model.DecisionBody;
import de.kielregion.kooperation.portal.clients.projects.model.DecisionOutcome;
import de.kielregion.kooperation.portal.clients.projects.model.GeneralDecisionRequest;
import de.kielregion.kooperation.portal.clients.projects.model.ItemRequest;
import de.kielregion.kooperation.portal.clients.projects.model.MeetingDetail;
import de.kielregion.kooperation.portal.clients.projects.model.MeetingRequest;
import de.kielregion.kooperation.portal.clients.projects.model.MeetingView;
import de.kielregion.kooperation.portal.clients.projects.model.MoveRequest;
import de.kielregion.kooperation.portal.clients.projects.model.OrderRequest;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectDecisionRequest;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectOutcome;
import de.kielregion.kooperation.portal.clients.projects.model.QuestionDecisionRequest;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The deciding bodies' meetings (Sitzungen): planned by coordinators; the agenda assembled from
 * what waits for a decision in all three services, ordered, extended by hand, items moved to
 * another meeting; each item's decision paper and the meeting's documents as PDF; the invitation;
 * the decisions taken in the meeting, recorded by decision-makers from the agenda (body and day
 * are the meeting's); the minutes. Every role reads.
 */
@Path("/meetings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MeetingsPage extends PageSupport {

    @Inject
    @RestClient
    BoardMeetingsApi meetings;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @RestClient
    StrategyApi strategy;

    @Inject
    @RestClient
    StrategyOverviewApi overview;

    @Inject
    @RestClient
    MembershipsApi memberships;

    @Inject
    @RestClient
    DecisionsOnPartnersApi partnerDecisions;

    @Inject
    @RestClient
    PartnersApi partners;

    @Inject
    @Location("meetings/list.html")
    Template list;

    @Inject
    @Location("meetings/detail.html")
    Template detail;

    @GET
    public TemplateInstance list() {
        LocalDate from = LocalDate.now(Ui.ZONE).minusYears(1);
        return page(list).data("meetings", Section.of("projects", () -> meetings.listBoardMeetings(from)));
    }

    @GET
    @Path("new")
    public TemplateInstance planPage() {
        allowed(ui.canEdit());
        return form(planSpec(), Forms.prefill("body", "SUPERVISORY_BOARD"));
    }

    @POST
    @Path("new")
    public Response plan(MultivaluedMap<String, String> form) {
        return post(form, planSpec(), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            MeetingView m = meetings.planBoardMeeting(
                    f.done(new MeetingRequest()
                            .body(f.choice("body", DecisionBody::fromValue))
                            .meetsOn(f.date("meetsOn"))
                            .title(f.text("title"))
                            .place(f.text("place"))),
                    null);
            return "/meetings/" + m.getId();
        });
    }

    private FormPage planSpec() {
        return FormPage.of(ui.t("meetings.plan"), "/meetings/new", "meetings")
                .back("/meetings", ui.t("meetings.title"))
                .select("body", ui.t("decision.body"), true, options("Body", Options.BODIES))
                .date("meetsOn", ui.t("meetings.meetsOn"), true, null)
                .text("title", ui.t("meetings.name"), false, 200)
                .text("place", ui.t("meetings.place"), false, 200)
                .submit(ui.t("form.save"), "meeting-save");
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        UUID meetingId = Options.id(id);
        MeetingDetail m = meetings.getBoardMeeting(meetingId);
        return page(detail)
                .data("m", m)
                .data(
                        "candidates",
                        Section.of(
                                "projects",
                                () -> ui.canEdit() || ui.canDecide() ? meetings.listAgendaCandidates() : List.of()))
                .data("problem", null);
    }

    /** Every subject that waits for a decision joins the agenda. */
    @POST
    @Path("{id}/pending")
    public Response addPending(@PathParam("id") String id) {
        UUID meetingId = Options.id(id);
        return act(() -> {
            meetings.addPendingToAgenda(meetingId, null);
            return "/meetings/" + meetingId + "#agenda";
        });
    }

    /** An item one up or down the agenda. */
    @POST
    @Path("{id}/items/{item}/{direction:up|down}")
    public Response shift(
            @PathParam("id") String id, @PathParam("item") String item, @PathParam("direction") String direction) {
        UUID meetingId = Options.id(id);
        UUID itemId = Options.id(item);
        return act(() -> {
            List<UUID> order = new ArrayList<>(meetings.getBoardMeeting(meetingId).getAgenda().stream()
                    .map(AgendaItemView::getId)
                    .toList());
            int at = order.indexOf(itemId);
            int to = "up".equals(direction) ? at - 1 : at + 1;
            if (at < 0) {
                throw Options.notFound();
            }
            if (to >= 0 && to < order.size()) {
                java.util.Collections.swap(order, at, to);
                meetings.reorderAgenda(meetingId, new OrderRequest().itemIds(order));
            }
            return "/meetings/" + meetingId + "#agenda";
        });
    }

    @POST
    @Path("{id}/invitation")
    public Response invite(@PathParam("id") String id) {
        UUID meetingId = Options.id(id);
        return act(() -> {
            meetings.sendInvitation(meetingId, null);
            return "/meetings/" + meetingId;
        });
    }

    @GET
    @Path("{id}/unterlagen.pdf")
    @Produces("application/pdf")
    public Response documents(@PathParam("id") String id) {
        return file(meetings.getMeetingDocumentsPdf(Options.id(id)), "application/pdf", "sitzungsunterlagen.pdf");
    }

    @GET
    @Path("{id}/items/{item}/vorlage.pdf")
    @Produces("application/pdf")
    public Response paper(@PathParam("id") String id, @PathParam("item") String item) {
        AgendaItemView i = item(meetings.getBoardMeeting(Options.id(id)), item);
        return file(
                meetings.getDecisionPaperPdf(i.getId()),
                "application/pdf",
                "beschlussvorlage-top-" + i.getPosition() + ".pdf");
    }

    /** The minutes: a file (multipart) passed on to the attachment store. */
    @POST
    @Path("{id}/minutes")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response minutes(
            @PathParam("id") String id,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        UUID meetingId = Options.id(id);
        return upload(
                file,
                (name, content) -> meetings.fileMinutes(meetingId, content, name, null),
                "/meetings/" + meetingId + "#minutes",
                problem -> show(id).data("problem", problem)
                        .data("otherViolations", problem.otherViolations(java.util.Set.of())));
    }

    // An item by hand: a focus partner, the strategy, or a free item

    @GET
    @Path("{id}/items/new")
    public TemplateInstance itemForm(@PathParam("id") String id) {
        allowed(ui.canEdit());
        return form(itemForm(meetings.getBoardMeeting(Options.id(id))), Forms.prefill("subjectType", "OTHER"));
    }

    @POST
    @Path("{id}/items/new")
    public Response addItem(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        MeetingDetail m = meetings.getBoardMeeting(Options.id(id));
        return post(form, itemForm(m), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            AgendaSubject subject = f.choice("subjectType", AgendaSubject::fromValue);
            meetings.addAgendaItem(
                    m.getMeeting().getId(),
                    f.done(new ItemRequest()
                            .subjectType(subject)
                            .subjectId(subject == AgendaSubject.PARTNER ? f.uuid("partnerId") : null)
                            .title(f.text("title"))
                            .note(f.text("note"))),
                    null);
            return "/meetings/" + m.getMeeting().getId() + "#agenda";
        });
    }

    private FormPage itemForm(MeetingDetail m) {
        String back = "/meetings/" + m.getMeeting().getId();
        return FormPage.of(ui.t("meetings.item.new"), back + "/items/new", "meetings")
                .back(back, m.getMeeting().getLabel())
                .intro(ui.t("meetings.item.intro"))
                .select(
                        "subjectType",
                        ui.t("meetings.item.subject"),
                        true,
                        options("AgendaSubject", List.of("OTHER", "PARTNER", "STRATEGY")))
                .select(
                        "partnerId",
                        ui.t("meetings.item.partner"),
                        false,
                        partners
                                .searchPartners(null, null, 0, null, null, 100, "name", "ACTIVE", null, null, null)
                                .getItems()
                                .stream()
                                .map(p -> new FormPage.Option(p.getId().toString(), p.getName()))
                                .toList())
                .text("title", ui.t("meetings.item.title"), false, 400)
                .area("note", ui.t("meetings.item.note"), 4000)
                .submit(ui.t("form.save"), "item-save");
    }

    // Moving an item to another meeting

    @GET
    @Path("{id}/items/{item}/move")
    public TemplateInstance moveForm(@PathParam("id") String id, @PathParam("item") String item) {
        allowed(ui.canEdit());
        MeetingDetail m = meetings.getBoardMeeting(Options.id(id));
        return form(moveForm(m, item(m, item)), Map.of());
    }

    @POST
    @Path("{id}/items/{item}/move")
    public Response move(
            @PathParam("id") String id, @PathParam("item") String item, MultivaluedMap<String, String> form) {
        MeetingDetail m = meetings.getBoardMeeting(Options.id(id));
        AgendaItemView i = item(m, item);
        return post(form, moveForm(m, i), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            meetings.moveAgendaItem(
                    i.getId(),
                    f.done(new MoveRequest().toMeetingId(f.uuid("toMeetingId")).reason(f.text("reason"))),
                    null);
            return "/meetings/" + m.getMeeting().getId() + "#moved";
        });
    }

    private FormPage moveForm(MeetingDetail m, AgendaItemView i) {
        String back = "/meetings/" + m.getMeeting().getId();
        return FormPage.of(ui.t("meetings.move", i.getTitle()), back + "/items/" + i.getId() + "/move", "meetings")
                .back(back, m.getMeeting().getLabel())
                .select(
                        "toMeetingId",
                        ui.t("meetings.move.to"),
                        true,
                        meetings.listBoardMeetings(LocalDate.now(Ui.ZONE)).stream()
                                .filter(o -> !o.getId().equals(m.getMeeting().getId()))
                                .map(o -> new FormPage.Option(
                                        o.getId().toString(), o.getLabel() + " (" + ui.date(o.getMeetsOn()) + ")"))
                                .toList())
                .area("reason", ui.t("meetings.move.reason"), 1000)
                .submit(ui.t("meetings.move.submit"), "move-save");
    }

    // A decision taken in the meeting: the body and the day are the meeting's

    @GET
    @Path("{id}/items/{item}/decide")
    public TemplateInstance decideForm(@PathParam("id") String id, @PathParam("item") String item) {
        allowed(ui.canDecide());
        MeetingDetail m = meetings.getBoardMeeting(Options.id(id));
        AgendaItemView i = item(m, item);
        return form(decisionForm(m, i), Forms.prefill("kind", defaultKind(i.getSubjectType())));
    }

    @POST
    @Path("{id}/items/{item}/decide")
    public Response decide(
            @PathParam("id") String id, @PathParam("item") String item, MultivaluedMap<String, String> form) {
        MeetingDetail m = meetings.getBoardMeeting(Options.id(id));
        AgendaItemView i = item(m, item);
        MeetingView meeting = m.getMeeting();
        return post(form, decisionForm(m, i), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            String body = meeting.getBody().toString();
            switch (i.getSubjectType()) {
                case PROJECT ->
                    projects.decideOnProject(
                            i.getSubjectId(),
                            f.done(new ProjectDecisionRequest()
                                    .body(DecisionBody.fromValue(body))
                                    .decidedOn(meeting.getMeetsOn())
                                    .outcome(f.choice("outcome", ProjectOutcome::fromValue))
                                    .conditions(f.text("conditions"))
                                    .minutesReference(f.text("minutesReference"))
                                    .revisitOn(f.date("revisitOn"))
                                    .meetingId(meeting.getId())),
                            null);
                case MEMBERSHIP ->
                    memberships.decideOnMembership(
                            i.getSubjectId(),
                            f.done(
                                    new MembershipDecisionRequest()
                                            .kind(f.choice("kind", MembershipDecisionKind::fromValue))
                                            .body(de.kielregion.kooperation.portal.clients.memberships.model
                                                    .DecisionBody.fromValue(body))
                                            .decidedOn(meeting.getMeetsOn())
                                            .outcome(f.choice("outcome", MembershipDecisionOutcome::fromValue))
                                            .conditions(f.text("conditions"))
                                            .minutesReference(f.text("minutesReference"))
                                            .revisitOn(f.date("revisitOn"))
                                            .meetingId(meeting.getId())),
                            null);
                case PARTNER ->
                    partnerDecisions.decideOnPartner(
                            i.getSubjectId(),
                            f.done(
                                    new PartnerDecisionRequest()
                                            .kind(f.choice("kind", PartnerDecisionKind::fromValue))
                                            .body(de.kielregion.kooperation.portal.clients.partners.model.DecisionBody
                                                    .fromValue(body))
                                            .decidedOn(meeting.getMeetsOn())
                                            .outcome(f.choice("outcome", PartnerDecisionOutcome::fromValue))
                                            .revisitOn(f.date("revisitOn"))
                                            .minutesReference(f.text("minutesReference"))
                                            .note(f.text("note"))
                                            .meetingId(meeting.getId())),
                            null);
                case OPEN_QUESTION ->
                    strategy.resolveOpenQuestion(
                            i.getSubjectId(),
                            f.done(new QuestionDecisionRequest()
                                    .body(DecisionBody.fromValue(body))
                                    .decidedOn(meeting.getMeetsOn())
                                    .answer(f.text("answer"))
                                    .minutesReference(f.text("minutesReference"))
                                    .meetingId(meeting.getId())),
                            null);
                case STRATEGY -> overview.decideOnStrategy(general(f, body, meeting), null);
                case MEASURE -> strategy.decideOnMeasure(i.getSubjectId(), general(f, body, meeting), null);
                default -> throw Options.notFound();
            }
            return "/meetings/" + meeting.getId() + "#agenda";
        });
    }

    private static GeneralDecisionRequest general(Forms.Reader f, String body, MeetingView meeting) {
        return f.done(new GeneralDecisionRequest()
                .kind(f.text("kind"))
                .body(DecisionBody.fromValue(body))
                .decidedOn(meeting.getMeetsOn())
                .outcome(f.choice("outcome", DecisionOutcome::fromValue))
                .conditions(f.text("conditions"))
                .minutesReference(f.text("minutesReference"))
                .meetingId(meeting.getId()));
    }

    private static String defaultKind(AgendaSubject subject) {
        return switch (subject) {
            case MEMBERSHIP -> "JOIN";
            case PARTNER -> "DESIGNATE_FOCUS_PARTNER";
            case STRATEGY -> "STRATEGY_ADOPTED";
            default -> null;
        };
    }

    /** The fields of a decision on the item's subject; body and day are the meeting's, said in the intro. */
    private FormPage decisionForm(MeetingDetail m, AgendaItemView i) {
        MeetingView meeting = m.getMeeting();
        String back = "/meetings/" + meeting.getId();
        FormPage form = FormPage.of(
                        ui.t("meetings.decide", i.getTitle()), back + "/items/" + i.getId() + "/decide", "meetings")
                .back(back, meeting.getLabel())
                .intro(ui.t(
                        "meetings.decide.intro",
                        ui.e("Body", meeting.getBody().toString()),
                        meeting.getLabel(),
                        ui.date(meeting.getMeetsOn())));
        switch (i.getSubjectType()) {
            case PROJECT ->
                form.select(
                                "outcome",
                                ui.t("decision.outcome"),
                                true,
                                options("ProjectStatus", Options.PROJECT_OUTCOMES))
                        .area("conditions", ui.t("decision.conditions"), 2000)
                        .date("revisitOn", ui.t("decision.revisitOn"), false, null);
            case MEMBERSHIP ->
                form.select(
                                "kind",
                                ui.t("decision.kind"),
                                true,
                                options("MembershipDecision", Options.of(MembershipDecisionKind.class)))
                        .select(
                                "outcome",
                                ui.t("decision.outcome"),
                                true,
                                options("Outcome", Options.of(MembershipDecisionOutcome.class)))
                        .area("conditions", ui.t("decision.conditions"), 2000)
                        .date("revisitOn", ui.t("decision.revisitOn"), false, null);
            case PARTNER ->
                form.select(
                                "kind",
                                ui.t("decision.kind"),
                                true,
                                options("PartnerDecision", Options.of(PartnerDecisionKind.class)))
                        .select(
                                "outcome",
                                ui.t("decision.outcome"),
                                true,
                                options("Outcome", Options.of(PartnerDecisionOutcome.class)))
                        .date("revisitOn", ui.t("decision.revisitOn"), false, null)
                        .area("note", ui.t("decisions.note"), 2000);
            case OPEN_QUESTION -> form.area("answer", ui.t("plan.question.answerText"), 4000);
            case STRATEGY ->
                form.select(
                                "kind",
                                ui.t("strategy.decide.kind"),
                                true,
                                options("DecisionKind", StrategyPage.STRATEGY_KINDS))
                        .select(
                                "outcome",
                                ui.t("decision.outcome"),
                                true,
                                options("Outcome", Options.of(DecisionOutcome.class)))
                        .area("conditions", ui.t("decision.conditions"), 2000);
            case MEASURE ->
                form.text("kind", ui.t("decision.kind"), true, 100)
                        .select(
                                "outcome",
                                ui.t("decision.outcome"),
                                true,
                                options("Outcome", Options.of(DecisionOutcome.class)))
                        .area("conditions", ui.t("decision.conditions"), 2000);
            default -> throw Options.notFound();
        }
        return form.text("minutesReference", ui.t("decision.minutes"), false, 300)
                .submit(ui.t("decision.save"), "meeting-decide");
    }

    private static AgendaItemView item(MeetingDetail m, String item) {
        UUID itemId = Options.id(item);
        return m.getAgenda().stream()
                .filter(i -> i.getId().equals(itemId) && i.getStatus() != AgendaItemStatus.MOVED)
                .findFirst()
                .orElseThrow(Options::notFound);
    }
}
