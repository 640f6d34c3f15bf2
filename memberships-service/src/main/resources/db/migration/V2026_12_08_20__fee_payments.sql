-- A year's fee is invoiced by the organisation and paid (issue 25): the invoice (number, day,
-- amount, payable by) and the payment (day, amount). An invoice not paid by its day is reminded of.
ALTER TABLE membership_fee_year ADD COLUMN invoice_number varchar(100);
ALTER TABLE membership_fee_year ADD COLUMN invoiced_on date;
ALTER TABLE membership_fee_year ADD COLUMN invoice_amount numeric(12,2);
ALTER TABLE membership_fee_year ADD COLUMN payable_by date;
ALTER TABLE membership_fee_year ADD COLUMN paid_on date;
ALTER TABLE membership_fee_year ADD COLUMN paid_amount numeric(12,2);
ALTER TABLE membership_fee_year ADD COLUMN version bigint NOT NULL DEFAULT 0;
CREATE INDEX membership_fee_year_unpaid ON membership_fee_year (payable_by)
    WHERE invoiced_on IS NOT NULL AND paid_on IS NULL;
