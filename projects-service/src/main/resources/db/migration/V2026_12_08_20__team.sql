-- KielRegion's international team: its people with their capacity (FTE) per year, and what each
-- works on (a project or a membership) with a share of FTE per year.
CREATE TABLE team_member (
    id         uuid          PRIMARY KEY,
    name       varchar(200)  NOT NULL,
    role       varchar(200),
    email      varchar(320),
    created_at timestamptz   NOT NULL,
    version    bigint        NOT NULL DEFAULT 0
);

CREATE TABLE team_capacity (
    member_id uuid         NOT NULL REFERENCES team_member (id),
    year      integer      NOT NULL,
    fte       numeric(4,2) NOT NULL CHECK (fte >= 0),
    PRIMARY KEY (member_id, year)
);

CREATE TABLE team_assignment (
    id           uuid          PRIMARY KEY,
    member_id    uuid          NOT NULL REFERENCES team_member (id),
    subject_type varchar(20)   NOT NULL CHECK (subject_type IN ('PROJECT', 'MEMBERSHIP')),
    subject_id   uuid          NOT NULL,
    subject_name varchar(400)  NOT NULL,
    year         integer       NOT NULL,
    fte          numeric(4,2)  NOT NULL CHECK (fte > 0),
    note         varchar(1000),
    created_by   varchar(255)  NOT NULL,
    created_at   timestamptz   NOT NULL,
    UNIQUE (member_id, subject_type, subject_id, year)
);
CREATE INDEX team_assignment_subject ON team_assignment (subject_id, year);
CREATE INDEX team_assignment_year ON team_assignment (year);
