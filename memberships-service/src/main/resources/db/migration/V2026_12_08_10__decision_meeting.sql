-- A decision taken in a board meeting (projects-service's) refers to it.
ALTER TABLE membership_decision ADD COLUMN meeting_id uuid;
