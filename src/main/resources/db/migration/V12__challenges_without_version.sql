-- A challenge changes only through guarded updates (pause only OPEN, resume only PAUSED before closes_at, close
-- OPEN or PAUSED, reveal only once closed), which settle a race by themselves, and nothing ever compared its
-- version column, so it goes.
alter table challenge drop column version;
