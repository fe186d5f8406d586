-- The network a student designed for a run (the Lab's designer), as JSON; null for a run of an experiment's own
-- network. Kept in its own column, beside the settings, so the teacher's assignment view and any report can read a
-- run's architecture without parsing its settings. A design is a few stages: it fits a varchar on every database.
alter table training_run add column design varchar(4000);
