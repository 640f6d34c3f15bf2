-- A board meeting's place, invitations and agenda; decisions taken in a meeting refer to it.
ALTER TABLE board_meeting ADD COLUMN place varchar(200);
ALTER TABLE board_meeting ADD COLUMN invitations integer NOT NULL DEFAULT 0;
ALTER TABLE board_meeting ADD COLUMN invited_at timestamptz;
ALTER TABLE board_meeting ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- One item of a meeting's agenda (Tagesordnungspunkt): a subject waiting for a decision
-- (subject_type as in the decision register: Project, Membership, Partner, OpenQuestion,
-- Measure, Strategy) or a free item (Other). A moved item stays, MOVED, with where it went.
CREATE TABLE agenda_item (
    id           uuid          PRIMARY KEY,
    meeting_id   uuid          NOT NULL REFERENCES board_meeting (id),
    position     integer       NOT NULL,
    subject_type varchar(40)   NOT NULL,
    subject_id   uuid,
    title        varchar(400)  NOT NULL,
    note         varchar(4000),
    status       varchar(20)   NOT NULL CHECK (status IN ('OPEN', 'DECIDED', 'MOVED')),
    moved_to     uuid          REFERENCES board_meeting (id),
    move_reason  varchar(1000),
    decision_id  uuid,
    added_by     varchar(255)  NOT NULL,
    added_at     timestamptz   NOT NULL
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);
-- A subject is on a meeting's agenda once (a moved item may come back later).
CREATE UNIQUE INDEX agenda_item_subject_once ON agenda_item (meeting_id, subject_type, subject_id)
    WHERE subject_id IS NOT NULL AND status <> 'MOVED';
CREATE UNIQUE INDEX agenda_item_strategy_once ON agenda_item (meeting_id, subject_type)
    WHERE subject_id IS NULL AND subject_type = 'Strategy' AND status <> 'MOVED';
CREATE INDEX agenda_item_subject ON agenda_item (subject_type, subject_id) WHERE status = 'OPEN';

ALTER TABLE decision ADD COLUMN meeting_id uuid;
CREATE INDEX decision_meeting ON decision (meeting_id) WHERE meeting_id IS NOT NULL;

-- What a decision paper on a membership says beyond the fee: the organisation's name, the notice
-- period and the working groups (from MembershipChanged).
ALTER TABLE membership_replica ADD COLUMN organisation_name varchar(300);
ALTER TABLE membership_replica ADD COLUMN notice_period varchar(200);
ALTER TABLE membership_replica ADD COLUMN working_groups text;
ALTER TABLE membership_replica ADD COLUMN start_date date;
ALTER TABLE board_meeting ADD COLUMN minutes_filed boolean NOT NULL DEFAULT false;
