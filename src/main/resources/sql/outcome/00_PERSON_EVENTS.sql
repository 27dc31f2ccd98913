-- The persons' status events (R15), for 02_STATUS_EVENTS.sql, which says what they are and how they
-- are searched: each person's events once, in order of day, the best of each day last (person_event).
-- Only the episode's own two events are not here; they are the episode's, not the person's.
-- This file needs no episodes: it runs first, and with two connections on the computation's own while
-- the second makes the episodes (00_EPISODE_FACTS.sql) that both then read (SideComputation).
-- Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS person_event;

CREATE TEMP TABLE person_event AS
SELECT person_key,
       array_agg(event_date ORDER BY event_date, code DESC) AS days,
       array_agg(code ORDER BY event_date, code DESC) AS codes
  FROM (
    SELECT a.person_key, a.deregistered_on AS event_date, status_rank(a.deregistration_status) * 10 + 2 AS code
      FROM af_registration a
     WHERE a.project_id = :project AND a.deregistered_on <= :asOf
       AND status_rank(a.deregistration_status) IS NOT NULL
    UNION ALL
    SELECT i.person_key, i.start_date, status_rank(t.evidence) * 10 + 3
      FROM insats i
      JOIN insats_type t ON t.run_id = :run AND t.code = i.insats
     WHERE i.project_id = :project AND i.start_date <= :asOf AND status_rank(t.evidence) IS NOT NULL
    UNION ALL
    -- a registration that begins on or after an episode's end date is an event on its first day
    SELECT a.person_key, a.registered_on, status_rank('ARBETSSOKANDE') * 10 + 2
      FROM af_registration a
     WHERE a.project_id = :project AND a.category = 'ARBETSSOKANDE' AND a.registered_on <= :asOf
       AND (a.deregistered_on IS NULL OR a.deregistered_on > :asOf OR a.deregistered_on >= a.registered_on)
  ) events
 GROUP BY person_key;

ANALYZE person_event;
