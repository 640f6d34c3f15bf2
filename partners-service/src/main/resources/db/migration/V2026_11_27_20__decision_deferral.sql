-- The supervisory board may postpone a partner decision: DEFERRED, with the day to come back to it.
ALTER TABLE partner_decision ADD COLUMN revisit_on date;
ALTER TABLE partner_decision ADD CONSTRAINT partner_decision_revisit
    CHECK ((outcome = 'DEFERRED') = (revisit_on IS NOT NULL));
