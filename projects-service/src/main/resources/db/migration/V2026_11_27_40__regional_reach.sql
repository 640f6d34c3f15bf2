-- Measure 4 (cities to regions): what the overview needs to tell how far the cooperation reaches
-- beyond the cities. The partner replica keeps the degree of urbanisation and the region a
-- partner belongs to; activities keep their partners; every relation of a shareholder is kept
-- (not only focus partners).
ALTER TABLE partner_replica ADD COLUMN urbanisation varchar(10);
ALTER TABLE partner_replica ADD COLUMN parent_region_id uuid;

CREATE TABLE existing_activity_partner (
    activity_id uuid NOT NULL REFERENCES existing_activity (id) ON DELETE CASCADE,
    partner_id  uuid NOT NULL,
    PRIMARY KEY (activity_id, partner_id)
);

CREATE TABLE relation_replica (
    id          uuid        PRIMARY KEY,
    shareholder varchar(40),
    partner_id  uuid        NOT NULL,
    kind        varchar(40) NOT NULL,
    active      boolean     NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX relation_replica_partner ON relation_replica (partner_id) WHERE active;
CREATE INDEX project_partner_partner ON project_partner (partner_id);
CREATE INDEX existing_activity_partner_partner ON existing_activity_partner (partner_id);
