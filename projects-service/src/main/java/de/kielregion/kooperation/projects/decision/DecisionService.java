package de.kielregion.kooperation.projects.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.DecisionTaken;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.decision.Deferral;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionApi.GeneralDecisionRequest;
import de.kielregion.kooperation.projects.decision.DecisionApi.PendingDeferral;
import de.kielregion.kooperation.projects.decision.DecisionApi.ProjectDecisionRequest;
import de.kielregion.kooperation.projects.decision.DecisionApi.ProjectOutcome;
import de.kielregion.kooperation.projects.decision.DecisionApi.QuestionDecisionRequest;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.project.ProjectDecided;
import de.kielregion.kooperation.projects.project.ProjectService;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.strategy.Measure;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Decisions on projects, open questions, measures and the strategy. Recording one applies
 * its effect and publishes DecisionTaken in the same transaction; all land in the register.
 */
@ApplicationScoped
public class DecisionService {

    static final String SERVICE = "projects-service";
    private static final Map<String, String> SORTABLE = Map.of(
            "decidedOn",
            "d.decidedOn",
            "recordedAt",
            "d.recordedAt",
            "subjectName",
            "d.subjectName",
            "revisitOn",
            "d.revisitOn");
    private static final String DEFERRED = "DEFERRED";

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final ProjectService projects;
    private final StrategyService strategy;
    private final ObjectMapper mapper;
    private final Event<ProjectDecided> decided;

    DecisionService(
            EntityManager em,
            ChangeLog changeLog,
            Caller caller,
            ProjectService projects,
            StrategyService strategy,
            ObjectMapper mapper,
            Event<ProjectDecided> decided) {
        this.mapper = mapper;
        this.decided = decided;
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.projects = projects;
        this.strategy = strategy;
    }

    @Transactional
    public Page<DecisionView> register(
            String subjectType,
            java.util.UUID subjectId,
            String body,
            String service,
            String outcome,
            LocalDate from,
            LocalDate to,
            PageQuery paging) {
        return registerQuery(subjectType, subjectId, body, service, outcome, from, to)
                .page(em, paging, SORTABLE, "-decidedOn,-recordedAt")
                .map(DecisionView::of);
    }

    /** The whole register with the same filters, newest first, for exports. */
    @Transactional
    public List<DecisionView> registerAll(
            String subjectType, String body, String service, String outcome, LocalDate from, LocalDate to) {
        return registerQuery(subjectType, null, body, service, outcome, from, to)
                .all(em, new PageQuery(0, 1, null), SORTABLE, "-decidedOn,-recordedAt")
                .stream()
                .map(DecisionView::of)
                .toList();
    }

    private ListQuery<Decision> registerQuery(
            String subjectType,
            java.util.UUID subjectId,
            String body,
            String service,
            String outcome,
            LocalDate from,
            LocalDate to) {
        return ListQuery.of(Decision.class, "d")
                .where("d.subjectType = :type", "type", subjectType)
                .where("d.subjectId = :subject", "subject", subjectId)
                .where("d.body = :body", "body", body)
                .where("d.service = :service", "service", service)
                .where("d.outcome = :outcome", "outcome", outcome)
                .where("d.decidedOn >= :from", "from", from)
                .where("d.decidedOn <= :to", "to", to);
    }

    /**
     * The postponed decisions still waiting: DEFERRED, and no later decision of the same kind on
     * the same subject since. Soonest revisit first; {@code due} once that day has come.
     */
    @Transactional
    public List<PendingDeferral> pendingDeferrals(LocalDate today) {
        return em
                .createQuery(
                        "FROM Decision d WHERE d.outcome = 'DEFERRED' AND NOT EXISTS (FROM Decision e"
                                + " WHERE e.subjectType = d.subjectType AND e.subjectId = d.subjectId"
                                + " AND e.kind = d.kind AND (e.decidedOn > d.decidedOn"
                                + " OR (e.decidedOn = d.decidedOn AND e.recordedAt > d.recordedAt)))"
                                + " ORDER BY d.revisitOn, d.decidedOn",
                        Decision.class)
                .getResultList()
                .stream()
                .map(d -> new PendingDeferral(DecisionView.of(d), d.revisitOn != null && !d.revisitOn.isAfter(today)))
                .toList();
    }

    /** A decision of the register; a 404 for an unknown one. */
    @Transactional
    public DecisionView get(UUID id) {
        Decision d = em.find(Decision.class, id);
        if (d == null) {
            throw ProblemException.notFound("Decision", id);
        }
        return DecisionView.of(d);
    }

    @Transactional
    public DecisionView decideProject(UUID projectId, ProjectDecisionRequest r) {
        Project project = projects.find(projectId);
        project.requireDecidable();
        if (r.outcome() == ProjectOutcome.APPROVED_WITH_CONDITIONS
                && (r.conditions() == null || r.conditions().isBlank())) {
            throw ProblemException.invalid("conditions", "are required for APPROVED_WITH_CONDITIONS");
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
                revisitOn);
        decided.fire(
                new ProjectDecided(projectId, ProjectStatus.valueOf(r.outcome().name()), d.id));
        return DecisionView.of(d);
    }

