-- PROGRESSION (SPEC §5, R17): "has come closer to work or studies". It applies to episodes that have
-- ended by the as-of date or have run at least 90 days by it (whether an episode is active in a
-- period is decided when the indicator is counted). Progressed when
--   * the exit status is in the work group or STUDIER, or
--   * the latest assessment (steg) within the episode is higher than the first, or
--   * the highest ladder level of insatser begun after the start (within the episode) is higher than
--     the highest level of those running on the start date (only when some ran on the start date).
-- Assessments are the team register's own and count for anonymous participations; insatser do not.
-- Assessments and insatser are joined to the episodes once and grouped by episode, rather than
-- looked up per episode. Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS fact_progression;

CREATE TEMP TABLE fact_progression AS
WITH steps AS (
    SELECT g.episode_id,
           (array_agg(a.step ORDER BY a.assessed_on, a.file_id, a.line))[1] AS first,
           (array_agg(a.step ORDER BY a.assessed_on DESC, a.file_id DESC, a.line DESC))[1] AS latest
      FROM fact_base g
      JOIN assessment a ON a.project_id = :project AND a.person_key = g.person_key
     WHERE a.assessed_on BETWEEN g.start_date AND coalesce(g.end_date, :asOf)
       AND a.assessed_on <= :asOf
     GROUP BY g.episode_id
), ladder AS (
    SELECT g.episode_id,
           max(t.ladder) FILTER (WHERE i.start_date <= g.start_date
                                   AND (i.end_date IS NULL OR i.end_date >= g.start_date)) AS at_start,
           max(t.ladder) FILTER (WHERE i.start_date > g.start_date
                                   AND i.start_date <= coalesce(g.end_date, :asOf)) AS later
      FROM fact_base g
      JOIN insats i ON i.project_id = :project AND i.person_key = g.person_key
      JOIN insats_type t ON t.run_id = :run AND t.code = i.insats
     WHERE NOT g.anonymous AND i.start_date <= :asOf
       -- only the insatser either maximum looks at
       AND ((i.start_date <= g.start_date AND (i.end_date IS NULL OR i.end_date >= g.start_date))
            OR (i.start_date > g.start_date AND i.start_date <= coalesce(g.end_date, :asOf)))
     GROUP BY g.episode_id
)
SELECT f.episode_id,
       f.end_date IS NOT NULL OR :asOf - f.start_date >= 90 AS progression_applies,
       coalesce(is_work(x.exit_status) OR x.exit_status = 'STUDIER', false)
           OR coalesce(steps.latest > steps.first, false)
           OR coalesce(ladder.later > ladder.at_start, false) AS progressed
  FROM fact_base f
  LEFT JOIN fact_exit x ON x.episode_id = f.episode_id
  LEFT JOIN steps ON steps.episode_id = f.episode_id
  LEFT JOIN ladder ON ladder.episode_id = f.episode_id;

ANALYZE fact_progression;
