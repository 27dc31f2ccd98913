-- Every indicator of SPEC §6 for one period of one outcome run, by every breakdown of SPEC §5 crossed
-- with gender, in one set-based pass (GROUPING SETS). A person counts once per indicator; when several
-- of the person's episodes qualify, the latest-starting one gives the breakdown values (R14), which
-- for the outcome indicators is the person's last episode ended in the period. PROGRESSION counts
-- episodes (R17, R27). ESF outputs take the person's first episode, results the last (R25).
-- PARTICIPANT_DAYS (shown as PARTICIPANT_YEARS = days / 365) sums each active episode's days.
-- Periods (R24): new = starts in it, ended = ends in it, active = overlaps it, ongoing at start =
-- started before it and not ended before its first day, ongoing at end = started on or before its
-- last day and not ended on or before it.
-- Parameters: :run, :period, :ps (first day), :pe (last day, never after the as-of date), :esfAll
-- Issue 9: every hash below fits in memory at 1,000,000 episodes (the largest, persons by key, about
-- 25 MB); with the server's 4 MB they went to disk in batches. SET LOCAL: the transaction only.
SET LOCAL work_mem = '256MB';

DROP TABLE IF EXISTS indicator_chosen;

DROP TABLE IF EXISTS indicator_counted;

-- The episodes that count for a person, one row each with the populations it counts in. Of a
-- person's episodes in a population, the one that counts is the latest-starting (R14; the higher
-- episode id on the same day): the greatest ARRAY[start day, episode id] (arrays compare element by
-- element). The first episode (R25) is the least of all the person's episodes, the last the greatest.
-- Issue 9: this is one hash aggregate by person over narrow rows; a window over every episode sorted
-- by person (and before that a DISTINCT ON per population) sorted the whole run for every period,
-- with every column: 8.7 s of the 2026-10 indicators at 1,000,000 episodes, 25.5 s for lifetime.
CREATE TEMP TABLE indicator_chosen AS
WITH f AS (
    SELECT e.person_key, ARRAY[e.start_date - DATE '2000-01-01', e.episode_id] AS k, e.eligible,
           e.start_date BETWEEN :ps AND :pe                                 AS is_new,
           e.end_date BETWEEN :ps AND :pe                                   AS is_ended,
           e.start_date <= :pe AND (e.end_date IS NULL OR e.end_date >= :ps) AS is_active,
           e.start_date < :ps AND (e.end_date IS NULL OR e.end_date >= :ps)  AS is_ongoing_start,
           e.start_date <= :pe AND (e.end_date IS NULL OR e.end_date > :pe)  AS is_ongoing_end
      FROM episode_fact e
     WHERE e.run_id = :run
), latest AS (
    SELECT max(k) FILTER (WHERE is_new)                  AS k_new,
           max(k) FILTER (WHERE is_active)               AS k_active,
           max(k) FILTER (WHERE is_ended)                AS k_ended,
           max(k) FILTER (WHERE is_ongoing_start)        AS k_ongoing_start,
           max(k) FILTER (WHERE is_ongoing_end)          AS k_ongoing_end,
           max(k) FILTER (WHERE is_new AND NOT eligible) AS k_ineligible,
           min(k)                                        AS k_first,
           max(k)                                        AS k_last
      FROM f
     GROUP BY person_key
)
SELECT x.episode_id,
       bool_or(x.population = 'PART_NEW')           AS p_new,
       bool_or(x.population = 'PART_ACTIVE')        AS p_active,
       bool_or(x.population = 'PART_ENDED')         AS p_ended,
       bool_or(x.population = 'PART_ONGOING_START') AS p_ongoing_start,
       bool_or(x.population = 'PART_ONGOING_END')   AS p_ongoing_end,
       bool_or(x.population = 'INELIGIBLE')         AS p_ineligible,
       bool_or(x.population = 'FIRST')              AS first,
       bool_or(x.population = 'LAST')               AS last
  FROM latest l
 CROSS JOIN LATERAL (VALUES
        ('PART_NEW', l.k_new[2]),
        ('PART_ACTIVE', l.k_active[2]),
        ('PART_ENDED', l.k_ended[2]),
        ('PART_ONGOING_START', l.k_ongoing_start[2]),
        ('PART_ONGOING_END', l.k_ongoing_end[2]),
        ('INELIGIBLE', l.k_ineligible[2]),
        ('FIRST', l.k_first[2]),
        ('LAST', l.k_last[2])) x(population, episode_id)
 WHERE x.episode_id IS NOT NULL
 GROUP BY x.episode_id;

ANALYZE indicator_chosen;

