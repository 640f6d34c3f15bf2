package de.kielregion.kooperation.platform.changes;

import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one writer of a state change's consequences: its entry in the aggregate's history
 * ({@link Audit}) and the event that tells the other services ({@link Outbox}), both in the
 * caller's transaction. A service records a published change only here, so neither can be
 * forgotten, and the history entry is named next to the event type it goes with.
 */
@ApplicationScoped
public class ChangeLog {

    private final Outbox outbox;
    private final Audit audit;

    ChangeLog(Outbox outbox, Audit audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Records a change of one aggregate.
     *
     * @param aggregateType e.g. {@code Partner}: the history's and the event's aggregate type
     * @param aggregateId the aggregate's id: the history's key, the Kafka key and CloudEvents subject
     * @param action the history entry's name, e.g. {@code PartnerRegistered}
     * @param history what changed, for the history (no personal data that may have to be erased)
     * @param eventType the CloudEvents type, a constant of {@code contracts.EventTypes}
     * @param payload the event's data, a record of the contracts module or the service's event record
     * @return the event's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(
            String aggregateType, Object aggregateId, String action, Object history, String eventType, Object payload) {
        audit.record(aggregateType, aggregateId, action, history);
        return outbox.record(aggregateType, String.valueOf(aggregateId), eventType, payload);
    }

    /**
     * Records a change whose event is keyed by another aggregate than its history entry: e.g. an
     * allocation's history is the allocation's, its event is keyed by the project it is for, so
     * that it stays in order with that project's events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(
            String aggregateType,
            Object aggregateId,
            String action,
            Object history,
            String eventAggregateType,
            Object eventKey,
            String eventType,
            Object payload) {
        audit.record(aggregateType, aggregateId, action, history);
        return outbox.record(eventAggregateType, String.valueOf(eventKey), eventType, payload);
    }

    /**
     * The history of a recorded decision: its id, kind, outcome and body, and for a deferral the
     * day it comes back.
     */
    public static Map<String, Object> decision(
            UUID decisionId, Object kind, Object outcome, Object body, java.time.LocalDate revisitOn) {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("decisionId", decisionId);
        history.put("kind", kind);
        history.put("outcome", outcome);
        history.put("body", body);
        if (revisitOn != null) {
            history.put("revisitOn", revisitOn);
        }
        return history;
    }

    /** The history of a status move: {@code status: {from, to}}, and the decision that made it, if one did. */
    public static Map<String, Object> statusMove(String from, String to, UUID decisionId) {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("status", Map.of("from", from, "to", to));
        if (decisionId != null) {
            history.put("decisionId", decisionId);
        }
        return history;
    }
}
