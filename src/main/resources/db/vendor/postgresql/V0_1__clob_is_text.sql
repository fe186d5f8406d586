-- PostgreSQL has no "clob". The portable migrations in db/migration use it for long text (H2 maps it to its
-- character large object); here it is a domain over text, so the same migrations run unchanged on both databases
-- and existing H2 data folders keep their checksums. New migrations write "text" directly.
create domain clob as text;
