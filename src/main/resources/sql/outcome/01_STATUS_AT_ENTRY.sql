-- Status at entry (ESF, SPEC §5) and LONG_TERM_UNEMPLOYED (R21).
-- Registered unemployed at entry: an ARBETSSOKANDE registration open on the start day. Anonymous
-- participations link no AF data: their status at entry comes from ersattning_start alone (R12).
-- Whether some registration is open on a day is asked three times (here, at an episode's end in
-- 02_STATUS_EVENTS.sql, around the start in 08_ELIGIBLE.sql). person_af keeps each person's
-- registrations once, in order of inskrivningsdatum, with the latest day any of them up to there is
-- known open ("reach"; open, or deregistered after the as-of date: infinity): a registration begun on
-- or before day X is open on X exactly when the reach at the last registration begun by X is >= X,
-- one binary search (width_bucket: how many days are <= X). Joining every episode with every
-- registration of the person grew with the square of a person's episodes (issue 9).
-- Parameters: :project, :asOf
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

DROP TABLE IF EXISTS fact_entry;

CREATE TEMP TABLE fact_entry AS
WITH registered AS (
    SELECT f.episode_id
      FROM fact_base f
      JOIN person_af p ON p.person_key = f.person_key
     WHERE NOT f.anonymous AND p.seeker_reach[width_bucket(f.start_date, p.days)] >= f.start_date
)
SELECT f.episode_id,
       x.registered AS registered_unemployed,
       x.status AS status_at_entry,
       x.status = 'UNEMPLOYED' AND e.unemployed_since IS NOT NULL
           AND e.unemployed_since + CASE WHEN f.age_at_start < 25 THEN interval '6 months'
                                         ELSE interval '12 months' END <= f.start_date AS long_term_unemployed
  FROM fact_base f
  JOIN episode e ON e.episode_id = f.episode_id
  LEFT JOIN registered r ON r.episode_id = f.episode_id,
       LATERAL (
           SELECT r.episode_id IS NOT NULL AS registered,
                  CASE WHEN e.support_start && ARRAY['LON', 'LON_SUBV', 'FORETAG'] AND r.episode_id IS NULL THEN 'EMPLOYED'
                       WHEN r.episode_id IS NOT NULL OR e.support_start && ARRAY['A_KASSA', 'AKTIVITETSSTOD'] THEN 'UNEMPLOYED'
                       ELSE 'INACTIVE' END AS status
       ) x;

ANALYZE fact_entry;
