-- EXIT_STATUS (SPEC §5, R15, R16): status upon leaving from the events in the window from the end
-- date to 28 days after it. The latest event wins; events on the same day are ranked
-- ARBETE > ARBETE_SUBV > EGET_FORETAG > STUDIER > ARBETSSOKANDE > FORTSATT_REHAB > SJUKSKRIVEN > OVRIGT.
-- No evidence: OKAND. Ended fewer than 28 days before the as-of date: preliminary.
-- Parameters: :run, :asOf
UPDATE episode_fact f
   SET exit_status = coalesce(w.status, 'OKAND'),
       exit_evidence_source = w.source,
       exit_evidence_date = w.event_date,
       exit_preliminary = :asOf - f.end_date < 28
  FROM episode_fact g
  LEFT JOIN LATERAL (
        SELECT s.status, s.source, s.event_date
          FROM status_event s
         WHERE s.run_id = g.run_id AND s.episode_id = g.episode_id
           AND s.event_date BETWEEN g.end_date AND g.end_date + 28
         ORDER BY s.event_date DESC, s.rank ASC
         LIMIT 1) w ON true
 WHERE f.run_id = :run AND g.run_id = :run AND g.episode_id = f.episode_id AND f.end_date IS NOT NULL
