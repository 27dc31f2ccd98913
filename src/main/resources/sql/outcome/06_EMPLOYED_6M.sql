-- EMPLOYED_6M (SPEC §5, R19): in the work group on day D = end date + 6 months (clamped to the
-- month's last day, as PostgreSQL's date arithmetic does). In employment on D when an insats carrying
-- a work status runs on D, or else when the latest status event (R15) dated from the end date up to
-- D is in the work group; an insats that ended before D is no evidence on D. Measurable when
-- D <= the as-of date; never for anonymous participations (R12).
-- The insatser running on D come from one semi-join; the latest event up to D is found in
-- 02_STATUS_EVENTS.sql (fact_window_event).
-- Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS fact_employed;

CREATE TEMP TABLE fact_employed AS
WITH insats_on_day AS (
    SELECT d.episode_id
      FROM fact_ended d
     WHERE NOT d.anonymous AND d.day <= :asOf AND EXISTS (
           SELECT 1 FROM insats i
             JOIN insats_type t ON t.run_id = :run AND t.code = i.insats AND is_work(t.evidence)
            WHERE i.project_id = :project AND i.person_key = d.person_key
              AND i.start_date <= d.day AND (i.end_date IS NULL OR i.end_date >= d.day))
)
SELECT d.episode_id,
       d.day AS employed_6m_day,
       NOT d.anonymous AND d.day <= :asOf AS employed_6m_measurable,
       NOT d.anonymous AND d.day <= :asOf AND (o.episode_id IS NOT NULL OR is_work(l.status)) AS employed_6m,
       -- the latest event up to D, kept in episode_fact (10_WRITE_FACTS.sql)
       l.status AS event_status, l.source AS event_source, l.event_date, l.rank AS event_rank
  FROM fact_ended d
  LEFT JOIN insats_on_day o ON o.episode_id = d.episode_id
  LEFT JOIN fact_window_event l ON l.episode_id = d.episode_id AND l.kind = 'employed';

ANALYZE fact_employed;
