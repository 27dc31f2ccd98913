-- The register keeps a person key as the HMAC's 32 bytes (bytea) instead of its 64 hexadecimal
-- digits (char(64)) (issue 9, docs/performance.md "Eleventh session"). The key is on every row of
-- every extract: at 1,000,000 episodes 25 M rows carried 65 bytes of key each, a third of the
-- register, and the server wrote, logged, read, sorted and hashed all of them. The 11.7 M bistand
-- rows, COPY'd in binary in the staging's shape: 16.0 s and 2,135 MB with the hex key against
-- 9.5-9.9 s and 1,314 MB with the bytes (the latter measured without project_id and file_id too;
-- the staging now leaves out project_id, StagingTables); grouping them by person and month 3.5-4.4 s
-- against 3.0 s.
--
-- Bytes compare as their hex digits do (0-9 before a-f, digit by digit), so every order by person
-- key, and every result, stays the same. The episode key is made from the hex digits as before
-- (RegisterMerge: encode(person_key, 'hex')), so an episode keeps its key across this migration.
-- The export history (export_row, V5) keeps the hex digits: they are part of each row's hash, and
-- a file's rows are compared with the earlier deliveries by that hash (ExportHistory); the exports
-- read the register's key as hex (Participations) and look the register up with decode(..., 'hex').
--
-- Every person_key column of the register changes: the tables of V2, V3 and V12, the partitioned
-- event tables (with their partitions), and any event file's table staged but not yet attached as a
-- partition (StagingTables) when this runs. The foreign key from episode to person is dropped and
-- made again around the change, since its two ends must change together.
ALTER TABLE episode DROP CONSTRAINT episode_person_key_fkey;

DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN
        SELECT c.oid::regclass
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         WHERE c.relnamespace = to_regnamespace(current_schema())
           AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND a.attname = 'person_key' AND NOT a.attisdropped AND a.atttypid = 'bpchar'::regtype
           AND c.relname <> 'export_row'
         ORDER BY c.relname
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN person_key TYPE bytea USING decode(person_key, ''hex'')', t);
    END LOOP;
END
$$;

ALTER TABLE episode ADD CONSTRAINT episode_person_key_fkey FOREIGN KEY (person_key) REFERENCES person (person_key);
ALTER TABLE person ADD CONSTRAINT person_key_length CHECK (octet_length(person_key) = 32);
