-- Training runs on JobRunr workers, on any node with the worker role.
-- attempt: goes up each time a run is put back in the queue; a job names the attempt it trains, so a job left over
--          from an earlier attempt does nothing.
-- cancel_requested: a cancel asked on any node; the worker training the run stops within a batch.
-- worker: the node that trains (or last trained) the run.
alter table training_run add column attempt integer default 0 not null;
alter table training_run add column cancel_requested boolean default false not null;
alter table training_run add column worker varchar(100);
-- queued_at: when the run last went into the queue (its place there), submitted_at: when it was first started.
alter table training_run add column queued_at timestamp with time zone;
update training_run set queued_at = submitted_at;

-- Admission takes this table's one row for update, so the per-user limit and the queue's capacity hold across
-- nodes: two submissions at the same moment count one after the other.
create table training_admission (
    lock_name varchar(32) primary key
);
insert into training_admission (lock_name) values ('queue');

-- Runs left waiting or training by a server of an earlier version had no job: they are interrupted and can be
-- resumed from their last epoch, as that version did at its next start.
update training_run set state = 'INTERRUPTED', ended_at = coalesce(ended_at, submitted_at)
where state in ('QUEUED', 'RUNNING');
