-- The register load on two connections (issue 9, docs/performance.md). Measured with scripts/bench.

-- loadRegister merges the deltagare files into episode on the step's own transaction and the event
-- files on a second one at the same time (RegisterLoader). A large file's merge drops the table's
-- foreign keys and adds them back (RegisterMerge); dropping or adding a key to extract_file takes a
-- SHARE ROW EXCLUSIVE lock on extract_file until the commit, and the event files' transaction, which
-- records each file's status in extract_file as it goes, would wait for it while the step waits for
-- that transaction: a deadlock PostgreSQL cannot see, since one side of it waits in Java. As V6 did
-- for the event tables: the merge takes file_id from a join with extract_file, and extract_file rows
-- are never deleted (the history keeps every file), so the key holds by construction. episode keeps
-- its key to person (the persons of every file are inserted first, on the step's transaction).
ALTER TABLE episode DROP CONSTRAINT episode_file_id_fkey;
