-- Measure 4 (cities to regions): the EU degree of urbanisation of a partner's territory.
ALTER TABLE partner ADD COLUMN urbanisation varchar(10);
ALTER TABLE partner ADD CONSTRAINT partner_urbanisation CHECK (urbanisation IN ('CITY', 'TOWN', 'RURAL'));
