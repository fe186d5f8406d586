-- An optional class vote: once a challenge has closed, and until its teacher reveals the results, each student of
-- the class may vote for one classmate's counted answer, shown without names. A new vote replaces the old one, so
-- a student holds at most one vote per challenge (the primary key).
alter table challenge add column class_vote boolean not null default false;

create table challenge_vote (
    challenge_id  bigint not null references challenge (id) on delete cascade,
    voter_id      bigint not null references user_account (id),
    submission_id bigint not null references challenge_submission (id) on delete cascade,
    voted_at      timestamp with time zone not null,
    primary key (challenge_id, voter_id)
);

create index ix_vote_submission on challenge_vote (submission_id);
