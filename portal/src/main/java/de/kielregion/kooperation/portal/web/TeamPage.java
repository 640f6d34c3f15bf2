package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.memberships.MembershipsApi;
import de.kielregion.kooperation.portal.clients.projects.ProjectsApi;
import de.kielregion.kooperation.portal.clients.projects.TeamApi;
import de.kielregion.kooperation.portal.clients.projects.model.AssignmentRequest;
import de.kielregion.kooperation.portal.clients.projects.model.AssignmentSubject;
import de.kielregion.kooperation.portal.clients.projects.model.MemberRequest;
import de.kielregion.kooperation.portal.clients.projects.model.TeamMemberView;
import de.kielregion.kooperation.portal.clients.projects.model.YearCapacity;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * KielRegion's international team (measure 4's open question): who is in it with what capacity
 * per year, who works on which project or membership, and the STAFF line against it. Coordinators
 * and admins change it; every role reads.
 */
@Path("/team")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TeamPage extends PageSupport {

    @Inject
    @RestClient
    TeamApi team;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @RestClient
    MembershipsApi memberships;

    @Inject
    @RestClient
    de.kielregion.kooperation.portal.clients.projects.StrategyApi strategy;

    @Inject
    @Location("team.html")
    Template page;

    @GET
    public TemplateInstance show(@QueryParam("year") String year) {
        int y = year(year);
        return page(page)
                .data("year", y)
                .data("prev", y - 1)
                .data("next", y + 1)
                .data("team", Section.of("projects", () -> team.getTeam(y)))
                .data(
                        "questions",
                        Section.of(
                                "projects",
                                () -> strategy.listOpenQuestions(null, null).stream()
                                        .filter(q -> q.getText() != null
                                                && q.getText()
                                                        .toLowerCase(java.util.Locale.ROOT)
                                                        .contains("team"))
                                        .toList()));
    }

    private static int year(String value) {
        return value != null && value.matches("20\\d\\d")
                ? Integer.parseInt(value)
                : LocalDate.now(Ui.ZONE).getYear();
    }

    @GET
    @Path("members/new")
    public TemplateInstance memberPage() {
        allowed(ui.canEdit());
        return form(
                memberForm(),
                Map.of("year", String.valueOf(LocalDate.now(Ui.ZONE).getYear()), "fte", "1"));
    }

    @POST
    @Path("members/new")
    public Response addMember(MultivaluedMap<String, String> form) {
        return post(form, memberForm(), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            Integer year = f.integer("year");
            team.addTeamMember(
                    f.done(new MemberRequest()
                            .name(f.text("name"))
                            .role(f.text("role"))
                            .email(f.text("email"))
                            .capacity(List.of(new YearCapacity().year(year).fte(f.decimal("fte"))))),
                    null);
            return "/team?year=" + year;
        });
    }

    private FormPage memberForm() {
        return FormPage.of(ui.t("team.member.new"), "/team/members/new", "team")
                .back("/team", ui.t("team.title"))
                .text("name", ui.t("team.name"), true, 200)
                .text("role", ui.t("team.role"), false, 200)
                .email("email", ui.t("team.email"), false)
                .number("year", ui.t("team.year"), true, null)
                .decimal("fte", ui.t("team.capacity"), true, ui.t("team.fte.hint"))
                .submit(ui.t("form.save"), "member-save");
    }

    @GET
    @Path("members/{id}/capacity")
    public TemplateInstance capacityForm(@PathParam("id") String id, @QueryParam("year") String year) {
        allowed(ui.canEdit());
        TeamMemberView m = member(Options.id(id), year(year));
        return form(
                capacityForm(m),
                Map.of("year", String.valueOf(year(year)), "fte", String.valueOf(m.getCapacityOfYear())));
    }

    @POST
    @Path("members/{id}/capacity")
    public Response setCapacity(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        TeamMemberView m = member(Options.id(id), LocalDate.now(Ui.ZONE).getYear());
        return post(form, capacityForm(m), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            Integer year = f.integer("year");
            team.setTeamCapacity(m.getId(), f.done(new YearCapacity().year(year).fte(f.decimal("fte"))));
            return "/team?year=" + year;
        });
    }

    private FormPage capacityForm(TeamMemberView m) {
        return FormPage.of(ui.t("team.capacity.set", m.getName()), "/team/members/" + m.getId() + "/capacity", "team")
                .back("/team", ui.t("team.title"))
                .number("year", ui.t("team.year"), true, null)
                .decimal("fte", ui.t("team.capacity"), true, ui.t("team.fte.hint"))
                .submit(ui.t("form.save"), "capacity-save");
    }

    @GET
    @Path("assign")
    public TemplateInstance assignForm(@QueryParam("year") String year) {
        allowed(ui.canEdit());
        return form(assignForm(year(year)), Map.of("year", String.valueOf(year(year))));
    }

    @POST
    @Path("assign")
    public Response assign(MultivaluedMap<String, String> form) {
        int year = year(Forms.text(form, "year"));
        return post(form, assignForm(year), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            String subject = f.text("subject");
            AssignmentSubject type = subject == null || !subject.contains(":")
                    ? null
                    : AssignmentSubject.fromValue(subject.substring(0, subject.indexOf(':')));
            UUID subjectId = subject == null || !subject.contains(":")
                    ? null
                    : uuidOrNull(subject.substring(subject.indexOf(':') + 1));
            Integer y = f.integer("year");
            team.assignTeamMember(
                    f.done(new AssignmentRequest()
                            .memberId(f.uuid("memberId"))
                            .subjectType(type)
                            .subjectId(subjectId)
                            .year(y)
                            .fte(f.decimal("fte"))
                            .note(f.text("note"))),
                    null);
            return "/team?year=" + y;
        });
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private FormPage assignForm(int year) {
        List<FormPage.Option> subjects = new ArrayList<>();
        projects.listProjects(null, null, null, null, 0, null, null, null, 100, "title", null, null).getItems().stream()
                .filter(p -> Boolean.TRUE.equals(p.getReceivesResources()))
                .forEach(p -> subjects.add(new FormPage.Option(
                        "PROJECT:" + p.getId(), ui.e("AssignmentSubject", "PROJECT") + ": " + p.getTitle())));
        memberships
                .listMemberships(null, null, null, 0, 100, null, null)
                .getItems()
                .forEach(m -> subjects.add(new FormPage.Option(
                        "MEMBERSHIP:" + m.getId(),
                        ui.e("AssignmentSubject", "MEMBERSHIP") + ": " + m.getOrganisationAcronym() + " ("
                                + ui.e("Shareholder", m.getHolder().toString()) + ")")));
        return FormPage.of(ui.t("team.assign"), "/team/assign", "team")
                .back("/team?year=" + year, ui.t("team.title"))
                .select(
                        "memberId",
                        ui.t("team.member"),
                        true,
                        team.getTeam(year).getMembers().stream()
                                .map(m -> new FormPage.Option(m.getId().toString(), m.getName()))
                                .toList())
                .select("subject", ui.t("team.subject"), true, subjects)
                .number("year", ui.t("team.year"), true, null)
                .decimal("fte", ui.t("team.share"), true, ui.t("team.fte.hint"))
                .area("note", ui.t("team.note"), 1000)
                .submit(ui.t("team.assign.submit"), "assign-save");
    }

    @POST
    @Path("assignments/{id}/end")
    public Response end(@PathParam("id") String id, @QueryParam("year") String year) {
        UUID assignment = Options.id(id);
        return act(() -> {
            team.endTeamAssignment(assignment);
            return "/team?year=" + year(year);
        });
    }

    private TeamMemberView member(UUID id, int year) {
        return team.getTeam(year).getMembers().stream()
                .filter(m -> m.getId().equals(id))
                .findFirst()
                .orElseThrow(Options::notFound);
    }
}
