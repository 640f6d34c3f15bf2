package de.kielregion.kooperation.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a domain event in the outbox, in the caller's transaction: the event exists if and
 * only if the state change that caused it commits. Domain code never talks to Kafka. The row
 * keeps the trace context of the request (or event) that wrote it, so the trace goes on through
 * the relay and Kafka into the services that consume the event.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final TraceContext trace;

    Outbox(
            EntityManager entityManager,
            ObjectMapper mapper,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            TraceContext trace) {
        this.trace = trace;
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Records an event; must run inside the transaction that makes the state change.
     *
     * @param aggregateType e.g. {@code Membership}
     * @param aggregateId the id of the changed aggregate: the Kafka key and CloudEvents subject
     * @param eventType the CloudEvents type, e.g. {@code cooperation.decision.taken.v1}
     * @param payload serialized to JSON with the application's object mapper
     * @return the event id (CloudEvents id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String aggregateType, String aggregateId, String eventType, Object payload) {
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        requireText(eventType, "eventType");
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        OutboxEvent event = new OutboxEvent(
                UUID.randomUUID(), aggregateType, aggregateId, eventType, json, Instant.now(), trace.capture());
        entityManager.persist(event);
        wakeRelayAfterCommit();
        return event.id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
