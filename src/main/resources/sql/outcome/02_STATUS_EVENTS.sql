-- R15: the status events after each ended episode, as far as the as-of date knows. Evidence of
-- another agency is never linked to an anonymous participation (R12).
--   deltagare   the episode's own sysselsattning_efter, dated its end date
--   af_status   an avaktualiseringsorsak, dated the avaktualiseringsdatum
--   insatser    an insats whose profile names a sysselsattning, dated its start
--   af_status   an AF registration as ARBETSSOKANDE that is open, dated the later of its
--               inskrivningsdatum and the episode's end date
-- OKAND is never evidence.
-- EXIT_STATUS (03) and EMPLOYED_6M (06) each want the latest event in a window that starts at the
-- end date: end .. +28 days and end .. D. Most events belong to the person, not to the episode, so
-- they are listed once per person (person_event) and each window is one index probe for its latest
-- event (issue 9). Pairing every ended episode with every later event of the person instead grew
-- with the square of a person's episodes: 30 s of the 1,000,000-episode benchmark, where the
-- generator gives a person 45 episodes. Two events are the episode's own and dated its end date:
-- the sysselsattning_efter, and an ARBETSSOKANDE registration that began before the end date and is
-- open on it; fact_ended carries them.
-- Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS person_event;

CREATE TEMP TABLE person_event AS
SELECT person_key COLLATE "C" AS person_key, status, source, event_date, status_rank(status) AS rank,
       CASE source WHEN 'deltagare' THEN 1 WHEN 'af_status' THEN 2 ELSE 3 END AS source_order
  FROM (
    SELECT a.person_key, a.deregistration_status AS status, 'af_status' AS source, a.deregistered_on AS event_date
      FROM af_registration a
     WHERE a.project_id = :project AND a.deregistration_status IS NOT NULL AND a.deregistered_on <= :asOf
    UNION ALL
    SELECT i.person_key, t.evidence, 'insatser', i.start_date
      FROM insats i
      JOIN insats_type t ON t.run_id = :run AND t.code = i.insats AND t.evidence IS NOT NULL
     WHERE i.project_id = :project AND i.start_date <= :asOf
    UNION ALL
    -- a registration that begins on or after an episode's end date is an event on its first day
    SELECT a.person_key, 'ARBETSSOKANDE', 'af_status', a.registered_on
      FROM af_registration a
     WHERE a.project_id = :project AND a.category = 'ARBETSSOKANDE' AND a.registered_on <= :asOf
       AND (a.deregistered_on IS NULL OR a.deregistered_on > :asOf OR a.deregistered_on >= a.registered_on)
  ) events
 WHERE status_rank(status) IS NOT NULL;

-- the order of the windows' ORDER BY: the latest day, then the same-day rank, then the source
CREATE INDEX ON person_event (person_key, event_date DESC, rank, source_order);
ANALYZE person_event;

DROP TABLE IF EXISTS fact_ended;

CREATE TEMP TABLE fact_ended AS
WITH open_at_end AS (
    SELECT f.episode_id
      FROM fact_base f
     WHERE f.end_date IS NOT NULL AND NOT f.anonymous AND EXISTS (
           SELECT 1 FROM af_registration a
            WHERE a.project_id = :project AND a.person_key = f.person_key
              AND a.category = 'ARBETSSOKANDE' AND a.registered_on < f.end_date
              AND (a.deregistered_on IS NULL OR a.deregistered_on > :asOf OR a.deregistered_on >= f.end_date))
)
SELECT f.episode_id, f.person_key COLLATE "C" AS person_key, f.anonymous, f.end_date, (f.end_date + interval '6 months')::date AS day,
       CASE WHEN status_rank(e.status_after) IS NOT NULL THEN e.status_after END AS status_after,
       o.episode_id IS NOT NULL AS registered_at_end
  FROM fact_base f
  JOIN episode e ON e.episode_id = f.episode_id
  LEFT JOIN open_at_end o ON o.episode_id = f.episode_id
 WHERE f.end_date IS NOT NULL;

ANALYZE fact_ended;
