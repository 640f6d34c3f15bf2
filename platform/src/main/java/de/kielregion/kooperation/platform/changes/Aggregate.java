package de.kielregion.kooperation.platform.changes;

/**
 * An entity whose changes the {@link ChangeLog} records: its type and id name its history and
 * key the events it raises (Kafka key, CloudEvents subject).
 */
public interface Aggregate {

    /** e.g. {@code Partner}: the history's and the event's aggregate type. */
    String aggregateType();

    /** The aggregate's id. */
    Object aggregateId();
}
