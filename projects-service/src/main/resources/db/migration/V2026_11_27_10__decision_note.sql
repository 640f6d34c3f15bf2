-- The decision register keeps a decision's free note too (partner decisions carry one).
ALTER TABLE decision ADD COLUMN note varchar(2000);
