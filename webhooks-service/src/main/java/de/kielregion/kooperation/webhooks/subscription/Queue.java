package de.kielregion.kooperation.webhooks.subscription;

/**
 * The SQL that puts events in the subscriptions' queues: the same matching for a new event and
 * for a replay (types or prefixes, and the shareholder filter).
 */
public final class Queue {

    /** Whether subscription {@code s} wants event {@code e}. */
    public static final String MATCHES = "EXISTS (SELECT 1 FROM unnest(s.event_types) p WHERE p = e.type"
            + " OR (right(p, 1) = '*' AND starts_with(e.type, left(p, -1))))"
            + " AND (s.shareholder IS NULL OR s.shareholder = ANY (e.shareholders))";

    /** A delivery of the event with sequence number ?1 for every subscription that wants it. */
    public static final String ENQUEUE_EVENT =
            "INSERT INTO webhook_delivery (subscription_id, event_seq, aggregate_key, status, next_attempt_at)"
                    + " SELECT s.id, e.seq, coalesce(e.subject, e.id), 'PENDING', now()"
                    + " FROM webhook_event e, webhook_subscription s WHERE e.seq = ?1 AND " + MATCHES
                    + " ON CONFLICT DO NOTHING";

    /**
     * The events of subscription ?1 since ?2 again (a delivery done has left the queue; one still
     * pending keeps its place).
     */
    public static final String REPLAY =
            "INSERT INTO webhook_delivery (subscription_id, event_seq, aggregate_key, status, next_attempt_at)"
                    + " SELECT s.id, e.seq, coalesce(e.subject, e.id), 'PENDING', now()"
                    + " FROM webhook_event e, webhook_subscription s WHERE s.id = ?1 AND e.time >= ?2 AND " + MATCHES
                    + " ON CONFLICT (subscription_id, event_seq) DO UPDATE SET status = 'PENDING', attempts = 0,"
                    + " first_attempt_at = NULL, next_attempt_at = now(), lease_until = NULL, done_at = NULL"
                    + " WHERE webhook_delivery.status <> 'PENDING'";

    private Queue() {}
}
