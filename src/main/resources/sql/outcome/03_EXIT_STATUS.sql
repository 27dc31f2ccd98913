-- EXIT_STATUS (SPEC §5, R15, R16): status upon leaving from the events in the window from the end
-- date to 28 days after it. The latest event wins; events on the same day are ranked
-- ARBETE > ARBETE_SUBV > EGET_FORETAG > STUDIER > ARBETSSOKANDE > FORTSATT_REHAB > SJUKSKRIVEN > OVRIGT.
-- No evidence: OKAND. Ended fewer than 28 days before the as-of date: preliminary.
-- Events of the same day and status from several sources give the same status; the evidence source
-- shown is then the first in SPEC §5's order: deltagare, af_status, insatser (so that the same
-- register always gives the same facts).
-- The latest event in the window is found in 02_STATUS_EVENTS.sql (fact_window_event); the deciding
-- event is kept in episode_fact (10_WRITE_FACTS.sql).
-- Parameters: :asOf
DROP TABLE IF EXISTS fact_exit;

CREATE TEMP TABLE fact_exit AS
SELECT f.episode_id,
       coalesce(w.status, 'OKAND') AS exit_status,
       w.source AS exit_evidence_source,
       w.event_date AS exit_evidence_date,
       w.rank AS exit_evidence_rank,
       :asOf - f.end_date < 28 AS exit_preliminary
  FROM fact_ended f
  LEFT JOIN fact_window_event w ON w.episode_id = f.episode_id AND w.kind = 'exit';

ANALYZE fact_exit;
