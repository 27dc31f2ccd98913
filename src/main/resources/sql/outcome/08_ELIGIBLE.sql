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
-- The evidence is found by binary search in each person's registrations (person_af) and months of
-- payments (person_payment), not by a lookup per episode; a rule the project does not require is not
-- looked at. This file runs after 05_SELF_SUFFICIENT_3M, which makes person_payment, on the
-- computation's own connection.
-- Parameters: :project, :asOf, :minAge, :maxAge, :requiresAf, :requiresFs, :maxMonths
DROP TABLE IF EXISTS fact_eligible;

CREATE TEMP TABLE fact_eligible AS
WITH af_evidence AS (
    -- a registration begun by 31 days after the start and open on some day from 31 days before it
    -- (person_af: 01_STATUS_AT_ENTRY.sql)
    SELECT f.episode_id
      FROM fact_base f
      JOIN person_af p ON p.person_key = f.person_key
     WHERE CAST(:requiresAf AS boolean) AND NOT f.anonymous
       AND p.any_reach[width_bucket(f.start_date + 31, p.days)] >= f.start_date - 31
), fs_evidence AS (
    -- a month paid for overlapping the days from 31 days before the start to 31 days after it: the
    -- running count of paid months (person_payment: 05_SELF_SUFFICIENT_3M.sql) grows from the last
    -- month before the window's first month to its last day (manad is the first day of its month)
    SELECT f.episode_id
      FROM fact_base f
      JOIN person_payment p ON p.person_key = f.person_key
     WHERE CAST(:requiresFs AS boolean) AND NOT f.anonymous
       AND coalesce(p.counts[width_bucket(f.start_date + 31, p.months)], 0)
           > coalesce(p.counts[width_bucket(date_trunc('month', f.start_date - 31)::date - 1, p.months)], 0)
), checked AS (
    SELECT f.episode_id,
           array_remove(ARRAY[
               CASE WHEN f.age_at_start < CAST(:minAge AS integer) THEN 'MIN_AGE' END,
               CASE WHEN f.age_at_start > CAST(:maxAge AS integer) THEN 'MAX_AGE' END,
               CASE WHEN CAST(:requiresAf AS boolean) AND NOT f.anonymous AND af.episode_id IS NULL
                    THEN 'AF_REGISTERED' END,
               CASE WHEN CAST(:requiresFs AS boolean) AND NOT f.anonymous AND fs.episode_id IS NULL
                    THEN 'FORSORJNINGSSTOD' END,
               CASE WHEN coalesce(f.end_date, :asOf) > f.start_date + make_interval(months => CAST(:maxMonths AS integer))
                    THEN 'MAX_DURATION' END
           ], NULL) AS findings
      FROM fact_base f
      LEFT JOIN af_evidence af ON af.episode_id = f.episode_id
      LEFT JOIN fs_evidence fs ON fs.episode_id = f.episode_id
)
SELECT episode_id, findings,
       NOT findings && ARRAY['MIN_AGE', 'MAX_AGE', 'AF_REGISTERED', 'FORSORJNINGSSTOD'] AS eligible
  FROM checked;

ANALYZE fact_eligible;
