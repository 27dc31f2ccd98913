-- The episodes an outcome run looks at, with the values every breakdown needs (SPEC §5, R10, R13,
-- R28). Void (FELREG) episodes and episodes starting after the as-of date take no part; an end date
-- after the as-of date is not yet known, so such an episode still runs.
-- Issue 9: each definition computes its columns into a temporary table keyed by episode_id (this
-- file: fact_base, which the others read), and 10_WRITE_FACTS.sql writes episode_fact with one
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

-- The persons' AF registrations. Whether some registration is open on a day is asked three times (at
-- an episode's start and around it in 08_STATUS_AT_ENTRY_ELIGIBLE.sql, at its end in 02_STATUS_EVENTS.sql).
-- person_af keeps each person's registrations once, in order of
-- inskrivningsdatum, with the latest day any of them up to there is known open ("reach"; open, or
-- deregistered after the as-of date: infinity): a registration begun on or before day X is open on X
-- exactly when the reach at the last registration begun by X is >= X, one binary search
-- (width_bucket: how many days are <= X). Joining every episode with every registration of the
-- person grew with the square of a person's episodes (issue 9).
DROP TABLE IF EXISTS person_af;

CREATE TEMP TABLE person_af AS
WITH registration AS (
    SELECT person_key, category, registered_on,
           CASE WHEN deregistered_on IS NULL OR deregistered_on > :asOf THEN 'infinity'::date
                ELSE deregistered_on END AS open_until
      FROM af_registration
     WHERE project_id = :project AND registered_on <= :asOf
), reach AS (
    -- the default frame takes registrations of the same day together, so their order does not matter
    SELECT person_key, registered_on,
           max(open_until) OVER w AS any_reach,
           coalesce(max(open_until) FILTER (WHERE category = 'ARBETSSOKANDE') OVER w, '-infinity') AS seeker_reach
      FROM registration
    WINDOW w AS (PARTITION BY person_key ORDER BY registered_on)
)
SELECT person_key,
       array_agg(registered_on ORDER BY registered_on) AS days,
       array_agg(any_reach ORDER BY registered_on) AS any_reach,
       array_agg(seeker_reach ORDER BY registered_on) AS seeker_reach
  FROM reach
 GROUP BY person_key;

ANALYZE person_af;
