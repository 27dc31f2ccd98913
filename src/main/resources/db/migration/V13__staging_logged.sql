-- stg_deltagare becomes a logged table, like the event files' own staging tables (V11) and stg_person
-- (V12). Unlogged, a crash of the database server emptied it, while the ingest's saved position (in
-- Spring Batch's logged tables) still counted the chunks it had committed: `scripts/run restart`
-- would then go on after them, and the deltagare rows of those chunks were lost without a trace,
-- since the load counts a file's rows from what is staged. Logging them costs the WAL of one COPY of
-- the deltagare file (about a second at 1,000,000 episodes). Between runs the table is empty.
ALTER TABLE stg_deltagare SET LOGGED;
