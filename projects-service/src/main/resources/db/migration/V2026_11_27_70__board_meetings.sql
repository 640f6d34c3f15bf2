-- Meetings of the deciding bodies: before each, the open questions are reminded of.
CREATE TABLE board_meeting (
    id         uuid         PRIMARY KEY,
    body       varchar(40)  NOT NULL,
    meets_on   date         NOT NULL,
    title      varchar(200),
    created_by varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL
);
CREATE INDEX board_meeting_meets_on ON board_meeting (meets_on);
