-- EXIT_STATUS (SPEC §5, R15, R16): status upon leaving from the events in the window from the end
-- date to 28 days after it. The latest event wins; events on the same day are ranked
-- ARBETE > ARBETE_SUBV > EGET_FORETAG > STUDIER > ARBETSSOKANDE > FORTSATT_REHAB > SJUKSKRIVEN > OVRIGT.
-- No evidence: OKAND. Ended fewer than 28 days before the as-of date: preliminary.
-- Events of the same day and status from several sources give the same status; the evidence source
-- shown is then the first in SPEC §5's order: deltagare, af_status, insatser (so that the same
-- register always gives the same facts).
-- One sort of the run's events (DISTINCT ON) instead of a lookup per episode; the deciding event
-- (rank included) is kept for status_event (09_WRITE_FACTS.sql).
-- Parameters: :asOf
DROP TABLE IF EXISTS fact_exit;

CREATE TEMP TABLE fact_exit AS
WITH latest AS (
    SELECT DISTINCT ON (s.episode_id) s.episode_id, s.status, s.source, s.event_date, s.rank
      FROM fact_event s
      JOIN fact_base g ON g.episode_id = s.episode_id
     WHERE s.event_date BETWEEN g.end_date AND g.end_date + 28
     ORDER BY s.episode_id, s.event_date DESC, s.rank ASC,
              CASE s.source WHEN 'deltagare' THEN 1 WHEN 'af_status' THEN 2 ELSE 3 END
)
SELECT f.episode_id,
       coalesce(w.status, 'OKAND') AS exit_status,
       w.source AS exit_evidence_source,
       w.event_date AS exit_evidence_date,
       w.rank AS exit_evidence_rank,
       :asOf - f.end_date < 28 AS exit_preliminary
  FROM fact_base f
  LEFT JOIN latest w ON w.episode_id = f.episode_id
 WHERE f.end_date IS NOT NULL;

ANALYZE fact_exit;
