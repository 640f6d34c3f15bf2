-- Idempotency keys of POST requests (platform web.Idempotency): a retried create with the same
-- key and body answers the first response again. Kept at least 24 hours, then pruned.
CREATE TABLE idempotency_key (
    scope       varchar(600)  NOT NULL,
    key         varchar(255)  NOT NULL,
    fingerprint varchar(64)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    status      integer,
    location    varchar(2000),
    etag        varchar(200),
    body        text,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
