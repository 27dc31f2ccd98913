-- R15: the status events dated on or after each ended episode's end date and on or before the
-- as-of date. Evidence of another agency is never linked to an anonymous participation (R12).
--   deltagare   the episode's own sysselsattning_efter, dated its end date
--   af_status   an avaktualiseringsorsak, dated the avaktualiseringsdatum
--   insatser    an insats whose profile names a sysselsattning, dated its start
--   af_status   an AF registration as ARBETSSOKANDE that is open, dated the later of its
--               inskrivningsdatum and the episode's end date
-- OKAND is never evidence.
-- Only events up to day D = end date + 6 months (clamped, as in EMPLOYED_6M) are looked at:
-- EXIT_STATUS reads the end date .. +28 days and EMPLOYED_6M the end date .. D. Without the bound every
-- later insats and AF registration of the person was joined to every ended episode (quadratic in a
-- person's episodes: issue 9).
-- The events go to a temporary table (fact_event) for 03 and 06; status_event keeps only those the
-- facts rest on (09_WRITE_FACTS.sql). Writing every event to status_event (WAL, its index) took
-- three quarters of this step: 600,000 events at 100,000 episodes, 16 million at 1,000,000.
-- Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS fact_event;

CREATE TEMP TABLE fact_event AS
SELECT episode_id, status, source, event_date, status_rank(status) AS rank
  FROM (
    SELECT f.episode_id, e.status_after AS status, 'deltagare' AS source, f.end_date AS event_date
      FROM fact_base f JOIN episode e ON e.episode_id = f.episode_id
     WHERE f.end_date IS NOT NULL AND e.status_after IS NOT NULL
    UNION ALL
    SELECT f.episode_id, a.deregistration_status, 'af_status', a.deregistered_on
      FROM fact_base f
      JOIN af_registration a ON a.project_id = :project AND a.person_key = f.person_key
     WHERE f.end_date IS NOT NULL AND NOT f.anonymous
       AND a.deregistration_status IS NOT NULL AND a.deregistered_on >= f.end_date
       AND a.deregistered_on <= :asOf
       AND a.deregistered_on <= (f.end_date + interval '6 months')::date
    UNION ALL
    SELECT f.episode_id, t.evidence, 'insatser', i.start_date
      FROM fact_base f
      JOIN insats i ON i.project_id = :project AND i.person_key = f.person_key
      JOIN insats_type t ON t.run_id = :run AND t.code = i.insats AND t.evidence IS NOT NULL
     WHERE f.end_date IS NOT NULL AND NOT f.anonymous
       AND i.start_date >= f.end_date AND i.start_date <= :asOf
       AND i.start_date <= (f.end_date + interval '6 months')::date
    UNION ALL
    SELECT f.episode_id, 'ARBETSSOKANDE', 'af_status', greatest(a.registered_on, f.end_date)
      FROM fact_base f
      JOIN af_registration a ON a.project_id = :project AND a.person_key = f.person_key
     WHERE f.end_date IS NOT NULL AND NOT f.anonymous
       AND a.category = 'ARBETSSOKANDE'
       AND greatest(a.registered_on, f.end_date) <= :asOf
       AND a.registered_on <= (f.end_date + interval '6 months')::date
       -- open on the event's day, as far as the as-of date knows
       AND (a.deregistered_on IS NULL OR a.deregistered_on > :asOf
            OR a.deregistered_on >= greatest(a.registered_on, f.end_date))
  ) events
 WHERE status_rank(status) IS NOT NULL;

ANALYZE fact_event;
