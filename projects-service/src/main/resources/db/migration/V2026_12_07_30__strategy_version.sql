-- Versions of the adopted strategy (issue 25): adopting the strategy freezes its document as it
-- stood (Markdown and the PDF), numbered 1, 2, ...
CREATE TABLE strategy_version (
    number      integer      PRIMARY KEY,
    decision_id uuid         NOT NULL,
    adopted_on  date         NOT NULL,
    body        varchar(40)  NOT NULL,
    markdown    text         NOT NULL,
    sha256      varchar(64)  NOT NULL,
    pdf         bytea        NOT NULL,
    created_at  timestamptz  NOT NULL
);
