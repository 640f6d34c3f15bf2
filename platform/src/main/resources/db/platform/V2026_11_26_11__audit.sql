-- Audit trail shared by every service: who changed what, when (platform Audit).
-- Ids from a sequence that hands out blocks of 50, so bulk changes insert in JDBC batches.
CREATE SEQUENCE audit_entry_seq INCREMENT BY 50;
CREATE TABLE audit_entry (
    id             bigint       PRIMARY KEY,
    aggregate_type varchar(100) NOT NULL,
    aggregate_id   varchar(255) NOT NULL,
    action         varchar(100) NOT NULL,
    actor          varchar(255) NOT NULL,
    at             timestamptz  NOT NULL,
    changes        jsonb        NOT NULL
);
CREATE INDEX audit_entry_aggregate ON audit_entry (aggregate_type, aggregate_id, id);
