-- The supervisory board may postpone a membership decision ("AR vertagt UBC"): DEFERRED, with
-- the day to come back to it.
ALTER TABLE membership_decision ADD COLUMN revisit_on date;
ALTER TABLE membership_decision ADD CONSTRAINT membership_decision_revisit
    CHECK ((outcome = 'DEFERRED') = (revisit_on IS NOT NULL));
