-- Each staged episode brings its episode_key (issue 9, docs/performance.md "Fourteenth session"),
-- made while it is staged (se.uppfoljning.identity.EpisodeKey) instead of by the INSERT into
-- episode: about 2 s less for that one backend at 1,000,000 episodes. Rows staged by an earlier
-- version and not loaded yet (a failed ingest to be restarted) get their key here, by the
-- expression the load used until now, which EpisodeKey repeats.
ALTER TABLE stg_deltagare ADD COLUMN episode_key text;
UPDATE stg_deltagare s
   SET episode_key = substr(md5(f.project_id || '|' || encode(s.person_key, 'hex') || '|' || s.startdatum
                                || CASE WHEN s.avslutsanledning = 'FELREG' THEN '|void' ELSE '' END), 1, 16)
  FROM extract_file f
 WHERE f.file_id = s.file_id;
ALTER TABLE stg_deltagare ALTER COLUMN episode_key SET NOT NULL;
