-- A column that may be NULL, for the keyset paging test (NULLs sort last ascending, first descending).
ALTER TABLE widget ADD COLUMN label varchar(50);
