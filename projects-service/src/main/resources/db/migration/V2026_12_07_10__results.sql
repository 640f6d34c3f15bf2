-- From strategy to results (issue 24): goals linked to measures and projects, indicators with
-- targets per year, work plans (work packages, milestones), reporting periods with progress
-- reports, and expenditure against allocations.

CREATE TABLE measure_goal (
    measure_id uuid NOT NULL REFERENCES measure (id),
    goal_id    uuid NOT NULL REFERENCES goal (id),
    PRIMARY KEY (measure_id, goal_id)
);

CREATE TABLE project_goal (
    project_id uuid NOT NULL REFERENCES project (id),
    goal_id    uuid NOT NULL REFERENCES goal (id),
    PRIMARY KEY (project_id, goal_id)
);
CREATE INDEX project_goal_goal ON project_goal (goal_id);

-- An indicator belongs to a goal or to a project; a project's indicator may contribute to one of
-- a goal's (same unit).
CREATE TABLE indicator (
    id             uuid          PRIMARY KEY,
    goal_id        uuid          REFERENCES goal (id),
    project_id     uuid          REFERENCES project (id),
    contributes_to uuid          REFERENCES indicator (id),
    kind           varchar(10)   NOT NULL,
    name           varchar(200)  NOT NULL,
    unit           varchar(10)   NOT NULL,
    baseline       numeric(14,2) NOT NULL,
    created_at     timestamptz   NOT NULL,
    version        bigint        NOT NULL,
    CHECK ((goal_id IS NULL) <> (project_id IS NULL)),
    CHECK (contributes_to IS NULL OR project_id IS NOT NULL)
);
CREATE INDEX indicator_goal ON indicator (goal_id);
CREATE INDEX indicator_project ON indicator (project_id);
CREATE INDEX indicator_contributes_to ON indicator (contributes_to);

CREATE TABLE indicator_target (
    indicator_id uuid          NOT NULL REFERENCES indicator (id),
    year         integer       NOT NULL,
    target       numeric(14,2) NOT NULL,
    PRIMARY KEY (indicator_id, year)
);

CREATE TABLE work_package (
    id         uuid         PRIMARY KEY,
    project_id uuid         NOT NULL REFERENCES project (id),
    number     integer      NOT NULL,
    title      varchar(200) NOT NULL,
    version    bigint       NOT NULL,
    UNIQUE (project_id, number)
);

CREATE TABLE milestone (
    id                     uuid         PRIMARY KEY,
    project_id             uuid         NOT NULL REFERENCES project (id),
    work_package_id        uuid         NOT NULL REFERENCES work_package (id),
    title                  varchar(200) NOT NULL,
    due_on                 date         NOT NULL,
    responsible_partner_id uuid,
    status                 varchar(10)  NOT NULL,
    settled_on             date,
    version                bigint       NOT NULL
);
CREATE INDEX milestone_project ON milestone (project_id);
-- The dashboard's overdue milestones: open ones by due day.
CREATE INDEX milestone_open_due ON milestone (due_on) WHERE status = 'PLANNED';

CREATE TABLE reporting_period (
    id            uuid    PRIMARY KEY,
    project_id    uuid    NOT NULL REFERENCES project (id),
    number        integer NOT NULL,
    starts_on     date    NOT NULL,
    ends_on       date    NOT NULL,
    report_due_on date    NOT NULL,
    closed        boolean NOT NULL DEFAULT false,
    version       bigint  NOT NULL,
    UNIQUE (project_id, number)
);
-- The dashboard's overdue reports: periods without an accepted report, by due day.
CREATE INDEX reporting_period_open_due ON reporting_period (report_due_on) WHERE NOT closed;

CREATE TABLE progress_report (
    id           uuid         PRIMARY KEY,
    project_id   uuid         NOT NULL REFERENCES project (id),
    period_id    uuid         NOT NULL UNIQUE REFERENCES reporting_period (id),
    status       varchar(10)  NOT NULL,
    narrative    text,
    comment      text,
    revision     integer      NOT NULL,
    submitted_at timestamptz,
    submitted_by varchar(255),
    settled_at   timestamptz,
    settled_by   varchar(255),
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL
);
CREATE INDEX progress_report_project ON progress_report (project_id);

CREATE TABLE progress_report_value (
    report_id    uuid          NOT NULL REFERENCES progress_report (id),
    indicator_id uuid          NOT NULL REFERENCES indicator (id),
    value        numeric(14,2) NOT NULL,
    PRIMARY KEY (report_id, indicator_id)
);
CREATE INDEX progress_report_value_indicator ON progress_report_value (indicator_id);

CREATE TABLE expenditure (
    id            uuid          PRIMARY KEY,
    allocation_id uuid          NOT NULL REFERENCES allocation (id),
    subject_id    uuid          NOT NULL,
    amount        numeric(14,2) NOT NULL CHECK (amount > 0),
    spent_on      date          NOT NULL,
    description   varchar(500)  NOT NULL,
    evidence_id   uuid,
    recorded_by   varchar(255)  NOT NULL,
    recorded_at   timestamptz   NOT NULL
);
CREATE INDEX expenditure_allocation ON expenditure (allocation_id);
CREATE INDEX expenditure_subject ON expenditure (subject_id, spent_on);
