-- EXIT_STATUS (SPEC §5, R15, R16): status upon leaving from the events in the window from the end
-- date to 28 days after it. The latest event wins; events on the same day are ranked
-- ARBETE > ARBETE_SUBV > EGET_FORETAG > STUDIER > ARBETSSOKANDE > FORTSATT_REHAB > SJUKSKRIVEN > OVRIGT.
-- No evidence: OKAND. Ended fewer than 28 days before the as-of date: preliminary.
-- Events of the same day and status from several sources give the same status; the evidence source
-- shown is then the first in SPEC §5's order: deltagare, af_status, insatser (so that the same
-- register always gives the same facts).
-- The latest event is the best of three: the person's latest event in the window (one index probe,
-- 02_STATUS_EVENTS.sql) and the episode's own two dated its end date. The deciding event (rank
-- included) is kept in episode_fact (09_WRITE_FACTS.sql).
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
  LEFT JOIN LATERAL (
      SELECT c.* FROM (
          (SELECT p.status, p.source, p.event_date, p.rank, p.source_order
             FROM person_event p
            WHERE NOT f.anonymous AND p.person_key = f.person_key
              AND p.event_date BETWEEN f.end_date AND f.end_date + 28
            ORDER BY p.event_date DESC, p.rank, p.source_order
            LIMIT 1)
          UNION ALL
          SELECT f.status_after, 'deltagare', f.end_date, status_rank(f.status_after), 1
           WHERE f.status_after IS NOT NULL
          UNION ALL
          SELECT 'ARBETSSOKANDE', 'af_status', f.end_date, status_rank('ARBETSSOKANDE'), 2
           WHERE f.registered_at_end
      ) c
      ORDER BY c.event_date DESC, c.rank, c.source_order
      LIMIT 1
  ) w ON true;

ANALYZE fact_exit;
