-- projects-service domain: strategy (goals, themes, measures, open questions, next steps),
-- projects, the decision register, the budget and every allocation, the partner replica.

CREATE TABLE goal (
    id          uuid          PRIMARY KEY,
    title       varchar(300)  NOT NULL,
    description varchar(4000),
    version     bigint        NOT NULL
);

CREATE TABLE theme (
    id          uuid          PRIMARY KEY,
    name        varchar(200)  NOT NULL UNIQUE,
    description varchar(4000),
    version     bigint        NOT NULL
);

CREATE TABLE measure (
    id                   uuid          PRIMARY KEY,
    number               integer       NOT NULL UNIQUE,
    title                varchar(300)  NOT NULL,
    description          varchar(4000),
    what_must_happen     varchar(4000),
    who_must_be_involved varchar(4000),
    resources_needed     varchar(4000),
    timeline             varchar(200),
    version              bigint        NOT NULL
);

CREATE TABLE measure_theme (
    measure_id uuid NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
    theme_id   uuid NOT NULL REFERENCES theme (id),
    PRIMARY KEY (measure_id, theme_id)
);

CREATE TABLE open_question (
    id                   uuid          PRIMARY KEY,
    measure_id           uuid          REFERENCES measure (id),
    text                 varchar(2000) NOT NULL,
    status               varchar(20)   NOT NULL,
    answer               varchar(4000),
    resolved_by_decision uuid,
    resolved_at          timestamptz,
    version              bigint        NOT NULL
);

-- Organisations whose membership decisions answer a question (e.g. STRING, UBC: issue 6).
CREATE TABLE open_question_organisation (
    question_id uuid        NOT NULL REFERENCES open_question (id) ON DELETE CASCADE,
    acronym     varchar(30) NOT NULL,
    PRIMARY KEY (question_id, acronym)
);

CREATE TABLE project (
    id                  uuid          PRIMARY KEY,
    title               varchar(300)  NOT NULL,
    summary             varchar(4000),
    measure_id          uuid          REFERENCES measure (id),
    cooperation_area_id uuid,
    lead                varchar(200),
    status              varchar(40)   NOT NULL,
    planned_start       date,
    planned_end         date,
    effort              integer,
    impact              integer,
    months_to_start     integer,
    funding_secured     integer,
    quick_win           numeric(5,1),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL
);
CREATE INDEX project_status ON project (status);
CREATE INDEX project_quick_win ON project (quick_win DESC NULLS LAST, title, id);
CREATE INDEX project_title ON project (title, id);

CREATE TABLE project_theme (
    project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    theme_id   uuid NOT NULL REFERENCES theme (id),
    PRIMARY KEY (project_id, theme_id)
);

CREATE TABLE project_shareholder (
    project_id  uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    shareholder varchar(40) NOT NULL,
    PRIMARY KEY (project_id, shareholder)
);

CREATE TABLE project_partner (
    project_id uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    partner_id uuid        NOT NULL,
    role       varchar(20) NOT NULL,
    PRIMARY KEY (project_id, partner_id)
);

CREATE TABLE project_financing (
    project_id uuid           NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    position   integer        NOT NULL,
    kind       varchar(40)    NOT NULL,
    name       varchar(200)   NOT NULL,
    amount     numeric(14,2)  NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (project_id, position)
);

CREATE TABLE next_step (
    id         uuid          PRIMARY KEY,
    title      varchar(500)  NOT NULL,
    owner      varchar(200)  NOT NULL,
    due_date   date,
    status     varchar(20)   NOT NULL,
    measure_id uuid          REFERENCES measure (id),
    project_id uuid          REFERENCES project (id),
    version    bigint        NOT NULL
);

-- The decision register: this service's decisions, and (issue 6) those of the others.
CREATE TABLE decision (
    id            uuid          PRIMARY KEY,
    service       varchar(40)   NOT NULL,
    subject_type  varchar(40)   NOT NULL,
    subject_id    uuid,
    subject_name  varchar(2000) NOT NULL,
    kind          varchar(100)  NOT NULL,
    body          varchar(40)   NOT NULL,
    decided_on    date          NOT NULL,
    outcome       varchar(40)   NOT NULL,
    conditions    varchar(2000),
    minutes_ref   varchar(300),
    -- For membership decisions: the organisation (e.g. UBC), to resolve linked open questions.
    organisation  varchar(30),
    recorded_by   varchar(255)  NOT NULL,
    recorded_at   timestamptz   NOT NULL
);
CREATE INDEX decision_decided_on ON decision (decided_on DESC);

CREATE TABLE budget_line (
    id        uuid           PRIMARY KEY,
    year      integer        NOT NULL,
    category  varchar(30)    NOT NULL,
    amount    numeric(14,2)  NOT NULL CHECK (amount >= 0),
    version   bigint         NOT NULL,
    UNIQUE (year, category)
);

CREATE TABLE allocation (
    id           uuid           PRIMARY KEY,
    line_id      uuid           REFERENCES budget_line (id),
    subject_type varchar(20)    NOT NULL,
    subject_id   uuid           NOT NULL,
    subject_name varchar(500),
    amount       numeric(14,2)  NOT NULL CHECK (amount > 0),
    status       varchar(20)    NOT NULL,
    reason       varchar(1000),
    request_id   uuid           UNIQUE,
    created_at   timestamptz    NOT NULL,
    updated_at   timestamptz    NOT NULL
);
CREATE INDEX allocation_line ON allocation (line_id, status);
CREATE INDEX allocation_subject ON allocation (subject_id);

-- Replica of partners-service's partners (id, name, type, country, status), kept from
-- cooperation.partners.v1 by the partner consumer.
CREATE TABLE partner_replica (
    id         uuid          PRIMARY KEY,
    name       varchar(200)  NOT NULL,
    type       varchar(40),
    country    char(2),
    status     varchar(20)   NOT NULL,
    version    bigint        NOT NULL,
    updated_at timestamptz   NOT NULL
);

-- The shareholders' existing activities as partners-service reports them (ActivityUpserted),
-- counted per shareholder and theme in the strategy overview.
CREATE TABLE existing_activity (
    id          uuid        PRIMARY KEY,
    shareholder varchar(40) NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE existing_activity_theme (
    activity_id uuid         NOT NULL REFERENCES existing_activity (id) ON DELETE CASCADE,
    theme       varchar(100) NOT NULL,
    PRIMARY KEY (activity_id, theme)
);

-- Memberships as memberships-service reports them, for the strategy overview.
CREATE TABLE membership_replica (
    id           uuid          PRIMARY KEY,
    holder       varchar(40)   NOT NULL,
    organisation varchar(30)   NOT NULL,
    status       varchar(30)   NOT NULL,
    yearly_fee   numeric(12,2),
    updated_at   timestamptz   NOT NULL
);

-- Focus partners as partners-service's relations report them (FOCUS_PARTNER, ACTIVE).
CREATE TABLE focus_partner (
    relation_id uuid        PRIMARY KEY,
    partner_id  uuid        NOT NULL,
    shareholder varchar(40) NOT NULL,
    since       date,
    active      boolean     NOT NULL
);
