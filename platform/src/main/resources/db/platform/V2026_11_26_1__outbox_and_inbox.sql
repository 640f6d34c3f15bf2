-- Shared by every service (platform jar, Flyway location db/platform).
-- Migration versions are dates (VyyyyMMddN) in every service, so that platform and service
-- migrations interleave in the order they were written.

-- Transactional outbox in the layout of Debezium's outbox event router
-- (id, aggregatetype, aggregateid, type, payload), plus relay bookkeeping.
CREATE TABLE outbox_event (
    id            uuid         PRIMARY KEY,
    seq           bigint       GENERATED ALWAYS AS IDENTITY,
    aggregatetype varchar(255) NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(255) NOT NULL,
    payload       jsonb        NOT NULL,
    created_at    timestamptz  NOT NULL,
    published_at  timestamptz
);
-- The relay reads unpublished rows in insert order (seq); events of one aggregate keep their
-- order because writers change an aggregate under its version or row lock. The pruner
-- deletes old published rows.
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Inbox: one row per consumed event (CloudEvents id is unique per source), written in the
-- same transaction as the event's effect, so a redelivered event has no second effect.
CREATE TABLE inbox_event (
    source       varchar(255) NOT NULL,
    id           varchar(255) NOT NULL,
    type         varchar(255) NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (source, id)
);
