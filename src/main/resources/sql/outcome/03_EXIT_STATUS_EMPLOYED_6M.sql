-- EXIT_STATUS (SPEC §5, R15, R16): status upon leaving from the events in the window from the end
-- date to 28 days after it. The latest event wins; events on the same day are ranked
-- ARBETE > ARBETE_SUBV > EGET_FORETAG > STUDIER > ARBETSSOKANDE > FORTSATT_REHAB > SJUKSKRIVEN > OVRIGT.
-- No evidence: OKAND. Ended fewer than 28 days before the as-of date: preliminary.
-- Events of the same day and status from several sources give the same status; the evidence source
-- shown is then the first in SPEC §5's order: deltagare, af_status, insatser (so that the same
-- register always gives the same facts).
--
-- EMPLOYED_6M (SPEC §5, R19): in the work group on day D = end date + 6 months (clamped to the
-- month's last day, as PostgreSQL's date arithmetic does). In employment on D when an insats carrying
-- a work status runs on D, or else when the latest status event (R15) dated from the end date up to
-- D is in the work group; an insats that ended before D is no evidence on D. Measurable when
-- D <= the as-of date; never for anonymous participations (R12).
-- The insatser running on D come from one semi-join.
--
-- The latest event in each window (exit, employed) is found in 02_STATUS_EVENTS.sql
-- (fact_window_event); the deciding events are kept in episode_fact (10_WRITE_FACTS.sql).
-- Issue 9: both definitions are of the ended episodes (fact_ended) and read their window's event, so
-- they are one table, one row per ended episode: 10 joins it once with the episodes, where it joined
-- two tables of a million rows each (docs/performance.md, "Eighteenth session").
-- Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS fact_ended_status;

CREATE TEMP TABLE fact_ended_status AS
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
       -- EXIT_STATUS
       coalesce(x.status, 'OKAND') AS exit_status,
       x.source AS exit_evidence_source,
       x.event_date AS exit_evidence_date,
       :asOf - d.end_date < 28 AS exit_preliminary,
       -- EMPLOYED_6M
       d.day AS employed_6m_day,
       NOT d.anonymous AND d.day <= :asOf AS employed_6m_measurable,
       NOT d.anonymous AND d.day <= :asOf AND (o.episode_id IS NOT NULL OR is_work(l.status)) AS employed_6m,
       -- the latest event up to D
       l.status AS employed_6m_evidence_status, l.source AS employed_6m_evidence_source,
       l.event_date AS employed_6m_evidence_date
  FROM fact_ended d
  LEFT JOIN fact_window_event x ON x.episode_id = d.episode_id AND x.kind = 'exit'
  LEFT JOIN insats_on_day o ON o.episode_id = d.episode_id
  LEFT JOIN fact_window_event l ON l.episode_id = d.episode_id AND l.kind = 'employed';

ANALYZE fact_ended_status;
