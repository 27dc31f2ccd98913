-- The five event tables become partitioned by file, one partition per loaded file (issue 9,
-- docs/performance.md "Seventh session"). An event file is staged straight into a table of the
-- register's shape, <table>_file_<file_id>, and the register load attaches that table as the file's
-- partition (StagingTables, RegisterMerge): its rows are written once, by the COPY, instead of once
-- into a staging table and again by INSERT ... SELECT into the register (at 1,000,000 episodes about
-- as long again as the COPY: 9.1 s against 9.1 s for 8.7 M insatser). A later delivery of a scope
-- drops the earlier file's partition, where it deleted the rows one by one and left them for VACUUM.
-- The (file_id) btrees go: a file's rows are its partition. The BRIN index on project_id stays, on
-- the partitioned table, so that every partition has one. The event staging tables are no longer
-- used. The rows already loaded move into partitions of their files, under the names the load uses.

DROP TABLE stg_kontakter, stg_bedomning, stg_insatser, stg_bistand, stg_af_status;

DO $$
DECLARE
    t text;
    f bigint;
BEGIN
    FOREACH t IN ARRAY ARRAY['contact', 'assessment', 'insats', 'payment', 'af_registration'] LOOP
        EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_unpartitioned');
        EXECUTE format('DROP INDEX %I, %I', t || '_file', t || '_project');
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS) PARTITION BY LIST (file_id)',
                       t, t || '_unpartitioned');
        EXECUTE format('CREATE INDEX %I ON %I USING brin (project_id)', t || '_project', t);
        FOR f IN EXECUTE format('SELECT DISTINCT file_id FROM %I ORDER BY file_id', t || '_unpartitioned') LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%s)', t || '_file_' || f, t, f);
            EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE file_id = %s', t || '_file_' || f,
                           t || '_unpartitioned', f);
        END LOOP;
        EXECUTE format('DROP TABLE %I', t || '_unpartitioned');
    END LOOP;
END
$$;
