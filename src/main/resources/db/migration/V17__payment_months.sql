-- payment_month: each loaded bistand file's payments summed per person and month, beside its rows in
-- payment (issue 9, docs/performance.md "Eighteenth session"). SELF_SUFFICIENT_3M and ELIGIBLE need
-- only the sum of a person's belopp per month (R9), and grouping every payment row for it was the
-- longest statement of the outcome computation's first connection (11.7 M rows, 1.29 M person-months
-- at 1,000,000 episodes). The staging writer sums the rows of a person and month that lie together in
-- the file (extracts list a person's rows together) while it stages them, so this table holds about
-- one row per person-month, and never a sum over rows that payment does not hold: a row here is the
-- sum of some of the file's staged rows, each in exactly one such sum. The outcome SQL still groups by
-- person and month, so a person-month split over two places in the file (or over two chunks) adds up.
-- Like payment, partitioned by file: a file's months are staged into payment_month_file_<id> and
-- attached, and dropped with its payment partition when a later delivery replaces the file.
CREATE TABLE payment_month (
    project_id text          NOT NULL,
    file_id    bigint        NOT NULL,
    person_key bytea         NOT NULL,
    month      date          NOT NULL,
    paid       numeric(18,2) NOT NULL,  -- a sum of at most a chunk's amounts (numeric(12,2) each)
    rows       integer       NOT NULL
) PARTITION BY LIST (file_id);

CREATE INDEX payment_month_project ON payment_month USING brin (project_id);

-- the files already loaded: their months, summed from their rows
DO $$
DECLARE
    f bigint;
BEGIN
    FOR f IN SELECT DISTINCT file_id FROM payment ORDER BY file_id LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF payment_month FOR VALUES IN (%s)', 'payment_month_file_' || f, f);
        EXECUTE format('INSERT INTO %I (project_id, file_id, person_key, month, paid, rows)
                        SELECT project_id, file_id, person_key, month, sum(amount), count(*)
                          FROM payment WHERE file_id = %s GROUP BY project_id, file_id, person_key, month',
                       'payment_month_file_' || f, f);
    END LOOP;
END
$$;

-- a bistand file staged by an earlier version and not loaded yet (an ingest that failed, to be
-- restarted): its months are staged beside it now, as the staging writer would have
DO $$
DECLARE
    t text;
    m text;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c
              WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND NOT c.relispartition
                AND c.relname ~ '^payment_file_[0-9]+$' LOOP
        m := 'payment_month_file_' || substring(t FROM 14);
        EXECUTE format('CREATE TABLE %I (LIKE payment_month, CONSTRAINT %I CHECK (file_id = %s))',
                       m, m || '_file', substring(t FROM 14));
        EXECUTE format('ALTER TABLE %I DROP COLUMN project_id', m);
        EXECUTE format('INSERT INTO %I (file_id, person_key, month, paid, rows)
                        SELECT file_id, person_key, month, sum(amount), count(*) FROM %I GROUP BY file_id, person_key, month',
                       m, t);
    END LOOP;
END
$$;
