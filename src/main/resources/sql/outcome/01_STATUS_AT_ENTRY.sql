-- Status at entry (ESF, SPEC §5) and LONG_TERM_UNEMPLOYED (R21).
-- Registered unemployed at entry: an ARBETSSOKANDE registration open on the start day. Anonymous
-- participations link no AF data: their status at entry comes from ersattning_start alone (R12).
-- "Open on the start day" is one binary search in the person's registrations (person_af, made in
-- 00_EPISODE_FACTS.sql, which says how).
-- Parameters: :project, :asOf
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
