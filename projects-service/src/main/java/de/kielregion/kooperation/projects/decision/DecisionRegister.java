package de.kielregion.kooperation.projects.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.DecisionTaken;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionApi.PendingDeferral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decision register: every decision of the suite, projects-service's own and those the other
 * services announce (DecisionTaken), each entered once, with its filters, exports and the
 * postponed decisions still waiting.
 */
@ApplicationScoped
public class DecisionRegister {

    private static final String DEFERRED = "DEFERRED";
    private static final Map<String, String> SORTABLE = Map.of(
            "decidedOn",
            "d.decidedOn",
            "recordedAt",
            "d.recordedAt",
            "subjectName",
            "d.subjectName",
            "revisitOn",
            "d.revisitOn");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final MembershipQuestions membershipQuestions;
    private final jakarta.enterprise.event.Event<DecidedInMeeting> inMeeting;

    DecisionRegister(
            EntityManager em,
            ObjectMapper mapper,
            MembershipQuestions membershipQuestions,
            jakarta.enterprise.event.Event<DecidedInMeeting> inMeeting) {
        this.inMeeting = inMeeting;
        this.em = em;
        this.mapper = mapper;
        this.membershipQuestions = membershipQuestions;
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

    /** The decisions taken in a board meeting, in the order they were recorded. */
    @Transactional
    public List<DecisionView> inMeeting(UUID meetingId) {
        return em
                .createQuery("FROM Decision d WHERE d.meetingId = :m ORDER BY d.recordedAt", Decision.class)
                .setParameter("m", meetingId)
                .getResultList()
                .stream()
                .map(DecisionView::of)
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
        d.meetingId = taken.meetingId();
        d.recordedBy = d.service;
        d.recordedAt = Instant.now();
        em.persist(d); // the query on decisions below flushes it first (Hibernate's AUTO flush mode)
        if (d.meetingId != null) { // the other service could not check the meeting: an unknown one is ignored
            inMeeting.fire(DecidedInMeeting.of(d, false));
        }
        if (d.organisation != null
                && ("JOIN".equals(d.kind) || "DECLINE".equals(d.kind))
                && !DEFERRED.equals(d.outcome)) { // a postponed decision answers nothing yet
            membershipQuestions.answerBy(d.organisation, d.id);
        }
        return true;
    }
}
