-- PROGRESSION (SPEC §5, R17): "has come closer to work or studies". It applies to episodes that have
-- ended by the as-of date or have run at least 90 days by it (whether an episode is active in a
-- period is decided when the indicator is counted). Progressed when
--   * the exit status is in the work group or STUDIER, or
--   * the latest assessment (steg) within the episode is higher than the first, or
--   * the highest ladder level of insatser begun after the start (within the episode) is higher than
--     the highest level of those running on the start date (only when some ran on the start date).
-- Assessments are the team register's own and count for anonymous participations; insatser do not.
-- Parameters: :run, :project, :asOf
UPDATE episode_fact f
   SET progression_applies = f.end_date IS NOT NULL OR :asOf - f.start_date >= 90,
       progressed = coalesce(is_work(f.exit_status) OR f.exit_status = 'STUDIER', false)
                 OR coalesce(steps.latest > steps.first, false)
                 OR coalesce(ladder.later > ladder.at_start, false)
  FROM episode_fact g
  LEFT JOIN LATERAL (
        SELECT (array_agg(a.step ORDER BY a.assessed_on, a.file_id, a.line))[1] AS first,
               (array_agg(a.step ORDER BY a.assessed_on DESC, a.file_id DESC, a.line DESC))[1] AS latest
          FROM assessment a
         WHERE a.project_id = :project AND a.person_key = g.person_key
           AND a.assessed_on BETWEEN g.start_date AND coalesce(g.end_date, :asOf)
           AND a.assessed_on <= :asOf) steps ON true
  LEFT JOIN LATERAL (
        SELECT max(t.ladder) FILTER (WHERE i.start_date <= g.start_date
                                       AND (i.end_date IS NULL OR i.end_date >= g.start_date)) AS at_start,
               max(t.ladder) FILTER (WHERE i.start_date > g.start_date
                                       AND i.start_date <= coalesce(g.end_date, :asOf)) AS later
          FROM insats i
          JOIN insats_type t ON t.run_id = g.run_id AND t.code = i.insats
         WHERE i.project_id = :project AND i.person_key = g.person_key AND NOT g.anonymous
           AND i.start_date <= :asOf) ladder ON true
 WHERE f.run_id = :run AND g.run_id = :run AND g.episode_id = f.episode_id
