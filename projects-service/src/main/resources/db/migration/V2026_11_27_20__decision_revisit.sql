-- A DEFERRED decision (of any service) names the day to come back to it.
ALTER TABLE decision ADD COLUMN revisit_on date;
CREATE INDEX decision_deferred ON decision (revisit_on) WHERE outcome = 'DEFERRED';
CREATE INDEX decision_subject ON decision (subject_type, subject_id, kind);
