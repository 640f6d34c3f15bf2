-- Webhook subscriptions of the IT systems, the events they may receive and their delivery.

CREATE TABLE webhook_subscription (
    id                    uuid PRIMARY KEY,
    -- who created it: the token's subject (a machine client's service account, an admin)
    owner_subject         text        NOT NULL,
    -- the shareholder claim of the owner's token; null for an admin's subscription
    owner_shareholder     text,
    target_url            text        NOT NULL,
    event_types           text[]      NOT NULL,
    -- only events concerning this shareholder (null: every event of the types)
    shareholder           text,
    content_mode          text        NOT NULL,
    description           text,
    status                text        NOT NULL,
    status_reason         text,
    -- AES-GCM: 12 bytes nonce, then cipher text and tag
    secret                bytea       NOT NULL,
    previous_secret       bytea,
    previous_secret_until timestamptz,
    -- a creation or rotation retried with the same Idempotency-Key answers with the same secret
    -- (decrypted from here, so no secret rests in plain text): hash of owner and key, and of the body
    create_key            text UNIQUE,
    create_fingerprint    text,
    rotate_key            text,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               bigint      NOT NULL DEFAULT 0
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner_shareholder, created_at);

-- Every event of the three topics, once (the consumer's offset order per partition, so per
-- aggregate): what a replay delivers again. Pruned after ostsee.webhooks.event-retention.
CREATE TABLE webhook_event (
    seq            bigserial PRIMARY KEY,
    id             text        NOT NULL UNIQUE,
    source         text        NOT NULL,
    type           text        NOT NULL,
    subject        text,
    aggregate_type text,
    time           timestamptz,
    data           text        NOT NULL,
    shareholders   text[]      NOT NULL DEFAULT '{}',
    received_at    timestamptz NOT NULL
);
CREATE INDEX webhook_event_received ON webhook_event (received_at);
CREATE INDEX webhook_event_time ON webhook_event (time);

-- One event waiting for one subscription (status PENDING): deleted once a 2xx came or the filter
-- no longer lets it through at delivery (the attempts keep the history).
CREATE TABLE webhook_delivery (
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_seq        bigint      NOT NULL REFERENCES webhook_event (seq) ON DELETE CASCADE,
    aggregate_key    text        NOT NULL,
    status           text        NOT NULL,
    attempts         int         NOT NULL DEFAULT 0,
    first_attempt_at timestamptz,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    done_at          timestamptz,
    PRIMARY KEY (subscription_id, event_seq)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
-- an event's deliveries (the cascade when events are pruned)
CREATE INDEX webhook_delivery_event ON webhook_delivery (event_seq);
-- the head of each (subscription, aggregate): its events go in order
CREATE INDEX webhook_delivery_head ON webhook_delivery (subscription_id, aggregate_key, event_seq)
    WHERE status = 'PENDING';

-- Every attempt, for the owner to see (status, latency, code, the answer's first 1 KB).
CREATE TABLE webhook_attempt (
    id              bigserial PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        text        NOT NULL,
    event_type      text        NOT NULL,
    attempt         int         NOT NULL,
    attempted_at    timestamptz NOT NULL,
    outcome         text        NOT NULL,
    status_code     int,
    latency_ms      int         NOT NULL,
    response        text,
    error           text
);
CREATE INDEX webhook_attempt_subscription ON webhook_attempt (subscription_id, id DESC);
