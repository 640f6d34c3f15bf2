package de.kielregion.kooperation.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the transactional outbox (Debezium outbox layout). Written only through
 * {@link Outbox#record}; read and marked by {@link OutboxRelay} with plain SQL.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "aggregatetype", nullable = false, updatable = false)
    public String aggregateType;

    @Column(name = "aggregateid", nullable = false, updatable = false)
    public String aggregateId;

    @Column(name = "type", nullable = false, updatable = false)
    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payload", nullable = false, updatable = false)
    public String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The writer's W3C trace context (Debezium's column and format), or null with tracing off. */
    @Column(name = "tracingspancontext", updatable = false)
    public String tracingSpanContext;

    @Column(name = "published_at", insertable = false, updatable = false)
    public Instant publishedAt;

    protected OutboxEvent() {}

    OutboxEvent(
            UUID id,
            String aggregateType,
            String aggregateId,
            String type,
            String payload,
            Instant createdAt,
            String tracingSpanContext) {
        this.id = id;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
        this.tracingSpanContext = tracingSpanContext;
    }
}