    @Transactional
    public DecisionView resolveQuestion(UUID questionId, QuestionDecisionRequest r) {
        OpenQuestion q = strategy.question(questionId);
        if (q.status == OpenQuestion.Status.RESOLVED) {
            throw ProblemException.conflict("The question is resolved already, by decision " + q.resolvedByDecision);
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
                null);
        resolve(q, r.answer().trim(), d.id);
        return DecisionView.of(d);
    }

    /** Marks a question resolved by a decision; publishes OpenQuestionResolved. */
    public void resolve(OpenQuestion q, String answer, UUID decisionId) {
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
                null));
    }

    @Transactional
    public DecisionView decideStrategy(GeneralDecisionRequest r) {
        return DecisionView.of(record(
                ProjectEvents.STRATEGY,
                null,
                "Internationalisierungsstrategie der KielRegion",
                r.kind().trim(),
                r.body(),
                r.decidedOn(),
                r.outcome().name(),
                r.conditions(),
                r.minutesReference(),
                null));
    }

    /**
     * Enters a decision another service took (its DecisionTaken event) in the register, once
     * per decision id. A JOIN or DECLINE decision on a membership also resolves the open
     * questions linked to that organisation, once every organisation they name is decided.
     */
    @Transactional
    public boolean registerExternal(IncomingEvent event) {
        DecisionTaken taken = event.dataAs(DecisionTaken.class, mapper);
        if (taken.decisionId() == null || taken.decidedOn() == null) {
            throw new MalformedEventException("DecisionTaken " + event.id() + " without decisionId or decidedOn");
        }
        if (em.find(Decision.class, taken.decisionId()) != null) {
            return false;
        }
        Decision d = new Decision();
        d.id = taken.decisionId();
        d.service = taken.service() == null ? event.source() : taken.service();
        d.subjectType = taken.subjectType() == null ? "Unknown" : taken.subjectType();
        d.subjectId = taken.subjectId();
        d.subjectName = taken.subjectName() == null ? d.subjectType : taken.subjectName();
        d.kind = taken.kind() == null ? "UNKNOWN" : taken.kind();
        d.body = taken.body() == null ? "UNKNOWN" : taken.body().name();
        d.decidedOn = taken.decidedOn();
        d.outcome = taken.outcome() == null ? "UNKNOWN" : taken.outcome().name();
        d.conditions = Texts.trimToNull(taken.conditions());
        d.minutesReference = Texts.trimToNull(taken.minutesReference());
        d.note = Texts.trimToNull(taken.note());
        d.organisation = Texts.trimToNull(taken.organisationAcronym());
        d.revisitOn = taken.revisitOn();
        d.recordedBy = d.service;
        d.recordedAt = Instant.now();
        em.persist(d); // the query on decisions below flushes it first (Hibernate's AUTO flush mode)
        if (d.organisation != null
                && ("JOIN".equals(d.kind) || "DECLINE".equals(d.kind))
                && !DEFERRED.equals(d.outcome)) { // a postponed decision answers nothing yet
            resolveMembershipQuestions(d.organisation, d.id);
        }
        return true;
    }

    /**
     * Decisions on two organisations of one question may be applied side by side (consumers per
     * partition, replicas): each locks the question before it looks for the other's decision, so
     * the second to get the lock sees the first one's committed decision and resolves it.
     */
    private void resolveMembershipQuestions(String acronym, UUID decisionId) {
        List<OpenQuestion> questions = em.createQuery(
                        "SELECT q FROM OpenQuestion q WHERE q.status = :open "
                                + "AND :acronym MEMBER OF q.organisations ORDER BY q.id", // one lock order
                        OpenQuestion.class)
                .setParameter("open", OpenQuestion.Status.OPEN)
                .setParameter("acronym", acronym)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (OpenQuestion q : questions) {
            List<String> answers = new ArrayList<>();
            for (String organisation : new TreeSet<>(q.organisations)) {
                Decision latest = em.createQuery(
                                "FROM Decision d WHERE d.organisation = :o AND d.kind IN ('JOIN', "
                                        + "'DECLINE') AND d.outcome <> 'DEFERRED' "
                                        + "ORDER BY d.decidedOn DESC, d.recordedAt DESC",
                                Decision.class)
                        .setParameter("o", organisation)
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
                if (latest == null) {
                    answers = null;
                    break;
                }
                answers.add(organisation + ": " + latest.kind + " " + latest.outcome + " (" + latest.body + ", "
                        + latest.decidedOn + ")");
            }
            if (answers != null) {
                resolve(q, String.join("; ", answers), decisionId);
            }
        }
    }

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
            LocalDate revisitOn) {
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
        d.recordedBy = caller.subject();
        d.recordedAt = Instant.now();
        em.persist(d);
        changeLog.record(d.recorded());
        return d;
    }
}
