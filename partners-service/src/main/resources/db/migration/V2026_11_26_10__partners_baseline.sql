-- Baseline of partners-service: the platform's outbox and inbox (db/platform) are its first tables;
-- the domain tables follow in later migrations.
COMMENT ON TABLE outbox_event IS 'Transactional outbox of partners-service, relayed to cooperation.partners.v1';
COMMENT ON TABLE inbox_event IS 'Events consumed by partners-service, for idempotent consumption';
