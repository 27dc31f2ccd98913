-- Every indicator of SPEC §6 for one period of one outcome run, by every breakdown of SPEC §5 crossed
-- with gender, in one set-based pass (GROUPING SETS). A person counts once per indicator; when several
-- of the person's episodes qualify, the latest-starting one gives the breakdown values (R14), which
-- for the outcome indicators is the person's last episode ended in the period. PROGRESSION counts
-- episodes (R17, R27). ESF outputs take the person's first episode, results the last (R25).
-- PARTICIPANT_DAYS (shown as PARTICIPANT_YEARS = days / 365) sums each active episode's days.
-- Periods (R24): new = starts in it, ended = ends in it, active = overlaps it, ongoing at start =
-- started before it and not ended before its first day, ongoing at end = started on or before its
-- last day and not ended on or before it.
-- Issue 9: the rows to count go first into a temporary table, already summed per combination of
-- indicator, gender and breakdown values (at 100,000 episodes, lifetime: 539,448 rows become 108,124),
-- and analysed; the GROUPING SETS then run as one hash aggregate over it. Planned from the CTEs'
-- guesses instead (a few hundred rows), the same GROUPING SETS ran as ten sorts of every row: 14 s
-- against 3 s.
-- Parameters: :run, :period, :ps (first day), :pe (last day, never after the as-of date), :esfAll
DROP TABLE IF EXISTS indicator_counted;

