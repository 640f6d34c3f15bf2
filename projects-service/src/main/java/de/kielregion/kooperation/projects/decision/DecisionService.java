package de.kielregion.kooperation.projects.decision;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.decision.Deferral;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionApi.GeneralDecisionRequest;
import de.kielregion.kooperation.projects.decision.DecisionApi.Outcome;
import de.kielregion.kooperation.projects.decision.DecisionApi.ProjectDecisionRequest;
import de.kielregion.kooperation.projects.decision.DecisionApi.ProjectOutcome;
import de.kielregion.kooperation.projects.decision.DecisionApi.QuestionDecisionRequest;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.project.ProjectDecided;
import de.kielregion.kooperation.projects.project.ProjectQueries;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.strategy.Measure;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The decisions projects-service takes itself: on projects, open questions, measures and the
 * strategy. Recording one applies its effect and publishes DecisionTaken in the same
 * transaction; all land in the {@link DecisionRegister}, with the decisions of the other services.
 */
@ApplicationScoped
public class DecisionService {

    static final String SERVICE = "projects-service";

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final ProjectQueries projects;
    private final StrategyService strategy;
    private final Event<ProjectDecided> decided;
    private final Event<StrategyAdoption> adopted;
    private final Event<DecidedInMeeting> inMeeting;

    DecisionService(
            EntityManager em,
            ChangeLog changeLog,
            Caller caller,
            ProjectQueries projects,
            StrategyService strategy,
            Event<ProjectDecided> decided,
            Event<StrategyAdoption> adopted,
            Event<DecidedInMeeting> inMeeting) {
        this.inMeeting = inMeeting;
        this.decided = decided;
        this.adopted = adopted;
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.projects = projects;
        this.strategy = strategy;
    }

    @Transactional
    public DecisionView decideProject(UUID projectId, ProjectDecisionRequest r) {
        Project project = projects.find(projectId);
        project.requireDecidable();
        if (r.outcome() == ProjectOutcome.APPROVED_WITH_CONDITIONS
                && (r.conditions() == null || r.conditions().isBlank())) {
            throw ProblemException.refusal("decision.conditions-required").invalid("conditions");
        }
        LocalDate revisitOn = Deferral.revisitOn(r.outcome() == ProjectOutcome.DEFERRED, r.decidedOn(), r.revisitOn());
        Decision d = record(
                ProjectEvents.PROJECT,
                projectId,
                project.title,
                "PROJECT_DECISION",
                r.body(),
                r.decidedOn(),
                r.outcome().name(),
                r.conditions(),
                r.minutesReference(),
                revisitOn,
                r.meetingId());
        decided.fire(
                new ProjectDecided(projectId, ProjectStatus.valueOf(r.outcome().name()), d.id));
        return DecisionView.of(d);
    }

    @Transactional
    public DecisionView resolveQuestion(UUID questionId, QuestionDecisionRequest r) {
        OpenQuestion q = strategy.question(questionId);
        if (q.status == OpenQuestion.Status.RESOLVED) {
            throw ProblemException.refusal("question.resolved-already")
                    .with("decision", q.resolvedByDecision)
                    .conflict();
        }
        Decision d = record(
                ProjectEvents.OPEN_QUESTION,
                questionId,
                q.text,
                "QUESTION_RESOLUTION",
                r.body(),
                r.decidedOn(),
                "RESOLVED",
                null,
                r.minutesReference(),
                null,
                r.meetingId());
        resolve(q, r.answer().trim(), d.id);
        return DecisionView.of(d);
    }

    /** Marks a question resolved by a decision; publishes OpenQuestionResolved. */
    private void resolve(OpenQuestion q, String answer, UUID decisionId) {
        changeLog.record(q.resolve(answer, decisionId, Instant.now()));
    }

    @Transactional
    public DecisionView decideMeasure(UUID measureId, GeneralDecisionRequest r) {
        Measure m = em.find(Measure.class, measureId);
        if (m == null) {
            throw ProblemException.notFound("Measure", measureId);
        }
        return DecisionView.of(record(
                ProjectEvents.MEASURE,
                measureId,
                "Maßnahme " + m.number + ": " + m.title,
                r.kind().trim(),
                r.body(),
                r.decidedOn(),
                r.outcome().name(),
                r.conditions(),
                r.minutesReference(),
                null,
                r.meetingId()));
    }

    @Transactional
    public DecisionView decideStrategy(GeneralDecisionRequest r) {
        Decision d = record(
                ProjectEvents.STRATEGY,
                null,
                "Internationalisierungsstrategie der KielRegion",
                r.kind().trim(),
                r.body(),
                r.decidedOn(),
                r.outcome().name(),
                r.conditions(),
                r.minutesReference(),
                null,
                r.meetingId());
        if (STRATEGY_ADOPTED.equals(d.kind) && r.outcome() == Outcome.APPROVED) {
            adopted.fire(new StrategyAdoption(d.id, d.body, d.decidedOn));
        }
        return DecisionView.of(d);
    }

    /** The kind of decision that adopts the strategy (and freezes a version of its document). */
    public static final String STRATEGY_ADOPTED = "STRATEGY_ADOPTED";

    private Decision record(
            String subjectType,
            UUID subjectId,
            String subjectName,
            String kind,
            DecisionBody body,
            LocalDate decidedOn,
            String outcome,
            String conditions,
            String minutesReference,
            LocalDate revisitOn,
            UUID meetingId) {
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.service = SERVICE;
        d.subjectType = subjectType;
        d.subjectId = subjectId;
        d.subjectName = subjectName;
        d.kind = kind;
        d.body = body.name();
        d.decidedOn = decidedOn;
        d.outcome = outcome;
        d.conditions = Texts.trimToNull(conditions);
        d.minutesReference = Texts.trimToNull(minutesReference);
        d.revisitOn = revisitOn;
        d.meetingId = meetingId;
        d.recordedBy = caller.subject();
        d.recordedAt = Instant.now();
        em.persist(d);
        if (meetingId != null) { // refused (400) unless the meeting is of this body and day
            inMeeting.fire(DecidedInMeeting.of(d, true));
        }
        changeLog.record(d.recorded());
        return d;
    }
}
