-- Two things the register load computed from an event file's staged rows, from all of them, now
-- recorded while the rows are staged (issue 9, docs/performance.md "Seventh session"):
--   * the file's persons: each chunk copies the distinct persons of its rows into stg_person, so the
--     load inserts persons from a few thousand rows instead of grouping 25 M (and the rows no longer
--     carry a birth date and legal gender each, which the register does not keep for events);
--   * the number of rows staged: each chunk adds what its COPY wrote (in the chunk's transaction, so
--     the count and the rows commit together), instead of a count(*) over each file's table.
-- stg_deltagare is unchanged: its rows carry their person, and the overlap check removes some.
-- stg_person is logged, like the event files' tables whose persons it holds.
CREATE TABLE stg_person (
    file_id      bigint   NOT NULL,
    person_key   char(64) COLLATE "C" NOT NULL,
    birth_date   date     NOT NULL,
    legal_gender char(1)  NOT NULL
);
ALTER TABLE extract_file ADD COLUMN rows_staged integer;
COMMENT ON COLUMN extract_file.rows_staged IS
    'rows staged in an event file''s own table (StagingTables); NULL for deltagare files and before staging';
