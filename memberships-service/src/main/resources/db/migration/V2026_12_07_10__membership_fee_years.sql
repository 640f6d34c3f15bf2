-- The fee of every year of a membership (issue 25): one request per membership and year, so that
-- every year's budget carries the fee (not only the year of joining), and a rerun books nothing
-- twice. The request id is the one projects-service answers to.
CREATE TABLE membership_fee_year (
    membership_id uuid          NOT NULL REFERENCES membership (id) ON DELETE CASCADE,
    year          integer       NOT NULL,
    request_id    uuid          NOT NULL UNIQUE,
    fee           numeric(12,2) NOT NULL,
    status        varchar(10)   NOT NULL,
    reason        varchar(1000),
    requested_at  timestamptz   NOT NULL,
    answered_at   timestamptz,
    PRIMARY KEY (membership_id, year)
);

-- What the memberships already asked for: an active one its first year (funded), one waiting
-- for funding the request it waits for.
INSERT INTO membership_fee_year (membership_id, year, request_id, fee, status, requested_at, answered_at)
SELECT m.id, extract(year FROM m.start_date)::int, gen_random_uuid(),
       coalesce((SELECT f.yearly_fee FROM membership_fee f WHERE f.membership_id = m.id ORDER BY f.valid_from LIMIT 1), 0),
       'ALLOCATED', m.updated_at, m.updated_at
  FROM membership m
 WHERE m.status = 'ACTIVE' AND m.start_date IS NOT NULL;
INSERT INTO membership_fee_year (membership_id, year, request_id, fee, status, requested_at)
SELECT m.id, extract(year FROM coalesce(m.start_date, m.updated_at::date))::int, m.pending_request,
       coalesce((SELECT f.yearly_fee FROM membership_fee f WHERE f.membership_id = m.id ORDER BY f.valid_from LIMIT 1), 0),
       'REQUESTED', m.updated_at
  FROM membership m
 WHERE m.status = 'AWAITING_FUNDING' AND m.pending_request IS NOT NULL
ON CONFLICT DO NOTHING;
