-- Calendar feeds (iCalendar) that calendar clients subscribe to by a secret token; only its
-- SHA-256 is kept. The membership replica keeps the last day to give notice for them.
CREATE TABLE calendar_feed (
    id           uuid         PRIMARY KEY,
    token_hash   char(64)     NOT NULL UNIQUE,
    owner        varchar(255) NOT NULL,
    name         varchar(100) NOT NULL,
    shareholder  varchar(40),
    created_at   timestamptz  NOT NULL,
    last_read_at timestamptz
);
CREATE INDEX calendar_feed_owner ON calendar_feed (owner);

ALTER TABLE membership_replica ADD COLUMN last_notice_day date;
ALTER TABLE membership_replica ADD COLUMN term_months integer;
