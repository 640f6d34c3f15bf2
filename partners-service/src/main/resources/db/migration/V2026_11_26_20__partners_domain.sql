-- partners-service domain: partners, contact persons, relations, shareholder activities,
-- cooperation areas with their potential analysis, focus-partner decisions, engagement.

CREATE TABLE partner (
    id                uuid         PRIMARY KEY,
    name              varchar(200) NOT NULL,
    local_name        varchar(200),
    search_key        varchar(500) NOT NULL,
    type              varchar(40)  NOT NULL,
    country           char(2)      NOT NULL,
    nuts_code         varchar(5),
    latitude          numeric(9,6),
    longitude         numeric(9,6),
    website           varchar(500),
    parent_region_id  uuid         REFERENCES partner (id),
    status            varchar(20)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL
);
CREATE INDEX partner_search_key ON partner (search_key);
CREATE INDEX partner_parent_region ON partner (parent_region_id);

CREATE TABLE partner_theme (
    partner_id uuid         NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    theme      varchar(100) NOT NULL,
    PRIMARY KEY (partner_id, theme)
);
CREATE INDEX partner_theme_theme ON partner_theme (theme);

CREATE TABLE contact_person (
    id         uuid         PRIMARY KEY,
    partner_id uuid         NOT NULL REFERENCES partner (id),
    name       varchar(200) NOT NULL,
    role       varchar(200),
    email      varchar(320),
    phone      varchar(40),
    version    bigint       NOT NULL
);
CREATE INDEX contact_person_partner ON contact_person (partner_id);

CREATE TABLE relation (
    id          uuid          PRIMARY KEY,
    shareholder varchar(40)   NOT NULL,
    partner_id  uuid          NOT NULL REFERENCES partner (id),
    kind        varchar(40)   NOT NULL,
    status      varchar(20)   NOT NULL,
    since       date,
    until       date,
    note        varchar(2000),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL,
    UNIQUE (shareholder, partner_id, kind)
);
CREATE INDEX relation_partner ON relation (partner_id);

CREATE TABLE relation_theme (
    relation_id uuid         NOT NULL REFERENCES relation (id) ON DELETE CASCADE,
    theme       varchar(100) NOT NULL,
    PRIMARY KEY (relation_id, theme)
);

CREATE TABLE activity (
    id           uuid          PRIMARY KEY,
    shareholder  varchar(40)   NOT NULL,
    external_id  varchar(200)  NOT NULL,
    title        varchar(300)  NOT NULL,
    kind         varchar(40)   NOT NULL,
    year_from    integer       NOT NULL,
    year_to      integer,
    link         varchar(500),
    content_hash varchar(64)   NOT NULL,
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL,
    UNIQUE (shareholder, external_id)
);

CREATE TABLE activity_partner (
    activity_id uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    partner_id  uuid NOT NULL REFERENCES partner (id),
    PRIMARY KEY (activity_id, partner_id)
);
CREATE INDEX activity_partner_partner ON activity_partner (partner_id);

CREATE TABLE activity_theme (
    activity_id uuid         NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    theme       varchar(100) NOT NULL,
    PRIMARY KEY (activity_id, theme)
);
CREATE INDEX activity_theme_theme ON activity_theme (theme);

CREATE TABLE cooperation_area (
    id          uuid          PRIMARY KEY,
    name        varchar(200)  NOT NULL UNIQUE,
    description varchar(4000),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL
);

CREATE TABLE cooperation_area_member (
    area_id    uuid NOT NULL REFERENCES cooperation_area (id) ON DELETE CASCADE,
    partner_id uuid NOT NULL REFERENCES partner (id),
    PRIMARY KEY (area_id, partner_id)
);

-- The potential analysis of an area: criteria and scores as JSON (their shape is validated
-- by the service), the ranking is computed on read.
CREATE TABLE potential_analysis (
    area_id    uuid        PRIMARY KEY REFERENCES cooperation_area (id) ON DELETE CASCADE,
    criteria   jsonb       NOT NULL,
    scores     jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL
);

CREATE TABLE partner_decision (
    id             uuid          PRIMARY KEY,
    partner_id     uuid          NOT NULL REFERENCES partner (id),
    shareholder    varchar(40)   NOT NULL,
    kind           varchar(40)   NOT NULL,
    body           varchar(40)   NOT NULL,
    decided_on     date          NOT NULL,
    outcome        varchar(20)   NOT NULL,
    minutes_ref    varchar(300),
    note           varchar(2000),
    recorded_by    varchar(255)  NOT NULL,
    recorded_at    timestamptz   NOT NULL
);
CREATE INDEX partner_decision_partner ON partner_decision (partner_id);

-- Read model from cooperation.projects.v1 (filled by the cross-service consumers).
CREATE TABLE partner_engagement (
    partner_id    uuid          NOT NULL,
    project_id    uuid          NOT NULL,
    project_title varchar(300)  NOT NULL,
    role          varchar(40),
    status        varchar(40)   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    PRIMARY KEY (partner_id, project_id)
);
