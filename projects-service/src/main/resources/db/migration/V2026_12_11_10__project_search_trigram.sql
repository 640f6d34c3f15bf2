-- Text search over many projects (issue 30): each word of q= is a LIKE '%word%' on search_key,
-- which without an index reads every project. pg_trgm's GIN index answers such a LIKE from the
-- word's trigrams (words of three letters or more; shorter ones still read the table).
-- pg_trgm is a trusted extension: the database's owner may create it, no superuser needed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX project_search_key_trgm ON project USING gin (search_key gin_trgm_ops);
