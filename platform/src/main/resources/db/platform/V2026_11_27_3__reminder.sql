-- Reminders (platform Reminders): one row per deadline and lead time, recorded once (the key is
-- unique: a second replica or a restart records nothing again) and mailed once.
CREATE TABLE reminder (
    key          varchar(300)  PRIMARY KEY,
    kind         varchar(60)   NOT NULL,
    subject_type varchar(60)   NOT NULL,
    subject_id   varchar(100)  NOT NULL,
    due_on       date          NOT NULL,
    lead_days    integer       NOT NULL,
    recipients   varchar(2000) NOT NULL,
    subject      varchar(500)  NOT NULL,
    body         text          NOT NULL,
    status       varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'SENT')),
    attempts     integer       NOT NULL,
    last_error   varchar(2000),
    created_at   timestamptz   NOT NULL,
    sent_at      timestamptz
);
CREATE INDEX reminder_pending ON reminder (created_at) WHERE status = 'PENDING';
