-- Baseline of projects-service: the platform's outbox and inbox (db/platform) are its first tables;
-- the domain tables follow in later migrations.
COMMENT ON TABLE outbox_event IS 'Transactional outbox of projects-service, relayed to cooperation.projects.v1';
COMMENT ON TABLE inbox_event IS 'Events consumed by projects-service, for idempotent consumption';
