package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.StrategyApi;
import de.kielregion.kooperation.portal.clients.projects.model.DecisionBody;
import de.kielregion.kooperation.portal.clients.projects.model.GoalRequest;
import de.kielregion.kooperation.portal.clients.projects.model.GoalView;
import de.kielregion.kooperation.portal.clients.projects.model.MeasureRequest;
import de.kielregion.kooperation.portal.clients.projects.model.MeasureView;
import de.kielregion.kooperation.portal.clients.projects.model.NextStepRequest;
import de.kielregion.kooperation.portal.clients.projects.model.NextStepStatus;
import de.kielregion.kooperation.portal.clients.projects.model.NextStepView;
import de.kielregion.kooperation.portal.clients.projects.model.QuestionDecisionRequest;
import de.kielregion.kooperation.portal.clients.projects.model.QuestionRequest;
import de.kielregion.kooperation.portal.clients.projects.model.QuestionView;
import de.kielregion.kooperation.portal.clients.projects.model.ThemeRequest;
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

/**
 * Ziele und Maßnahmen: the strategy as the workshop wrote it, worked on in the browser. Goals,
 * fields of action (Handlungsfelder) and measures (coordinators), the measures' next steps,
 * open questions and their answers by decision, decisions on a measure (decision-makers).
 */
