package de.kielregion.kooperation.platform.changes;

import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one writer of a state change's consequences and the one flush point of a change: it
 * flushes the change (so that {@code @Version} and generated values are current), writes its
 * entry in the aggregate's history ({@link Audit}) and, if the change raises one, the event that
 * tells the other services ({@link Outbox}), all in the caller's transaction. A service records a
 * change only here, so neither history nor event can be forgotten, and no service flushes by hand
 * to make a version current.
 */
@ApplicationScoped
public class ChangeLog {

    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;

    ChangeLog(EntityManager em, Outbox outbox, Audit audit) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Records a change whose history the aggregate has said ({@link Change#history()}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> record(Change change) {
        return record(change, change.history());
    }

    /**
     * Records a change an aggregate's rule returned.
     *
     * @param history what changed, for the history (e.g. {@link Audit#diff}); no personal data
     *     that may have to be erased
     * @return the event's id, empty for a change only the history records
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> record(Change change, Object history) {
        em.flush();
        return write(change, history);
    }

    /**
     * Records a change whose history is what differs between two views of the aggregate, the one
     * before (null for a created aggregate) and the one after, which is built after the flush and
     * returned for the answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <V> V record(Change change, Object before, Supplier<V> after) {
        em.flush();
        V view = after.get();
        write(change, audit.diff(before == null ? Map.of() : before, view));
        return view;
    }

    /** A change of a batch: its {@link Change}, its view before (null when created) and how to build the one after. */
    public record Pending(Change change, Object before, Supplier<?> after) {}

    /**
     * Records many changes with one flush before them (for a bulk write that goes in chunks),
     * then flushes again, so that the caller may clear the persistence context after the call
     * without losing a history entry or an event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Pending> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.flush();
        for (Pending pending : changes) {
            Object before = pending.before();
            write(
                    pending.change(),
                    audit.diff(
                            before == null ? Map.of() : before, pending.after().get()));
        }
        em.flush();
    }

    private Optional<UUID> write(Change change, Object history) {
        audit.record(change.aggregateType(), change.aggregateId(), change.action(), history);
        if (!change.publishes()) {
            return Optional.empty();
        }
        Object event = change.event().get();
        return Optional.of(outbox.record(
                change.eventAggregateType(), String.valueOf(change.eventKey()), change.eventType(), event));
    }

    /**
     * The history of a recorded decision: its id, kind, outcome and body, and for a deferral the
     * day it comes back.
     */
    public static Map<String, Object> decision(
            UUID decisionId, Object kind, Object outcome, Object body, LocalDate revisitOn) {
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
