-- PROGRESSION (SPEC §5, R17): "has come closer to work or studies". It applies to episodes that have
-- ended by the as-of date or have run at least 90 days by it (whether an episode is active in a
-- period is decided when the indicator is counted). Progressed when
--   * the exit status is in the work group or STUDIER, or
--   * the latest assessment (steg) within the episode is higher than the first, or
--   * the highest ladder level of insatser begun after the start (within the episode) is higher than
--     the highest level of those running on the start date (only when some ran on the start date).
-- Assessments are the team register's own and count for anonymous participations; insatser do not.
-- This file runs on the computation's second connection (SideComputation), beside STATUS_EVENTS and
-- EXIT_STATUS on the first, so it leaves the exit status out: 10 adds it (moved_up OR the exit status).
-- Issue 9: joining every episode with every assessment and insats of the person grew with the
-- square of a person's episodes (16 s of the 1,000,000-episode benchmark, 15 million insats pairs).
-- Instead each person's assessments become two arrays in date order, and the first and latest step
-- within an episode are found by binary search (width_bucket: how many days are <= a day); each
-- person's insatser become, per ladder level, the days some insats of that level runs (a multirange,
-- tested against an episode's start day) and the days one starts, in order (an array: some insats
-- starts within the episode when more start by its end than by its start day). The start days were
-- a multirange too, of one-day ranges: the array made this file 22.0-27.4 s against 26.1-31.1 s in
-- psql at 1,000,000 episodes (issue 9, "Twelfth session").
-- Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS fact_progression;

SET LOCAL work_mem = '256MB';

DROP TABLE IF EXISTS progression_person;

-- A number for each person, for the insatser's grouping below: grouped by that number, the 8.7 M
-- insatser of the 1,000,000-episode benchmark sort and hash as rows of a few bytes instead of 75,
-- with the 64-character person key (25-28 s against 33-35 s for this file alone).
CREATE TEMP TABLE progression_person AS
SELECT person_key, row_number() OVER ()::integer AS n FROM (SELECT DISTINCT person_key FROM fact_base) p;

ANALYZE progression_person;

CREATE TEMP TABLE fact_progression AS
WITH assessed AS (
    -- same-day assessments in file and line order, as they were delivered
    SELECT person_key,
           array_agg(assessed_on ORDER BY assessed_on, file_id, line) AS days,
           array_agg(step ORDER BY assessed_on, file_id, line) AS steps
      FROM assessment
     WHERE project_id = :project AND assessed_on <= :asOf
     GROUP BY person_key
), positions AS (
    SELECT g.episode_id, a.steps,
           width_bucket(g.start_date - 1, a.days) AS before_start,             -- assessed before the start
           width_bucket(coalesce(g.end_date, :asOf), a.days) AS up_to_end        -- assessed up to the end
      FROM fact_base g
      JOIN assessed a ON a.person_key = g.person_key
), steps AS (
    SELECT episode_id, steps[up_to_end] > steps[before_start + 1] AS stepped_up
      FROM positions WHERE up_to_end > before_start
), levels AS (
    SELECT pp.n, t.ladder,
           range_agg(CASE WHEN i.end_date < i.start_date THEN 'empty'::daterange
                          ELSE daterange(i.start_date, i.end_date, '[]') END) AS running,  -- open end: NULL
           array_agg(i.start_date ORDER BY i.start_date) AS starts
      FROM insats i
      JOIN progression_person pp ON pp.person_key = i.person_key
      JOIN insats_type t ON t.run_id = :run AND t.code = i.insats
     WHERE i.project_id = :project AND i.start_date <= :asOf
     GROUP BY pp.n, t.ladder
), ladder AS (
    SELECT g.episode_id,
           max(l.ladder) FILTER (WHERE l.running @> g.start_date) AS at_start,
           max(l.ladder) FILTER (WHERE width_bucket(coalesce(g.end_date, :asOf), l.starts)
                                       > width_bucket(g.start_date, l.starts)) AS later
      FROM fact_base g
      JOIN progression_person pp ON pp.person_key = g.person_key
      JOIN levels l ON l.n = pp.n
     WHERE NOT g.anonymous
     GROUP BY g.episode_id
)
SELECT f.episode_id,
       f.end_date IS NOT NULL OR :asOf - f.start_date >= 90 AS progression_applies,
       coalesce(s.stepped_up, false) OR coalesce(ladder.later > ladder.at_start, false) AS moved_up
  FROM fact_base f
  LEFT JOIN steps s ON s.episode_id = f.episode_id
  LEFT JOIN ladder ON ladder.episode_id = f.episode_id;

SET LOCAL work_mem TO DEFAULT;

DROP TABLE progression_person;

ANALYZE fact_progression;
