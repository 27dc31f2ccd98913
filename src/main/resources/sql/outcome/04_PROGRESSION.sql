-- PROGRESSION (SPEC §5, R17): "has come closer to work or studies". It applies to episodes that have
-- ended by the as-of date or have run at least 90 days by it (whether an episode is active in a
-- period is decided when the indicator is counted). Progressed when
--   * the exit status is in the work group or STUDIER, or
--   * the latest assessment (steg) within the episode is higher than the first, or
--   * the highest ladder level of insatser begun after the start (within the episode) is higher than
--     the highest level of those running on the start date (only when some ran on the start date).
-- Assessments are the team register's own and count for anonymous participations; insatser do not.
-- The exit status is added by 10 (moved_up OR the exit status), so this file needs only 00.
--
-- Issue 9: a person's episodes never share a day (R1: the load rejects an overlapping one), so a day
-- lies within at most one of them, found by one binary search in the person's episode starts
-- (width_bucket: how many starts are <= the day). Every insats and assessment is therefore looked at
-- once, put with the episode it begins in (or the gap after it), and grouped by person and that
-- place: one hash aggregate of the 10.4 M rows of the 1,000,000-episode benchmark. An insats running
-- on an episode's start day began in some earlier place, so the insatser running at the start are
-- found by a running maximum, per ladder level (1-5, SPEC §4; the profile allows no other), of the
-- day those begun up to there run to, over the person's places in order. Before, each person's
-- insatser became a multirange and a sorted array per ladder level: two sorts of 8.7 M rows, one on
-- disk, and 16.8-19.6 s for this file in psql against 12.4-13.1 s now (docs/performance.md,
-- "Sixteenth session").
-- Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS fact_progression;

SET LOCAL work_mem = '256MB';

DROP TABLE IF EXISTS progression_episode;

-- each person's episodes in order, numbered by person (the groups below hash and sort an integer,
-- not the 32-byte person key); an episode running at the as-of date runs to it
CREATE TEMP TABLE progression_episode AS
SELECT person_key, row_number() OVER ()::integer AS n,
       array_agg(start_date ORDER BY start_date) AS starts,
       array_agg(coalesce(end_date, :asOf) ORDER BY start_date) AS ends
  FROM fact_base
 GROUP BY person_key;

ANALYZE progression_episode;

CREATE TEMP TABLE fact_progression AS
WITH placed AS (
    -- place k of an insats: the episodes begun before its start day (it began within the k-th when
    -- that one had not ended); of an assessment: those begun on or before its day (dated within the
    -- k-th only when that one had not ended)
    SELECT n, k,
           max(ladder) FILTER (WHERE within) AS begun_within,
           max(runs_to) FILTER (WHERE ladder = 1) AS runs_to_1, max(runs_to) FILTER (WHERE ladder = 2) AS runs_to_2,
           max(runs_to) FILTER (WHERE ladder = 3) AS runs_to_3, max(runs_to) FILTER (WHERE ladder = 4) AS runs_to_4,
           max(runs_to) FILTER (WHERE ladder = 5) AS runs_to_5,
           -- the first and latest assessment, same-day ones in file and line order as delivered
           (max(assessed))[4] > (min(assessed))[4] AS stepped_up
      FROM (SELECT e.n, width_bucket(i.start_date - 1, e.starts) AS k, t.ladder,
                   i.start_date <= e.ends[width_bucket(i.start_date - 1, e.starts)] AS within,
                   coalesce(i.end_date, 'infinity') AS runs_to, NULL::bigint[] AS assessed
              FROM insats i
              JOIN insats_type t ON t.run_id = :run AND t.code = i.insats
              JOIN progression_episode e ON e.person_key = i.person_key
             WHERE i.project_id = :project AND i.start_date <= :asOf
            UNION ALL
            SELECT e.n, width_bucket(a.assessed_on, e.starts), NULL, NULL, NULL,
                   ARRAY[a.assessed_on - DATE '2000-01-01', a.file_id, a.line, a.step]
              FROM assessment a
              JOIN progression_episode e ON e.person_key = a.person_key
             WHERE a.project_id = :project AND a.assessed_on <= :asOf
               AND a.assessed_on <= e.ends[width_bucket(a.assessed_on, e.starts)]) x
     GROUP BY n, k
), places AS (
    -- each person's places in order, the k-th episode just before place k (what began in it follows)
    SELECT n, k, 1 AS position, NULL::bigint AS episode_id, NULL::boolean AS anonymous, NULL::date AS start_date,
           NULL::date AS end_date, begun_within, stepped_up, runs_to_1, runs_to_2, runs_to_3, runs_to_4, runs_to_5
      FROM placed
    UNION ALL
    SELECT e.n, width_bucket(f.start_date, e.starts), 0, f.episode_id, f.anonymous, f.start_date, f.end_date,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM fact_base f
      JOIN progression_episode e ON e.person_key = f.person_key
), episodes AS (
    SELECT episode_id, anonymous, start_date, end_date,
           -- the highest level some insats begun before runs on the start day to
           CASE WHEN max(runs_to_5) OVER w >= start_date THEN 5 WHEN max(runs_to_4) OVER w >= start_date THEN 4
                WHEN max(runs_to_3) OVER w >= start_date THEN 3 WHEN max(runs_to_2) OVER w >= start_date THEN 2
                WHEN max(runs_to_1) OVER w >= start_date THEN 1 END AS at_start,
           -- what was placed within the episode, when something was
           CASE WHEN lead(k) OVER w = k THEN lead(begun_within) OVER w END AS begun_within,
           CASE WHEN lead(k) OVER w = k THEN lead(stepped_up) OVER w END AS stepped_up
      FROM places
    WINDOW w AS (PARTITION BY n ORDER BY k, position ROWS UNBOUNDED PRECEDING)
)
SELECT episode_id,
       end_date IS NOT NULL OR :asOf - start_date >= 90 AS progression_applies,
       coalesce(stepped_up, false) OR (NOT anonymous AND coalesce(begun_within > at_start, false)) AS moved_up
  FROM episodes
 WHERE episode_id IS NOT NULL;

SET LOCAL work_mem TO DEFAULT;

DROP TABLE progression_episode;

ANALYZE fact_progression;
