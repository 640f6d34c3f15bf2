-- A decision taken in a board meeting (projects-service's) refers to it.
ALTER TABLE partner_decision ADD COLUMN meeting_id uuid;
