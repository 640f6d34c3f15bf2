-- Text search over title and summary, ignoring case and accents: the key is spelled by the
-- service (platform SearchText, the same as partners' search); projects stored before this
-- column existed get theirs at the service's next start.
ALTER TABLE project ADD COLUMN search_key text;
