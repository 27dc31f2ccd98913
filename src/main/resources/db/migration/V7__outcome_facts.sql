-- Outcome facts (issue 9, fourth session). Measured with scripts/bench; see docs/performance.md.

-- The evidence EMPLOYED_6M rests on (the latest status event up to day D) becomes three columns of
-- episode_fact, beside the exit evidence it already had. status_event was a second table of up to two
-- rows per episode that nothing read but people: writing it (1.9 million rows at 1,000,000 episodes,
-- its index and a foreign key checked per row) took 10 s of the benchmark's 87 s of outcome facts.
-- It stays as a view with the same columns and rows.
ALTER TABLE episode_fact
    ADD COLUMN employed_6m_evidence_status text,
    ADD COLUMN employed_6m_evidence_source text,
    ADD COLUMN employed_6m_evidence_date   date;

-- Runs made before this migration keep their evidence: the event EMPLOYED_6M rested on is the latest
-- of an episode's status_event rows (the exit evidence lies in a window that ends before D).
UPDATE episode_fact f
   SET employed_6m_evidence_status = s.status,
       employed_6m_evidence_source = s.source,
       employed_6m_evidence_date = s.event_date
  FROM (SELECT DISTINCT ON (run_id, episode_id) run_id, episode_id, status, source, event_date
          FROM status_event
         ORDER BY run_id, episode_id, event_date DESC, rank,
                  CASE source WHEN 'deltagare' THEN 1 WHEN 'af_status' THEN 2 ELSE 3 END) s
 WHERE f.run_id = s.run_id AND f.episode_id = s.episode_id;

DROP TABLE status_event;

-- Status events after an episode's end (R15): the evidence EXIT_STATUS and EMPLOYED_6M rest on, once
-- when they are the same event.
CREATE VIEW status_event AS
SELECT run_id, episode_id, exit_status AS status, exit_evidence_source AS source,
       exit_evidence_date AS event_date, status_rank(exit_status) AS rank
  FROM episode_fact WHERE exit_evidence_source IS NOT NULL
 UNION
SELECT run_id, episode_id, employed_6m_evidence_status, employed_6m_evidence_source,
       employed_6m_evidence_date, status_rank(employed_6m_evidence_status)
  FROM episode_fact WHERE employed_6m_evidence_source IS NOT NULL;

-- No query looks episode facts up by person (the indicators read a run's rows whole and group them);
-- the index was written for every fact row, in person-key order, 176 MB at 1,000,000 episodes.
DROP INDEX episode_fact_person;

-- Only the ESF export looks rows up by episode (its month against the month's latest delivery, START
-- and SLUT rows: event is set). The SUS export reads its history whole (one DISTINCT ON), so its rows,
-- a million in a national first export, need no entry: keeping one cost 5.7 of the 11.5 s of writing
-- them (random inserts into an index on text keys).
DROP INDEX export_row_episode;
CREATE INDEX export_row_episode ON export_row (episode_key, export_id) WHERE event IS NOT NULL;

-- A run's facts are written by one INSERT in the transaction that creates the run (OutcomeEngine), and
-- runs are never deleted, so the key holds by construction; checked per row it cost 2.3 s of writing
-- 1,000,000 facts. (The same reasoning as V6 for the event tables' extract_file keys.)
ALTER TABLE episode_fact DROP CONSTRAINT episode_fact_run_id_fkey;

-- The inverse of status_rank (V3): the status events of 02_STATUS_EVENTS.sql travel as rank and source
-- in one number.
CREATE FUNCTION status_of_rank(rank integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (ARRAY['ARBETE', 'ARBETE_SUBV', 'EGET_FORETAG', 'STUDIER', 'ARBETSSOKANDE', 'FORTSATT_REHAB',
                  'SJUKSKRIVEN', 'OVRIGT'])[rank]
$$;
