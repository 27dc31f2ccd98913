-- The episodes an outcome run looks at, with the values every breakdown needs (SPEC §5, R10, R13,
-- R28). Void (FELREG) episodes and episodes starting after the as-of date take no part; an end date
-- after the as-of date is not yet known, so such an episode still runs.
-- Parameters: :run, :project, :asOf
INSERT INTO episode_fact (run_id, episode_id, episode_key, person_key, anonymous, start_date, end_date, end_reason,
                          gender, age_at_start, age_band, age_band_fine, team, area, referrer,
                          support_group_start, support_group_end, education, disability)
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
SELECT :run, episode_id, episode_key, person_key, anonymous, start_date, known_end,
       CASE WHEN known_end IS NOT NULL THEN end_reason END,
       CASE g WHEN 'K' THEN 'kvinna' WHEN 'M' THEN 'man' WHEN 'X' THEN 'ickebinar' ELSE 'okand' END,
       age,
       CASE WHEN age < 18 THEN '<18' WHEN age < 30 THEN '18-29' WHEN age < 55 THEN '30-54' ELSE '55+' END,
       CASE WHEN age < 16 THEN '<16' WHEN age < 20 THEN '16-19' WHEN age < 25 THEN '20-24'
            WHEN age < 30 THEN '25-29' WHEN age < 40 THEN '30-39' WHEN age < 50 THEN '40-49'
            WHEN age < 60 THEN '50-59' WHEN age < 65 THEN '60-64' ELSE '65+' END,
       team, area, coalesce(referrer, 'OKAND'),
       support_group(support_start[1]),
       CASE WHEN known_end IS NOT NULL THEN support_group(support_end[1]) END,
       coalesce(education, 'OKAND'),
       CASE disability WHEN true THEN 'ja' WHEN false THEN 'nej' ELSE 'okand' END
  FROM base
