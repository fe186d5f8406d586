-- Accounts and classes change by single-column updates (a language, a join code, joining open or closed) that
-- cannot conflict, so their version columns, which nothing compared, go.
alter table user_account drop column version;
alter table classroom drop column version;
