package de.kielregion.kooperation.platform.changes;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an aggregate's rule says happened: the history entry's name and the event it raises. The
 * aggregate's method that applied the rule returns it; {@link ChangeLog#record(Change, Object)}
 * records it. The event's data (a record of the contracts module) is built only after the change
 * has been flushed, so that it carries the version and generated values the row now has: that is
 * why it is a supplier, not a value.
 *
 * @param aggregateType the history's aggregate type
 * @param aggregateId the history's key
 * @param action the history entry's name, e.g. {@code PartnerRetired}
 * @param eventType the CloudEvents type, a constant of {@code contracts.EventTypes}; {@code null}
 *     for a change only the history records
 * @param eventAggregateType the event's aggregate type (usually the history's)
 * @param eventKey the event's key (usually the aggregate's id)
 * @param event builds the event's data after the flush; {@code null} without an event
 * @param history what the history keeps, when the aggregate knows it (a status move, a
 *     decision); {@code null} when the caller says it (e.g. the difference of two views)
 */
public record Change(
        String aggregateType,
        Object aggregateId,
        String action,
        String eventType,
        String eventAggregateType,
        Object eventKey,
        Supplier<?> event,
        Object history) {

    public Change {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(action, "action");
        if ((eventType == null) != (event == null)) {
            throw new IllegalArgumentException("a change has an event type and an event, or neither");
        }
    }

    /** A change of {@code aggregate} that raises {@code event} of type {@code eventType}. */
    public static Change of(Aggregate aggregate, String action, String eventType, Supplier<?> event) {
        return new Change(
                aggregate.aggregateType(),
                aggregate.aggregateId(),
                action,
                eventType,
                aggregate.aggregateType(),
                aggregate.aggregateId(),
                event,
                null);
    }

    /** A change of {@code aggregate} that only its history records (no other service needs to know). */
    public static Change historyOnly(Aggregate aggregate, String action) {
        return historyOnly(aggregate.aggregateType(), aggregate.aggregateId(), action);
    }

    /** A change of a part of an aggregate that only the whole's history records. */
    public static Change historyOnly(String aggregateType, Object aggregateId, String action) {
        return new Change(aggregateType, aggregateId, action, null, null, null, null, null);
    }

    /** The same change with what its history keeps. */
    public Change withHistory(Object history) {
        return new Change(aggregateType, aggregateId, action, eventType, eventAggregateType, eventKey, event, history);
    }

    /** Whether the change raises an event. */
    public boolean publishes() {
        return eventType != null;
    }
}
