-- The dispatcher claims per active subscription, each in the order its deliveries are due (see
-- Dispatcher.CLAIM): an index per subscription replaces the global one, so that a claim reads only
-- the heads of active subscriptions' queues however long the queues are (the global order read
-- and sorted every pending row: with 14,000 waiting, one claim kept PostgreSQL busy a core).
CREATE INDEX webhook_delivery_claim ON webhook_delivery (subscription_id, next_attempt_at, event_seq)
    WHERE status = 'PENDING';
DROP INDEX webhook_delivery_due;
-- The queue is small and churns (a row per delivery, deleted when done): autovacuum as soon as
-- 2,000 rows are dead, without pausing (the dispatcher also vacuums it itself, see Dispatcher.vacuum);
-- never truncated at the end (that takes an exclusive lock, which would hold up claims, and the
-- queue grows back anyway).
ALTER TABLE webhook_delivery SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000,
    vacuum_truncate = false);