CREATE TEMP TABLE indicator_counted AS
WITH f AS (
    -- only the columns the counts read: narrow rows sort faster in persons and the ESF episodes
    SELECT e.episode_id, e.person_key, e.start_date, e.end_date, e.end_reason, e.gender, e.age_at_start,
           e.age_band, e.age_band_fine, e.team, e.area, e.referrer, e.support_group_start,
           e.support_group_end, e.education, e.disability, e.status_at_entry, e.long_term_unemployed,
           e.exit_status, e.exit_preliminary, e.self_sufficient, e.self_sufficient_measurable,
           e.support_reduced, e.support_reduced_measurable, e.employed_6m, e.employed_6m_measurable,
           e.progression_applies, e.progressed, e.coordinated, e.eligible,
           e.start_date BETWEEN :ps AND :pe                                 AS is_new,
           e.end_date BETWEEN :ps AND :pe                                   AS is_ended,
           e.start_date <= :pe AND (e.end_date IS NULL OR e.end_date >= :ps) AS is_active,
           e.start_date < :ps AND (e.end_date IS NULL OR e.end_date >= :ps)  AS is_ongoing_start,
           e.start_date <= :pe AND (e.end_date IS NULL OR e.end_date > :pe)  AS is_ongoing_end,
           CASE WHEN e.long_term_unemployed THEN 'ja' ELSE 'nej' END         AS ltu
      FROM episode_fact e
     WHERE e.run_id = :run
), ranked AS (
    -- R14: of a person's episodes in a population, the latest-starting one gives the breakdown
    -- values. One sort of the episodes by person, latest first, serves every population: the running
    -- count of the person's episodes in a population is 1 on the one that counts. (Issue 9: a
    -- DISTINCT ON over the union of all populations sorted up to seven times every episode.) The
    -- first episode (ESF outputs, R25) is the last in this order, the last episode the first.
    SELECT f.*,
           count(*) FILTER (WHERE is_new) OVER latest_first                   AS nth_new,
           count(*) FILTER (WHERE is_active) OVER latest_first                AS nth_active,
           count(*) FILTER (WHERE is_ended) OVER latest_first                 AS nth_ended,
           count(*) FILTER (WHERE is_ongoing_start) OVER latest_first         AS nth_ongoing_start,
           count(*) FILTER (WHERE is_ongoing_end) OVER latest_first           AS nth_ongoing_end,
           count(*) FILTER (WHERE is_new AND NOT eligible) OVER latest_first  AS nth_ineligible,
           count(*) OVER latest_first                                          AS nth,
           count(*) OVER (PARTITION BY person_key)                             AS episodes
      FROM f
    WINDOW latest_first AS (PARTITION BY person_key ORDER BY start_date DESC, episode_id DESC
                            ROWS UNBOUNDED PRECEDING)
), persons AS (
    SELECT 'PART_NEW' AS population, * FROM ranked WHERE is_new AND nth_new = 1
    UNION ALL SELECT 'PART_ACTIVE', * FROM ranked WHERE is_active AND nth_active = 1
    UNION ALL SELECT 'PART_ENDED', * FROM ranked WHERE is_ended AND nth_ended = 1
    UNION ALL SELECT 'PART_ONGOING_START', * FROM ranked WHERE is_ongoing_start AND nth_ongoing_start = 1
    UNION ALL SELECT 'PART_ONGOING_END', * FROM ranked WHERE is_ongoing_end AND nth_ongoing_end = 1
    UNION ALL SELECT 'INELIGIBLE', * FROM ranked WHERE is_new AND NOT eligible AND nth_ineligible = 1
    UNION ALL SELECT 'ACTIVE_FOR_COORDINATION', * FROM ranked WHERE is_active AND nth_active = 1
), first_episode AS (
    SELECT * FROM ranked WHERE nth = episodes
), last_episode AS (
    SELECT * FROM ranked WHERE nth = 1
), counted AS (
    -- every row counts 1 (a person, or an episode for PROGRESSION), except PARTICIPANT_DAYS: its days
    SELECT population AS indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start, p.education,
           p.ltu, p.disability, 1 AS weight
      FROM persons p
     WHERE population IN ('PART_NEW', 'PART_ACTIVE', 'PART_ENDED', 'PART_ONGOING_START', 'PART_ONGOING_END',
                          'INELIGIBLE')
    UNION ALL
    SELECT 'COORDINATED', p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start, p.education,
           p.ltu, p.disability, 1
      FROM persons p WHERE population = 'ACTIVE_FOR_COORDINATION' AND p.coordinated
    UNION ALL
    SELECT x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start, p.education,
           p.ltu, p.disability, 1
      FROM persons p
     CROSS JOIN LATERAL (VALUES
            ('ENDED_COMPLETED', p.end_reason IN ('ENLIGT_PLAN', 'OVERFORD')),
            ('ENDED_ABORTED', p.end_reason = 'AVBROTT'),
            ('EXIT_WORK', is_work(p.exit_status)),
            ('EXIT_WORK_SUBV', p.exit_status = 'ARBETE_SUBV'),
            ('EXIT_STUDIES', p.exit_status = 'STUDIER'),
            ('EXIT_JOBSEEKING', p.exit_status = 'ARBETSSOKANDE'),
            ('EXIT_OTHER', NOT is_work(p.exit_status) AND p.exit_status NOT IN ('STUDIER', 'ARBETSSOKANDE')),
            ('EXIT_CONT_REHAB', p.exit_status = 'FORTSATT_REHAB'),
            ('EXIT_UNKNOWN', p.exit_status = 'OKAND'),
            ('EXIT_PRELIMINARY', p.exit_preliminary),
            ('SELF_SUFFICIENT_3M', p.self_sufficient),
            ('SELF_SUFFICIENT_3M_BASE', p.self_sufficient_measurable),
            ('SUPPORT_REDUCED', p.support_reduced),
            ('SUPPORT_REDUCED_BASE', p.support_reduced_measurable),
            ('EMPLOYED_6M', p.employed_6m),
            ('EMPLOYED_6M_BASE', p.employed_6m_measurable)) x(indicator, counts)
     WHERE p.population = 'PART_ENDED' AND x.counts
    UNION ALL
    SELECT 'SUPPORT_BEFORE_AFTER_' || upper(p.support_group_end), p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start, p.education,
           p.ltu, p.disability, 1
      FROM persons p
     WHERE p.population = 'PART_ENDED'
    UNION ALL
    SELECT 'PROGRESSION_BASE', f.gender, f.age_band, f.age_band_fine, f.team, f.area, f.referrer, f.support_group_start, f.education,
           f.ltu, f.disability, 1
      FROM f WHERE f.is_active AND f.progression_applies
    UNION ALL
    SELECT 'PROGRESSION_COUNT', f.gender, f.age_band, f.age_band_fine, f.team, f.area, f.referrer, f.support_group_start, f.education,
           f.ltu, f.disability, 1
      FROM f WHERE f.is_active AND f.progression_applies AND f.progressed
    UNION ALL
    -- årsplatser (R28): every episode's active days in the period, both ends included, by its own values
    SELECT 'PARTICIPANT_DAYS', f.gender, f.age_band, f.age_band_fine, f.team, f.area, f.referrer, f.support_group_start, f.education,
           f.ltu, f.disability,
           least(coalesce(f.end_date, :pe), :pe) - greatest(f.start_date, :ps) + 1
      FROM f WHERE f.is_active
    UNION ALL
    SELECT x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start, p.education,
           p.ltu, p.disability, 1
      FROM first_episode p
     CROSS JOIN LATERAL (VALUES
            ('EECO01', true),
            ('EECO02', p.status_at_entry = 'UNEMPLOYED'),
            ('EECO03', p.status_at_entry = 'UNEMPLOYED' AND p.long_term_unemployed),
            ('EECO04', p.status_at_entry = 'INACTIVE'),
            ('EECO05', p.status_at_entry = 'EMPLOYED'),
            ('EECO06', p.age_at_start < 18),
            ('EECO07', p.age_at_start BETWEEN 18 AND 29),
            ('EECO08', p.age_at_start >= 55),
            ('EECO09', p.education = 'ISCED_0_2'),
            ('EECO10', p.education = 'ISCED_3_4'),
            ('EECO11', p.education = 'ISCED_5_8'),
            ('EECO12', p.disability = 'ja')) x(indicator, counts)
     WHERE (CAST(:esfAll AS boolean) OR p.is_new) AND x.counts
    UNION ALL
    SELECT x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start, p.education,
           p.ltu, p.disability, 1
      FROM last_episode p
     CROSS JOIN LATERAL (VALUES
            ('EECR01', p.exit_status = 'ARBETSSOKANDE'),
            ('EECR02', p.exit_status = 'STUDIER'),
            ('EECR04', is_work(p.exit_status)),
            ('EECR05', p.employed_6m)) x(indicator, counts)
     WHERE p.is_ended AND x.counts
)
SELECT indicator, gender, age_band, age_band_fine, team, area, referrer, support_group_start, education, ltu,
       disability, sum(weight) AS weight
  FROM counted
 GROUP BY indicator, gender, age_band, age_band_fine, team, area, referrer, support_group_start, education, ltu,
          disability;

ANALYZE indicator_counted;

INSERT INTO indicator_value (run_id, period, indicator, breakdown, breakdown_value, gender, value)
SELECT :run, :period, indicator, breakdown, breakdown_value, gender, value FROM (
    SELECT indicator,
           CASE WHEN GROUPING(age_band) = 0 THEN 'age_band'
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
           sum(weight) AS value
      FROM indicator_counted
     GROUP BY GROUPING SETS (
            (indicator), (indicator, gender),
            (indicator, age_band), (indicator, age_band, gender),
            (indicator, age_band_fine), (indicator, age_band_fine, gender),
            (indicator, team), (indicator, team, gender),
            (indicator, area), (indicator, area, gender),
            (indicator, referrer), (indicator, referrer, gender),
            (indicator, support_group_start), (indicator, support_group_start, gender),
            (indicator, education), (indicator, education, gender),
            (indicator, ltu), (indicator, ltu, gender),
            (indicator, disability), (indicator, disability, gender))
) counts
 WHERE gender <> 'okand';

DROP TABLE indicator_counted;
