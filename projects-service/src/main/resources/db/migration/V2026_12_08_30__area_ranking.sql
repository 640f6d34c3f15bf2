-- The cooperation areas as partners-service reports them (CooperationAreaChanged), with their
-- potential analysis's ranking: the decision paper on a focus partner shows its place.
CREATE TABLE area_replica (
    id           uuid          PRIMARY KEY,
    name         varchar(300)  NOT NULL,
    has_analysis boolean       NOT NULL,
    version      bigint        NOT NULL,
    updated_at   timestamptz   NOT NULL
);

CREATE TABLE area_ranking (
    area_id        uuid          NOT NULL REFERENCES area_replica (id) ON DELETE CASCADE,
    partner_id     uuid          NOT NULL,
    name           varchar(300),
    rank           integer       NOT NULL,
    weighted_total numeric(8,3)  NOT NULL,
    complete       boolean       NOT NULL
);
CREATE INDEX area_ranking_partner ON area_ranking (partner_id);