-- The rows to count, already summed per combination of indicator, gender and breakdown values, and
-- analysed: the GROUPING SETS then run as one hash aggregate over it (planned from the CTEs' guesses,
-- a few hundred rows, the same GROUPING SETS ran as ten sorts of every row: 14 s against 3 s at
-- 100,000 episodes).
CREATE TEMP TABLE indicator_counted AS
WITH persons AS MATERIALIZED (
    -- the breakdown values and outcomes of the episodes that count; ESF outputs only when the first
    -- episode started in the period (or for lifetime), results only when the last one ended in it
    SELECT c.p_new, c.p_active, c.p_ended, c.p_ongoing_start, c.p_ongoing_end, c.p_ineligible,
           c.first AND (CAST(:esfAll AS boolean) OR e.start_date BETWEEN :ps AND :pe) AS p_first,
           c.last AND e.end_date BETWEEN :ps AND :pe                                   AS p_last,
           e.gender, e.age_at_start, e.age_band, e.age_band_fine, e.team, e.area, e.referrer,
           e.support_group_start, e.support_group_end, e.education, e.disability, e.status_at_entry,
           e.long_term_unemployed, e.end_reason, e.exit_status, e.exit_preliminary, e.self_sufficient,
           e.self_sufficient_measurable, e.support_reduced, e.support_reduced_measurable, e.employed_6m,
           e.employed_6m_measurable, e.coordinated,
           CASE WHEN e.long_term_unemployed THEN 'ja' ELSE 'nej' END AS ltu
      FROM indicator_chosen c
      JOIN episode_fact e ON e.run_id = :run AND e.episode_id = c.episode_id
), counted AS (
    -- every row counts 1 person
    SELECT x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start,
           p.education, p.ltu, p.disability, 1 AS weight
      FROM persons p
     CROSS JOIN LATERAL (VALUES
            ('PART_NEW', p.p_new),
            ('PART_ACTIVE', p.p_active),
            ('PART_ENDED', p.p_ended),
            ('PART_ONGOING_START', p.p_ongoing_start),
            ('PART_ONGOING_END', p.p_ongoing_end),
            ('INELIGIBLE', p.p_ineligible),
            ('COORDINATED', p.p_active AND p.coordinated)) x(indicator, counts)
     WHERE x.counts
    UNION ALL
    SELECT x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start,
           p.education, p.ltu, p.disability, 1
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
            ('EMPLOYED_6M_BASE', p.employed_6m_measurable),
            ('SUPPORT_BEFORE_AFTER_' || upper(p.support_group_end), true)) x(indicator, counts)
     WHERE p.p_ended AND x.counts
    UNION ALL
    SELECT x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start,
           p.education, p.ltu, p.disability, 1
      FROM persons p
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
     WHERE p.p_first AND x.counts
    UNION ALL
    SELECT x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer, p.support_group_start,
           p.education, p.ltu, p.disability, 1
      FROM persons p
     CROSS JOIN LATERAL (VALUES
            ('EECR01', p.exit_status = 'ARBETSSOKANDE'),
            ('EECR02', p.exit_status = 'STUDIER'),
            ('EECR04', is_work(p.exit_status)),
            ('EECR05', p.employed_6m)) x(indicator, counts)
     WHERE p.p_last AND x.counts
)
SELECT indicator, gender, age_band, age_band_fine, team, area, referrer, support_group_start, education, ltu,
       disability, sum(weight) AS weight
  FROM counted
 GROUP BY indicator, gender, age_band, age_band_fine, team, area, referrer, support_group_start, education, ltu,
          disability
UNION ALL
-- the indicators that count episodes, each active episode by its own values: PROGRESSION and
-- årsplatser (R28: the episode's active days in the period, both ends included); summed per
-- combination in one pass, where one row per episode and indicator hashed three times as many rows
SELECT x.indicator, s.gender, s.age_band, s.age_band_fine, s.team, s.area, s.referrer, s.support_group_start,
       s.education, s.ltu, s.disability, x.weight
  FROM (SELECT e.gender, e.age_band, e.age_band_fine, e.team, e.area, e.referrer, e.support_group_start,
               e.education, CASE WHEN e.long_term_unemployed THEN 'ja' ELSE 'nej' END AS ltu, e.disability,
               count(*) FILTER (WHERE e.progression_applies)                  AS progression_base,
               count(*) FILTER (WHERE e.progression_applies AND e.progressed) AS progression_count,
               sum(least(coalesce(e.end_date, :pe), :pe) - greatest(e.start_date, :ps) + 1) AS days
          FROM episode_fact e
         WHERE e.run_id = :run AND e.start_date <= :pe AND (e.end_date IS NULL OR e.end_date >= :ps)
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) s
 CROSS JOIN LATERAL (VALUES
        ('PROGRESSION_BASE', s.progression_base, s.progression_base > 0),
        ('PROGRESSION_COUNT', s.progression_count, s.progression_count > 0),
        ('PARTICIPANT_DAYS', s.days, true)) x(indicator, weight, counts)
 WHERE x.counts;

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

DROP TABLE indicator_chosen;
