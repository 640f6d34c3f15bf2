-- Attachments (platform Attachments): files of a service's subjects with their metadata, in the
-- service's own database; the content type is the one detected from the content.
CREATE TABLE attachment (
    id           uuid          PRIMARY KEY,
    subject_type varchar(60)   NOT NULL,
    subject_id   uuid          NOT NULL,
    filename     varchar(200)  NOT NULL,
    content_type varchar(200)  NOT NULL,
    size         bigint        NOT NULL CHECK (size > 0),
    sha256       char(64)      NOT NULL,
    data         bytea         NOT NULL,
    uploaded_by  varchar(255)  NOT NULL,
    uploaded_at  timestamptz   NOT NULL
);
CREATE INDEX attachment_subject ON attachment (subject_type, subject_id);
