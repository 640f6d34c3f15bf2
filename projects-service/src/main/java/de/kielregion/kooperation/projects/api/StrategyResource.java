package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Params;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionApi.GeneralDecisionRequest;
import de.kielregion.kooperation.projects.decision.DecisionApi.QuestionDecisionRequest;
import de.kielregion.kooperation.projects.decision.DecisionService;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import de.kielregion.kooperation.projects.strategy.StrategyApi.GoalRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.GoalView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.MeasureRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.MeasureView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.QuestionRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.QuestionView;
import de.kielregion.kooperation.projects.strategy.StrategyApi.ThemeRequest;
import de.kielregion.kooperation.projects.strategy.StrategyApi.ThemeView;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Tag(name = "Strategy", description = "Goals, themes, the workshop's measures, open questions and next steps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class StrategyResource {

    private final StrategyService strategy;
    private final DecisionService decisions;

    StrategyResource(StrategyService strategy, DecisionService decisions) {
        this.strategy = strategy;
        this.decisions = decisions;
    }

    @GET
    @Path("goals")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(operationId = "listGoals", summary = "The strategic goals", description = "Roles: every role.")
    public List<GoalView> goals() {
        return strategy.goals();
    }

    @POST
    @Path("goals")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(operationId = "createGoal", summary = "Add a goal", description = "Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<GoalView> createGoal(@Valid @NotNull GoalRequest request) {
        GoalView view = strategy.createGoal(request);
        return Responses.created("/goals/" + view.id(), view);
    }

    @PUT
    @Path("goals/{id}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "updateGoal",
            summary = "Change a goal",
            description = "If-Match or 'version'. Roles: coordinator, admin.")
    public GoalView updateGoal(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GoalRequest request) {
        return strategy.updateGoal(id, request, ifMatch);
    }

    @GET
    @Path("themes")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listThemes",
            summary = "The themes (fields of action)",
            description = "Roles: every role.")
    public List<ThemeView> themes() {
        return strategy.themes();
    }

    @POST
    @Path("themes")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "createTheme",
            summary = "Add a theme",
            description = "Names are unique, ignoring case. Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<ThemeView> createTheme(@Valid @NotNull ThemeRequest request) {
        ThemeView view = strategy.createTheme(request);
        return Responses.created("/themes/" + view.id(), view);
    }

    @GET
    @Path("measures")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(operationId = "listMeasures", summary = "The measures, by number", description = "Roles: every role.")
    public List<MeasureView> measures() {
        return strategy.measures();
    }

    @GET
    @Path("measures/{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(operationId = "getMeasure", summary = "A measure", description = "Roles: every role.")
    public MeasureView measure(@PathParam("id") UUID id) {
        return strategy.measure(id);
    }

    @POST
    @Path("measures")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(operationId = "createMeasure", summary = "Add a measure", description = "Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<MeasureView> createMeasure(@Valid @NotNull MeasureRequest request) {
        MeasureView view = strategy.createMeasure(request);
        return Responses.created("/measures/" + view.id(), view);
    }

    @PUT
    @Path("measures/{id}")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "updateMeasure",
            summary = "Change a measure",
            description = "If-Match or 'version'. Roles: coordinator, admin.")
    public MeasureView updateMeasure(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MeasureRequest request) {
        return strategy.updateMeasure(id, request, ifMatch);
    }

    @POST
    @Path("measures/{id}/decisions")
    @RolesAllowed({DECISION_MAKER, ADMIN})
    @Operation(
            operationId = "decideOnMeasure",
            summary = "Record a decision on a measure",
            description = "Publishes DecisionTaken. " + "Roles: decision-maker, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<DecisionView> decideMeasure(
            @PathParam("id") UUID id, @Valid @NotNull GeneralDecisionRequest request) {
        DecisionView view = decisions.decideMeasure(id, request);
        return Responses.created("/decisions/" + view.id(), view);
    }

    @GET
    @Path("open-questions")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listOpenQuestions",
            summary = "The open questions",
            description = "Filter by measure and status (OPEN, RESOLVED). " + "Roles: every role.")
    public List<QuestionView> questions(
            @QueryParam("measureId") String measureId, @QueryParam("status") String status) {
        return strategy.questions(
                Params.uuid(measureId, "measureId"), Params.enumOf(OpenQuestion.Status.class, status, "status"));
    }

    @POST
    @Path("open-questions")
    @RolesAllowed({COORDINATOR, ADMIN})
    @Operation(
            operationId = "createOpenQuestion",
            summary = "Add an open question",
            description = "Roles: coordinator, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<QuestionView> createQuestion(@Valid @NotNull QuestionRequest request) {
        QuestionView view = strategy.createQuestion(request);
        return Responses.created("/open-questions/" + view.id(), view);
    }

    @POST
    @Path("open-questions/{id}/decisions")
    @RolesAllowed({DECISION_MAKER, ADMIN})
    @Operation(
            operationId = "resolveOpenQuestion",
            summary = "Resolve an open question by a decision",
            description =
                    "Publishes DecisionTaken and "
                            + "OpenQuestionResolved in one transaction; a resolved question is a 409. Roles: decision-maker, admin.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<DecisionView> resolve(
            @PathParam("id") UUID id, @Valid @NotNull QuestionDecisionRequest request) {
        DecisionView view = decisions.resolveQuestion(id, request);
        return Responses.created("/decisions/" + view.id(), view);
    }

    @GET
    @Path("next-steps")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listNextSteps",
            summary = "Next steps",
            description = "Filter by project or measure; overdue=true lists the open ones "
                    + "past their due date. Roles: every role.")
    public List<NextStepView> nextSteps(
            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("projectId") String projectId,
            @QueryParam("measureId") String measureId) {
        return strategy.nextSteps(overdue, Params.uuid(projectId, "projectId"), Params.uuid(measureId, "measureId"));
    }

    @POST
    @Path("next-steps")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "createNextStep",
            summary = "Add a next step",
            description = "Roles: coordinator, admin; a shareholder for projects it " + "participates in.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<NextStepView> createNextStep(@Valid @NotNull NextStepRequest request) {
        NextStepView view = strategy.createNextStep(request);
        return Responses.created("/next-steps/" + view.id(), view);
    }

    @PUT
    @Path("next-steps/{id}")
    @RolesAllowed({COORDINATOR, ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "updateNextStep",
            summary = "Change a next step",
            description = "If-Match or 'version'. Roles: coordinator, admin; a "
                    + "shareholder for projects it participates in.")
    public NextStepView updateNextStep(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NextStepRequest request) {
        return strategy.updateNextStep(id, request, ifMatch);
    }
}
