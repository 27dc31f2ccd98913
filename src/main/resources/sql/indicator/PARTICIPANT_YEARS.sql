-- PARTICIPANT_YEARS (årsplatser, SPEC §5, R28): the active days of every episode in the period, start
-- and end days inclusive, by each episode's own breakdown values; stored in days (÷ 365 when shown).
-- Parameters: :run, :period, :ps, :pe
INSERT INTO indicator_value (run_id, period, indicator, breakdown, breakdown_value, gender, value)
WITH days AS (
    SELECT e.*, CASE WHEN e.long_term_unemployed THEN 'ja' ELSE 'nej' END AS ltu,
           least(coalesce(e.end_date, :pe), :pe) - greatest(e.start_date, :ps) + 1 AS active_days
      FROM episode_fact e
     WHERE e.run_id = :run AND e.start_date <= :pe AND (e.end_date IS NULL OR e.end_date >= :ps)
)
SELECT :run, :period, 'PARTICIPANT_DAYS', breakdown, breakdown_value, gender, value FROM (
    SELECT CASE WHEN GROUPING(age_band) = 0 THEN 'age_band'
                WHEN GROUPING(age_band_fine) = 0 THEN 'age_band_fine'
                WHEN GROUPING(team) = 0 THEN 'team'
                WHEN GROUPING(area) = 0 THEN 'area'
                WHEN GROUPING(referrer) = 0 THEN 'referrer'
                WHEN GROUPING(support_group_start) = 0 THEN 'support_group_start'
                WHEN GROUPING(education) = 0 THEN 'education'
                WHEN GROUPING(ltu) = 0 THEN 'long_term_unemployed'
                WHEN GROUPING(disability) = 0 THEN 'disability'
                ELSE 'total' END AS breakdown,
           coalesce(age_band, age_band_fine, team, area, referrer, support_group_start, education, ltu, disability,
                    'total') AS breakdown_value,
           CASE WHEN GROUPING(gender) = 1 THEN 'totalt' ELSE gender END AS gender,
           sum(active_days) AS value
      FROM days
     GROUP BY GROUPING SETS (
            (), (gender), (age_band), (age_band, gender), (age_band_fine), (age_band_fine, gender),
            (team), (team, gender), (area), (area, gender), (referrer), (referrer, gender),
            (support_group_start), (support_group_start, gender), (education), (education, gender),
            (ltu), (ltu, gender), (disability), (disability, gender))
) sums
 WHERE gender <> 'okand'
