-- A teacher can close a class to new students (the join code stops working) and open it again.
alter table classroom add column joining_open boolean default true not null;