@Path("/plan")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PlanPage extends PageSupport {

    @Inject
    @RestClient
    StrategyApi strategy;

    @Inject
    @RestClient
    de.kielregion.kooperation.portal.clients.projects.ProjectsApi projects;

    @Inject
    @Location("plan/overview.html")
    Template overview;

    @Inject
    @Location("plan/measure.html")
    Template measure;

    @GET
    public TemplateInstance show() {
        return page(overview)
                .data("goals", Section.of("projects", strategy::listGoals))
                .data("themes", Section.of("projects", strategy::listThemes))
                .data("measures", Section.of("projects", strategy::listMeasures))
                .data(
                        "questions",
                        Section.of(
                                "projects",
                                () -> strategy.listOpenQuestions(null, null).stream()
                                        .filter(q -> q.getMeasureId() == null)
                                        .toList()));
    }

    @GET
    @Path("measures/{id}")
    public TemplateInstance measure(@PathParam("id") String id) {
        UUID measureId = Options.id(id);
        MeasureView m = strategy.getMeasure(measureId);
        return page(measure)
                .data("m", m)
                .data("themes", Section.of("projects", strategy::listThemes))
                .data("goals", Section.of("projects", strategy::listGoals))
                .data("steps", Section.of("projects", () -> strategy.listNextSteps(id, false, null)))
                .data("stepsOf", "measure=" + measureId)
                .data("mayStep", ui.canEdit())
                .data("questions", Section.of("projects", () -> strategy.listOpenQuestions(id, null)));
    }

    // Goals

    @GET
    @Path("goals/new")
    public TemplateInstance newGoal() {
        allowed(ui.canEdit());
        return form(goalForm(null), Map.of());
    }

    @POST
    @Path("goals")
    public Response createGoal(MultivaluedMap<String, String> form) {
        return post(form, goalForm(null), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            strategy.createGoal(
                    f.done(new GoalRequest().title(f.text("title")).description(f.text("description"))), null);
            return "/plan#goals";
        });
    }

    @GET
    @Path("goals/{id}/edit")
    public TemplateInstance editGoal(@PathParam("id") String id) {
        allowed(ui.canEdit());
        GoalView goal = goal(Options.id(id));
        return form(goalForm(goal), Forms.prefill("title", goal.getTitle(), "description", goal.getDescription()));
    }

    @POST
    @Path("goals/{id}")
    public Response updateGoal(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        GoalView goal = goal(Options.id(id));
        return post(form, goalForm(goal), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            Long version = f.version();
            strategy.updateGoal(
                    goal.getId(),
                    f.done(new GoalRequest()
                            .title(f.text("title"))
                            .description(f.text("description"))
                            .version(version)),
                    Forms.ifMatch(version));
            return "/plan#goals";
        });
    }

    private GoalView goal(UUID id) {
        return strategy.listGoals().stream()
                .filter(g -> id.equals(g.getId()))
                .findFirst()
                .orElseThrow(() -> Options.notFound());
    }

    private FormPage goalForm(GoalView goal) {
        return FormPage.of(
                        ui.t(goal == null ? "plan.goal.new" : "plan.goal.edit"),
                        goal == null ? "/plan/goals" : "/plan/goals/" + goal.getId(),
                        "plan")
                .back("/plan", ui.t("plan.title"))
                .version(goal == null ? null : goal.getVersion())
                .text("title", ui.t("plan.goal.title"), true, 300)
                .area("description", ui.t("plan.description"), 4000)
                .submit(ui.t("form.save"), "goal-save");
    }

    // Fields of action (Handlungsfelder)

    @GET
    @Path("themes/new")
    public TemplateInstance newTheme() {
        allowed(ui.canEdit());
        return form(themeForm(), Map.of());
    }

    @POST
    @Path("themes")
    public Response createTheme(MultivaluedMap<String, String> form) {
        return post(form, themeForm(), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            strategy.createTheme(
                    f.done(new ThemeRequest().name(f.text("name")).description(f.text("description"))), null);
            return "/plan#themes";
        });
    }

    private FormPage themeForm() {
        return FormPage.of(ui.t("plan.theme.new"), "/plan/themes", "plan")
                .back("/plan", ui.t("plan.title"))
                .text("name", ui.t("plan.theme.name"), true, 200)
                .area("description", ui.t("plan.description"), 4000)
                .submit(ui.t("form.save"), "theme-save");
    }

    // Measures

    @GET
    @Path("measures/new")
    public TemplateInstance newMeasure() {
        allowed(ui.canEdit());
        return form(measureForm(null), Map.of());
    }

    @POST
    @Path("measures")
    public Response createMeasure(MultivaluedMap<String, String> form) {
        return post(form, measureForm(null), () -> {
            MeasureView created = strategy.createMeasure(measureRequest(form, null), null);
            return "/plan/measures/" + created.getId();
        });
    }

    @GET
    @Path("measures/{id}/edit")
    public TemplateInstance editMeasure(@PathParam("id") String id) {
        allowed(ui.canEdit());
        MeasureView m = strategy.getMeasure(Options.id(id));
        Map<String, Object> values = Forms.prefill(
                "number", m.getNumber(),
                "title", m.getTitle(),
                "description", m.getDescription(),
                "whatMustHappen", m.getWhatMustHappen(),
                "whoMustBeInvolved", m.getWhoMustBeInvolved(),
                "resourcesNeeded", m.getResourcesNeeded(),
                "timeline", m.getTimeline());
        values.put(
                "themeIds",
                m.getThemeIds() == null
                        ? List.of()
                        : m.getThemeIds().stream().map(UUID::toString).toList());
        return form(measureForm(m), values);
    }

    @POST
    @Path("measures/{id}")
    public Response updateMeasure(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        MeasureView m = strategy.getMeasure(Options.id(id));
        return post(form, measureForm(m), () -> {
            MeasureRequest request = measureRequest(form, m);
            strategy.updateMeasure(m.getId(), request, Forms.ifMatch(request.getVersion()));
            return "/plan/measures/" + m.getId();
        });
    }

    private MeasureRequest measureRequest(MultivaluedMap<String, String> form, MeasureView existing) {
        Forms.Reader f = Forms.read(form, ui::t);
        return f.done(new MeasureRequest()
                .number(f.integer("number"))
                .title(f.text("title"))
                .description(f.text("description"))
                .whatMustHappen(f.text("whatMustHappen"))
                .whoMustBeInvolved(f.text("whoMustBeInvolved"))
                .resourcesNeeded(f.text("resourcesNeeded"))
                .timeline(f.text("timeline"))
                .themeIds(f.uuids("themeIds"))
                .version(existing == null ? null : f.version()));
    }

    private FormPage measureForm(MeasureView m) {
        List<FormPage.Option> themes = strategy.listThemes().stream()
                .map(t -> new FormPage.Option(t.getId().toString(), t.getName()))
                .toList();
        return FormPage.of(
                        m == null ? ui.t("plan.measure.new") : ui.t("plan.measure.edit"),
                        m == null ? "/plan/measures" : "/plan/measures/" + m.getId(),
                        "plan")
                .back(
                        m == null ? "/plan" : "/plan/measures/" + m.getId(),
                        m == null ? ui.t("plan.title") : m.getTitle())
                .version(m == null ? null : m.getVersion())
                .number("number", ui.t("plan.measure.number"), true, null)
                .text("title", ui.t("plan.measure.title"), true, 300)
                .area("description", ui.t("plan.description"), 4000)
                .area("whatMustHappen", ui.t("plan.measure.whatMustHappen"), 4000)
                .area("whoMustBeInvolved", ui.t("plan.measure.whoMustBeInvolved"), 4000)
                .area("resourcesNeeded", ui.t("plan.measure.resourcesNeeded"), 4000)
                .text("timeline", ui.t("plan.measure.timeline"), false, 300)
                .checks("themeIds", ui.t("plan.themes"), themes)
                .submit(ui.t("form.save"), "measure-save");
    }

    // Decisions on a measure

    @GET
    @Path("measures/{id}/decide")
    public TemplateInstance decideForm(@PathParam("id") String id) {
        allowed(ui.canDecide());
        MeasureView m = strategy.getMeasure(Options.id(id));
        return form(decisionForm(m), Forms.prefill("decidedOn", LocalDate.now(Ui.ZONE)));
    }

    @POST
    @Path("measures/{id}/decisions")
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        MeasureView m = strategy.getMeasure(Options.id(id));
        return post(form, decisionForm(m), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            strategy.decideOnMeasure(m.getId(), DecisionFields.request(f), null);
            return "/plan/measures/" + m.getId();
        });
    }

    private FormPage decisionForm(MeasureView m) {
        FormPage form = FormPage.of(
                        ui.t("plan.measure.decide", m.getTitle()), "/plan/measures/" + m.getId() + "/decisions", "plan")
                .back("/plan/measures/" + m.getId(), m.getTitle())
                .text("kind", ui.t("plan.decision.subject"), true, 100)
                .hint(ui.t("plan.decision.subject.hint"));
        return DecisionFields.after(form, ui).submit(ui.t("decision.save"), "measure-decide");
    }

    // Next steps: of a measure (coordinators) or of a project (coordinators, its shareholders)

    /** Where a next step belongs: a measure or a project, from the query ({@code measure=} or {@code project=}). */
    record Owner(UUID measure, UUID project, String page, String name) {

        String query() {
            return measure != null ? "measure=" + measure : "project=" + project;
        }
    }

    private Owner owner(String measure, String project) {
        if (measure != null && !measure.isBlank()) {
            MeasureView m = strategy.getMeasure(Options.id(measure));
            return new Owner(m.getId(), null, "/plan/measures/" + m.getId(), m.getTitle());
        }
        if (project != null && !project.isBlank()) {
            var p = projects.getProject(Options.id(project));
            return new Owner(null, p.getId(), "/projects/" + p.getId(), p.getTitle());
        }
        throw Options.notFound();
    }

    @GET
    @Path("steps/new")
    public TemplateInstance newStep(@QueryParam("measure") String measure, @QueryParam("project") String project) {
        Owner owner = owner(measure, project);
        allowed(ui.canEdit() || (owner.project() != null && ui.shareholder() != null));
        return form(stepForm(owner, null), Map.of());
    }

    @POST
    @Path("steps")
    public Response createStep(
            @QueryParam("measure") String measure,
            @QueryParam("project") String project,
            MultivaluedMap<String, String> form) {
        Owner owner = owner(measure, project);
        return post(form, stepForm(owner, null), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            strategy.createNextStep(
                    f.done(new NextStepRequest()
                            .title(f.text("title"))
                            .owner(f.text("owner"))
                            .dueDate(f.date("dueDate"))
                            .status(NextStepStatus.OPEN)
                            .measureId(owner.measure())
                            .projectId(owner.project())),
                    null);
            return owner.page() + "#steps";
        });
    }

    @GET
    @Path("steps/{step}/edit")
    public TemplateInstance editStep(
            @PathParam("step") String step,
            @QueryParam("measure") String measure,
            @QueryParam("project") String project) {
        Owner owner = owner(measure, project);
        allowed(ui.canEdit() || (owner.project() != null && ui.shareholder() != null));
        NextStepView s = step(owner, Options.id(step));
        return form(
                stepForm(owner, s),
                Forms.prefill(
                        "title",
                        s.getTitle(),
                        "owner",
                        s.getOwner(),
                        "dueDate",
                        s.getDueDate(),
                        "status",
                        s.getStatus()));
    }

    @POST
    @Path("steps/{step}")
    public Response updateStep(
            @PathParam("step") String step,
            @QueryParam("measure") String measure,
            @QueryParam("project") String project,
            MultivaluedMap<String, String> form) {
        Owner owner = owner(measure, project);
        NextStepView s = step(owner, Options.id(step));
        return post(form, stepForm(owner, s), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            Long version = f.version();
            strategy.updateNextStep(
                    s.getId(),
                    f.done(new NextStepRequest()
                            .title(f.text("title"))
                            .owner(f.text("owner"))
                            .dueDate(f.date("dueDate"))
                            .status(f.choice("status", NextStepStatus::fromValue))
                            .measureId(s.getMeasureId())
                            .projectId(s.getProjectId())
                            .version(version)),
                    Forms.ifMatch(version));
            return owner.page() + "#steps";
        });
    }

    /** One button: the step is done (everything else as it is). */
    @POST
    @Path("steps/{step}/done")
    public Response stepDone(
            @PathParam("step") String step,
            @QueryParam("measure") String measure,
            @QueryParam("project") String project,
            MultivaluedMap<String, String> form) {
        Owner owner = owner(measure, project);
        NextStepView s = step(owner, Options.id(step));
        return act(() -> {
            Long version = Forms.read(form, ui::t).version();
            strategy.updateNextStep(
                    s.getId(),
                    new NextStepRequest()
                            .title(s.getTitle())
                            .owner(s.getOwner())
                            .dueDate(s.getDueDate())
                            .status(NextStepStatus.DONE)
                            .measureId(s.getMeasureId())
                            .projectId(s.getProjectId())
                            .version(version),
                    Forms.ifMatch(version));
            return owner.page() + "#steps";
        });
    }

    private NextStepView step(Owner owner, UUID step) {
        return strategy
                .listNextSteps(
                        owner.measure() == null ? null : owner.measure().toString(),
                        false,
                        owner.project() == null ? null : owner.project().toString())
                .stream()
                .filter(s -> step.equals(s.getId()))
                .findFirst()
                .orElseThrow(() -> Options.notFound());
    }

    private FormPage stepForm(Owner owner, NextStepView s) {
        FormPage page = FormPage.of(
                        s == null ? ui.t("plan.step.new") : ui.t("plan.step.edit"),
                        "/plan/steps" + (s == null ? "" : "/" + s.getId()) + "?" + owner.query(),
                        owner.measure() != null ? "plan" : "projects")
                .back(owner.page(), owner.name())
                .version(s == null ? null : s.getVersion())
                .text("title", ui.t("plan.step.title"), true, 300)
                .text("owner", ui.t("plan.step.owner"), true, 200)
                .date("dueDate", ui.t("plan.step.dueDate"), false, null);
        if (s != null) {
            page.select(
                    "status",
                    ui.t("plan.step.status"),
                    true,
                    options("NextStepStatus", Options.of(NextStepStatus.class)));
        }
        return page.submit(ui.t("form.save"), "step-save");
    }

    // Open questions

    @GET
    @Path("questions/new")
    public TemplateInstance newQuestion(@QueryParam("measure") String measureId) {
        allowed(ui.canEdit());
        return form(questionForm(measureOf(measureId)), Map.of());
    }

    @POST
    @Path("questions")
    public Response createQuestion(@QueryParam("measure") String measureId, MultivaluedMap<String, String> form) {
        MeasureView m = measureOf(measureId);
        return post(form, questionForm(m), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            String organisations = f.text("organisations");
            strategy.createOpenQuestion(
                    f.done(new QuestionRequest()
                            .text(f.text("text"))
                            .measureId(m == null ? null : m.getId())
                            .organisations(
                                    organisations == null
                                            ? List.of()
                                            : java.util.Arrays.stream(organisations.split("[,;]"))
                                                    .map(String::trim)
                                                    .filter(o -> !o.isEmpty())
                                                    .toList())),
                    null);
            return m == null ? "/plan#questions" : "/plan/measures/" + m.getId() + "#questions";
        });
    }

    @GET
    @Path("questions/{id}/answer")
    public TemplateInstance answerForm(@PathParam("id") String id) {
        allowed(ui.canDecide());
        return form(answerForm(question(Options.id(id))), Forms.prefill("decidedOn", LocalDate.now(Ui.ZONE)));
    }

    @POST
    @Path("questions/{id}/decisions")
    public Response answer(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        QuestionView q = question(Options.id(id));
        return post(form, answerForm(q), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            strategy.resolveOpenQuestion(
                    q.getId(),
                    f.done(new QuestionDecisionRequest()
                            .body(f.choice("body", DecisionBody::fromValue))
                            .decidedOn(f.date("decidedOn"))
                            .answer(f.text("answer"))
                            .minutesReference(f.text("minutesReference"))),
                    null);
            return q.getMeasureId() == null ? "/plan#questions" : "/plan/measures/" + q.getMeasureId() + "#questions";
        });
    }

    private QuestionView question(UUID id) {
        return strategy.listOpenQuestions(null, null).stream()
                .filter(q -> id.equals(q.getId()))
                .findFirst()
                .orElseThrow(() -> Options.notFound());
    }

    private MeasureView measureOf(String id) {
        return id == null || id.isBlank() ? null : strategy.getMeasure(Options.id(id));
    }

    private FormPage questionForm(MeasureView m) {
        return FormPage.of(
                        ui.t("plan.question.new"),
                        "/plan/questions" + (m == null ? "" : "?measure=" + m.getId()),
                        "plan")
                .back(
                        m == null ? "/plan" : "/plan/measures/" + m.getId(),
                        m == null ? ui.t("plan.title") : m.getTitle())
                .area("text", ui.t("plan.question.text"), 2000)
                .text("organisations", ui.t("plan.question.organisations"), false, 500)
                .hint(ui.t("plan.question.organisations.hint"))
                .submit(ui.t("form.save"), "question-save");
    }

    private FormPage answerForm(QuestionView q) {
        return FormPage.of(ui.t("plan.question.answer"), "/plan/questions/" + q.getId() + "/decisions", "plan")
                .back(q.getMeasureId() == null ? "/plan" : "/plan/measures/" + q.getMeasureId(), ui.t("plan.title"))
                .intro(q.getText())
                .select("body", ui.t("decision.body"), true, options("Body", Options.BODIES))
                .date("decidedOn", ui.t("decision.decidedOn"), true, null)
                .area("answer", ui.t("plan.question.answerText"), 4000)
                .text("minutesReference", ui.t("decision.minutes"), false, 300)
                .submit(ui.t("decision.save"), "question-answer");
    }
}
