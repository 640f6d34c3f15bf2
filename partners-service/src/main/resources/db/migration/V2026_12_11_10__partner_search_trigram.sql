-- Text search over many partners (issue 30): q= is a LIKE '%word%' on search_key, which without
-- an index reads every partner. pg_trgm's GIN index answers it from the word's trigrams (three
-- letters or more). pg_trgm is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX partner_search_key_trgm ON partner USING gin (search_key gin_trgm_ops);
