-- The episodes an outcome run looks at, with the values every breakdown needs (SPEC §5, R10, R13,
-- R28). Void (FELREG) episodes and episodes starting after the as-of date take no part; an end date
-- after the as-of date is not yet known, so such an episode still runs.
-- Issue 9: each definition computes its columns into a temporary table keyed by episode_id (this
-- file: fact_base, which the others read), and 09_WRITE_FACTS.sql writes episode_fact with one
-- INSERT. An UPDATE of episode_fact per definition left a dead version of every row each time and
-- re-read the whole table eight times. Temporary tables are never analysed by autovacuum: each file
-- analyses its own, so the next ones are planned for what is there.
-- Parameters: :project, :asOf
DROP TABLE IF EXISTS fact_base;

CREATE TEMP TABLE fact_base AS
WITH reported AS (
    -- R10: the kon of the person's latest-starting episode that states one, else the legal gender
    SELECT DISTINCT ON (person_key) person_key, reported_gender
      FROM episode
     WHERE project_id = :project AND NOT void AND reported_gender IS NOT NULL AND start_date <= :asOf
     ORDER BY person_key, start_date DESC, line DESC
), base AS (
    SELECT e.*,
           date_part('year', age(e.start_date, e.birth_date))::int AS age,
           CASE WHEN e.end_date <= :asOf THEN e.end_date END AS known_end,
           coalesce(r.reported_gender, e.legal_gender) AS g
      FROM episode e
      LEFT JOIN reported r ON r.person_key = e.person_key
     WHERE e.project_id = :project AND NOT e.void AND e.start_date <= :asOf
)
SELECT episode_id, episode_key, person_key, anonymous, start_date, known_end AS end_date,
       CASE WHEN known_end IS NOT NULL THEN end_reason END AS end_reason,
       CASE g WHEN 'K' THEN 'kvinna' WHEN 'M' THEN 'man' WHEN 'X' THEN 'ickebinar' ELSE 'okand' END AS gender,
       age AS age_at_start,
       CASE WHEN age < 18 THEN '<18' WHEN age < 30 THEN '18-29' WHEN age < 55 THEN '30-54' ELSE '55+' END
           AS age_band,
       CASE WHEN age < 16 THEN '<16' WHEN age < 20 THEN '16-19' WHEN age < 25 THEN '20-24'
            WHEN age < 30 THEN '25-29' WHEN age < 40 THEN '30-39' WHEN age < 50 THEN '40-49'
            WHEN age < 60 THEN '50-59' WHEN age < 65 THEN '60-64' ELSE '65+' END AS age_band_fine,
       team, area, coalesce(referrer, 'OKAND') AS referrer,
       support_group(support_start[1]) AS support_group_start,
       CASE WHEN known_end IS NOT NULL THEN support_group(support_end[1]) END AS support_group_end,
       coalesce(education, 'OKAND') AS education,
       CASE disability WHEN true THEN 'ja' WHEN false THEN 'nej' ELSE 'okand' END AS disability
  FROM base;

ANALYZE fact_base;
