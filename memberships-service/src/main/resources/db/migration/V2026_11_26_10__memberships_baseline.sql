-- Baseline of memberships-service: the platform's outbox and inbox (db/platform) are its first tables;
-- the domain tables follow in later migrations.
COMMENT ON TABLE outbox_event IS 'Transactional outbox of memberships-service, relayed to cooperation.memberships.v1';
COMMENT ON TABLE inbox_event IS 'Events consumed by memberships-service, for idempotent consumption';
