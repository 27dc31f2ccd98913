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
-- Parameters: :run, :project, :asOf, :minAge, :maxAge, :requiresAf, :requiresFs, :maxMonths
UPDATE episode_fact f
   SET findings = array_remove(ARRAY[
           CASE WHEN f.age_at_start < CAST(:minAge AS integer) THEN 'MIN_AGE' END,
           CASE WHEN f.age_at_start > CAST(:maxAge AS integer) THEN 'MAX_AGE' END,
           CASE WHEN CAST(:requiresAf AS boolean) AND NOT f.anonymous AND NOT EXISTS (
                    SELECT 1 FROM af_registration a
                     WHERE a.project_id = :project AND a.person_key = f.person_key
                       AND a.registered_on <= f.start_date + 31 AND a.registered_on <= :asOf
                       AND (a.deregistered_on IS NULL OR a.deregistered_on >= f.start_date - 31))
                THEN 'AF_REGISTERED' END,
           CASE WHEN CAST(:requiresFs AS boolean) AND NOT f.anonymous AND NOT EXISTS (
                    SELECT 1 FROM payment p
                     WHERE p.project_id = :project AND p.person_key = f.person_key
                       AND p.month <= f.start_date + 31
                       AND p.month + interval '1 month' > f.start_date - 31
                       AND p.month <= :asOf
                     GROUP BY p.month HAVING sum(p.amount) > 0)
                THEN 'FORSORJNINGSSTOD' END,
           CASE WHEN coalesce(f.end_date, :asOf) > f.start_date + make_interval(months => CAST(:maxMonths AS integer))
                THEN 'MAX_DURATION' END
       ], NULL)
 WHERE f.run_id = :run;

UPDATE episode_fact
   SET eligible = NOT findings && ARRAY['MIN_AGE', 'MAX_AGE', 'AF_REGISTERED', 'FORSORJNINGSSTOD']
 WHERE run_id = :run;
