-- EMPLOYED_6M (SPEC §5, R19): in the work group on day D = end date + 6 months (clamped to the
-- month's last day, as PostgreSQL's date arithmetic does). In employment on D when an insats carrying
-- a work status runs on D, or else when the latest status event (R15) dated from the end date up to
-- D is in the work group; an insats that ended before D is no evidence on D. Measurable when
-- D <= the as-of date; never for anonymous participations (R12). Parameters: :run, :project, :asOf
UPDATE episode_fact f
   SET employed_6m_day = d.day,
       employed_6m_measurable = NOT f.anonymous AND d.day <= :asOf,
       employed_6m = NOT f.anonymous AND d.day <= :asOf AND (
           EXISTS (SELECT 1 FROM insats i
                     JOIN insats_type t ON t.run_id = f.run_id AND t.code = i.insats AND is_work(t.evidence)
                    WHERE i.project_id = :project AND i.person_key = f.person_key
                      AND i.start_date <= d.day AND (i.end_date IS NULL OR i.end_date >= d.day))
           OR coalesce((SELECT is_work(s.status) FROM status_event s
                         WHERE s.run_id = f.run_id AND s.episode_id = f.episode_id
                           AND s.event_date BETWEEN f.end_date AND d.day
                         ORDER BY s.event_date DESC, s.rank ASC LIMIT 1), false))
  FROM (SELECT episode_id, (end_date + interval '6 months')::date AS day
          FROM episode_fact WHERE run_id = :run AND end_date IS NOT NULL) d
 WHERE f.run_id = :run AND f.episode_id = d.episode_id
