-- Status at entry (ESF, SPEC §5) and LONG_TERM_UNEMPLOYED (R21).
-- Registered unemployed at entry: an ARBETSSOKANDE registration open on the start day. Anonymous
-- participations link no AF data: their status at entry comes from ersattning_start alone (R12).
--
-- ELIGIBLE (SPEC §2, §5, R21, R22): the project's eligibility rules at the episode's start; each
-- failure is a finding named by its rule, never a reason to drop the episode.
--   MIN_AGE / MAX_AGE   age at start outside the project's bounds
--   AF_REGISTERED       no AF registration open on any day within 31 days of the start
--   FORSORJNINGSSTOD    no försörjningsstöd paid (R9) for a month overlapping that window
--   MAX_DURATION        not a start rule but a finding for follow-up: the episode has run longer than
--                       max_months + extension_months by its end or the as-of date; it does not make
--                       the episode ineligible
-- The requires-rules need other agencies' data, which is never linked to an anonymous
-- participation: for those they are not checked.
--
-- The evidence is found by binary search in each person's registrations (person_af, made in
-- 00_EPISODE_FACTS.sql, which says how) and months of payments (person_payment, made in
-- 05_SELF_SUFFICIENT_3M.sql, which this file therefore follows on the computation's own connection).
-- Issue 9: both definitions look at the episode's start in the same two per-person rows, so they are
-- one pass over the episodes, with each person's rows joined once, and one table for 10 to join; they
-- were two files, each joining back its evidence per episode (docs/performance.md, "Eighteenth session").
-- Parameters: :project, :asOf, :minAge, :maxAge, :requiresAf, :requiresFs, :maxMonths
DROP TABLE IF EXISTS fact_start;

-- the episodes (1,000,000 at the benchmark's scale) and each person's rows kept within memory: with the
-- server's 4 MB the hash joins went to disk in batches (4.1 against 4.8 s in psql)
SET LOCAL work_mem = '64MB';

CREATE TEMP TABLE fact_start AS
WITH evidence AS (
    SELECT f.episode_id, f.age_at_start, f.start_date, f.end_date, f.anonymous, e.unemployed_since,
           e.support_start,
           -- an ARBETSSOKANDE registration open on the start day
           coalesce(NOT f.anonymous AND a.seeker_reach[width_bucket(f.start_date, a.days)] >= f.start_date,
                    false) AS registered,
           -- a registration begun by 31 days after the start and open on some day from 31 days before it
           coalesce(NOT f.anonymous AND a.any_reach[width_bucket(f.start_date + 31, a.days)] >= f.start_date - 31,
                    false) AS af_evidence,
           -- a month paid for overlapping the days from 31 days before the start to 31 days after it: the
           -- running count of paid months grows from the last month before the window's first month to
           -- its last day (manad is the first day of its month)
           coalesce(NOT f.anonymous
                    AND coalesce(p.counts[width_bucket(f.start_date + 31, p.months)], 0)
                        > coalesce(p.counts[width_bucket(date_trunc('month', f.start_date - 31)::date - 1, p.months)], 0),
                    false) AS fs_evidence
      FROM fact_base f
      JOIN episode e ON e.episode_id = f.episode_id
      LEFT JOIN person_af a ON a.person_key = f.person_key
      -- a rule the project does not require is not looked at
      LEFT JOIN person_payment p ON CAST(:requiresFs AS boolean) AND p.person_key = f.person_key
), checked AS (
    SELECT v.*,
           CASE WHEN v.support_start && ARRAY['LON', 'LON_SUBV', 'FORETAG'] AND NOT v.registered THEN 'EMPLOYED'
                WHEN v.registered OR v.support_start && ARRAY['A_KASSA', 'AKTIVITETSSTOD'] THEN 'UNEMPLOYED'
                ELSE 'INACTIVE' END AS status,
           array_remove(ARRAY[
               CASE WHEN v.age_at_start < CAST(:minAge AS integer) THEN 'MIN_AGE' END,
               CASE WHEN v.age_at_start > CAST(:maxAge AS integer) THEN 'MAX_AGE' END,
               CASE WHEN CAST(:requiresAf AS boolean) AND NOT v.anonymous AND NOT v.af_evidence
                    THEN 'AF_REGISTERED' END,
               CASE WHEN CAST(:requiresFs AS boolean) AND NOT v.anonymous AND NOT v.fs_evidence
                    THEN 'FORSORJNINGSSTOD' END,
               CASE WHEN coalesce(v.end_date, :asOf) > v.start_date + make_interval(months => CAST(:maxMonths AS integer))
                    THEN 'MAX_DURATION' END
           ], NULL) AS findings
      FROM evidence v
)
SELECT episode_id,
       registered AS registered_unemployed,
       status AS status_at_entry,
       status = 'UNEMPLOYED' AND unemployed_since IS NOT NULL
           AND unemployed_since + CASE WHEN age_at_start < 25 THEN interval '6 months'
                                       ELSE interval '12 months' END <= start_date AS long_term_unemployed,
       findings,
       NOT findings && ARRAY['MIN_AGE', 'MAX_AGE', 'AF_REGISTERED', 'FORSORJNINGSSTOD'] AS eligible
  FROM checked;

SET LOCAL work_mem TO DEFAULT;

ANALYZE fact_start;
