-- memberships-service domain: organisations, memberships, fee history, decisions.

CREATE TABLE organisation (
    id            uuid          PRIMARY KEY,
    name          varchar(300)  NOT NULL,
    acronym       varchar(30)   NOT NULL UNIQUE,
    kind          varchar(40)   NOT NULL,
    website       varchar(500),
    seat_country  char(2)       NOT NULL,
    description   varchar(4000),
    fee_model     jsonb         NOT NULL,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL
);

CREATE TABLE organisation_theme (
    organisation_id uuid         NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    theme           varchar(100) NOT NULL,
    PRIMARY KEY (organisation_id, theme)
);

CREATE TABLE organisation_working_group (
    organisation_id uuid         NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    working_group   varchar(200) NOT NULL,
    PRIMARY KEY (organisation_id, working_group)
);

CREATE TABLE organisation_member_partner (
    organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    partner_id      uuid NOT NULL,
    PRIMARY KEY (organisation_id, partner_id)
);

CREATE TABLE membership (
    id                 uuid           PRIMARY KEY,
    holder             varchar(40)    NOT NULL,
    organisation_id    uuid           NOT NULL REFERENCES organisation (id),
    status             varchar(30)    NOT NULL,
    start_date         date,
    term_months        integer        NOT NULL,
    renewal_date       date,
    notice_period      varchar(20)    NOT NULL,
    end_date           date,
    contact_person     varchar(200),
    expected_benefits  varchar(4000),
    obligations        varchar(4000),
    evaluation         jsonb,
    funding_note       varchar(1000),
    pending_request    uuid,
    created_at         timestamptz    NOT NULL,
    updated_at         timestamptz    NOT NULL,
    version            bigint         NOT NULL
);
CREATE INDEX membership_organisation ON membership (organisation_id);
-- At most one open membership of a holder in an organisation.
CREATE UNIQUE INDEX membership_open ON membership (holder, organisation_id)
    WHERE status NOT IN ('ENDED', 'DECIDED_DECLINE');

CREATE TABLE membership_working_group (
    membership_id uuid         NOT NULL REFERENCES membership (id) ON DELETE CASCADE,
    working_group varchar(200) NOT NULL,
    PRIMARY KEY (membership_id, working_group)
);

-- Fees with their validity; the open period has valid_to NULL.
CREATE TABLE membership_fee (
    id            uuid           PRIMARY KEY,
    membership_id uuid           NOT NULL REFERENCES membership (id) ON DELETE CASCADE,
    yearly_fee    numeric(12,2)  NOT NULL CHECK (yearly_fee >= 0),
    valid_from    date           NOT NULL,
    valid_to      date,
    UNIQUE (membership_id, valid_from)
);
CREATE UNIQUE INDEX membership_fee_open ON membership_fee (membership_id) WHERE valid_to IS NULL;

CREATE TABLE membership_decision (
    id             uuid          PRIMARY KEY,
    membership_id  uuid          NOT NULL REFERENCES membership (id),
    kind           varchar(20)   NOT NULL,
    body           varchar(40)   NOT NULL,
    decided_on     date          NOT NULL,
    outcome        varchar(20)   NOT NULL,
    conditions     varchar(2000),
    minutes_ref    varchar(300),
    recorded_by    varchar(255)  NOT NULL,
    recorded_at    timestamptz   NOT NULL
);
CREATE INDEX membership_decision_membership ON membership_decision (membership_id);

-- Names of partners-service's partners, to show the member partners of organisations.
CREATE TABLE partner_name (
    id         uuid         PRIMARY KEY,
    name       varchar(200) NOT NULL,
    status     varchar(20)  NOT NULL,
    version    bigint       NOT NULL
);
