-- episode_fact becomes partitioned by run, one unlogged table per outcome run, episode_fact_run_<id>
-- (issue 9, docs/performance.md "Nineteenth session"). 10_WRITE_FACTS.sql inserted a run's million rows
-- into the one table of all runs, its primary key kept row by row (7.2-7.6 s at 1,000,000 episodes);
-- into a table of its own, created in the same transaction and without an index, the same INSERT takes
-- 4.6-6.3 s, and attaching it builds the key in one pass (0.6 s). A run's statistics are then its
-- own partition's: ANALYZE reads the new run's rows only, not a sample of every run before it.
-- A run's facts can also be removed as a whole (DROP TABLE episode_fact_run_<id>, docs/operating.md),
-- where they were rows among all others' before.
--
-- The facts of the runs before this migration stay, as they are, in one partition for all of them
-- (episode_fact_earlier, run ids below the next run's).
-- status_event (V7) reads episode_fact, and a view follows the table it reads through a rename: it is
-- made again, from its own definition, on the new table.
CREATE TEMP TABLE v18_view AS SELECT pg_get_viewdef('status_event'::regclass) AS definition;
DROP VIEW status_event;

ALTER TABLE episode_fact RENAME TO episode_fact_earlier;
ALTER TABLE episode_fact_earlier RENAME CONSTRAINT episode_fact_pkey TO episode_fact_earlier_pkey;

-- not UNLOGGED itself: a partitioned table has no storage; every partition is unlogged (V15)
CREATE TABLE episode_fact (LIKE episode_fact_earlier INCLUDING DEFAULTS) PARTITION BY RANGE (run_id);
ALTER TABLE episode_fact ADD PRIMARY KEY (run_id, episode_id);

-- the earlier runs' partition ends after the highest run it holds: every later run's id is higher
DO $$
DECLARE
    last_run bigint := (SELECT max(run_id) FROM episode_fact_earlier);
BEGIN
    IF last_run IS NULL THEN
        DROP TABLE episode_fact_earlier;
    ELSE
        EXECUTE format('ALTER TABLE episode_fact ATTACH PARTITION episode_fact_earlier FOR VALUES FROM (MINVALUE) TO (%s)',
                       last_run + 1);
    END IF;
    EXECUTE 'CREATE VIEW status_event AS ' || (SELECT definition FROM v18_view);
END
$$;

DROP TABLE v18_view;
