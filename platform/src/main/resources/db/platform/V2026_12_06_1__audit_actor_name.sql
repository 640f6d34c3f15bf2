-- Who made a change, as people read it (the token's name, e.g. "Carla Coordinator"), beside
-- the subject that identifies them; empty for entries written before and for the system.
ALTER TABLE audit_entry ADD COLUMN actor_name TEXT;
