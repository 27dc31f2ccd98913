-- Every indicator of SPEC §6 for one or more periods of one outcome run, by every breakdown of SPEC §5
-- crossed with gender, in one set-based pass (GROUPING SETS). A person counts once per indicator; when several
-- of the person's episodes qualify, the latest-starting one gives the breakdown values (R14), which
-- for the outcome indicators is the person's last episode ended in the period. PROGRESSION counts
-- episodes (R17, R27). ESF outputs take the person's first episode, results the last (R25).
-- PARTICIPANT_DAYS (shown as PARTICIPANT_YEARS = days / 365) sums each active episode's days.
-- Periods (R24): new = starts in it, ended = ends in it, active = overlaps it, ongoing at start =
-- started before it and not ended before its first day, ongoing at end = started on or before its
-- last day and not ended on or before it.
-- Parameters: :run, and the periods in the temporary table indicator_period (period: its label, ps:
-- its first day, pe: its last, never after the as-of date, esf_all: ESF outputs for every person's
-- first episode, not only those that started in the period), which this file drops at its end.
-- Issue 9: every hash below fits in memory at 1,000,000 episodes (the largest, persons by key, about
-- 25 MB); with the server's 4 MB they went to disk in batches. SET LOCAL: the transaction only.
SET LOCAL work_mem = '256MB';

DROP TABLE IF EXISTS indicator_chosen;

DROP TABLE IF EXISTS indicator_counted;

-- a few rows, but the planner must know it: guessing a thousand, it sorted the joins' million rows
-- by every breakdown column instead of hashing them
ANALYZE indicator_period;

-- The episodes that count for a person, per period, one row each with the populations it counts in.
-- Of a person's episodes in a population, the one that counts is the latest-starting (R14; the
-- higher episode id on the same day): the greatest key (start day << 40 | episode id, so one bigint
-- orders by day, then id; episode ids stay far below 2^40). The first episode (R25) is the least of
-- all the person's episodes, the last the greatest, whatever the period.
-- Issue 9: this is one hash aggregate by person over narrow rows; a window over every episode sorted
-- by person (and before that a DISTINCT ON per population) sorted the whole run for every period,
-- with every column: 8.7 s of the 2026-10 indicators at 1,000,000 episodes, 25.5 s for lifetime.
-- Each population lies within the episodes active in the period (new, ended and ongoing ones are
-- active), so only those are paired with the period; a report's periods (the month, the one before,
-- the year so far, lifetime) are counted in one pass over episode_fact, where one pass per period
-- cost 4-7 s each at 1,000,000 episodes. The key is made in each of the two scans below: one CTE
-- read by both would be materialised, and its scan would not run in parallel.
CREATE TEMP TABLE indicator_chosen AS
WITH latest AS (
    SELECT p.period, f.person_key,
           max(f.k) FILTER (WHERE f.start_date BETWEEN p.ps AND p.pe)                   AS k_new,
           max(f.k)                                                                     AS k_active,
           max(f.k) FILTER (WHERE f.end_date BETWEEN p.ps AND p.pe)                     AS k_ended,
           max(f.k) FILTER (WHERE f.start_date < p.ps)                                  AS k_ongoing_start,
           max(f.k) FILTER (WHERE f.end_date IS NULL OR f.end_date > p.pe)              AS k_ongoing_end,
           max(f.k) FILTER (WHERE f.start_date BETWEEN p.ps AND p.pe AND NOT f.eligible) AS k_ineligible
      FROM (SELECT e.person_key, ((e.start_date - DATE '2000-01-01')::bigint << 40) | e.episode_id AS k,
                   e.eligible, e.start_date, e.end_date
              FROM episode_fact e
             WHERE e.run_id = :run) f
      JOIN indicator_period p ON f.start_date <= p.pe AND (f.end_date IS NULL OR f.end_date >= p.ps)
     GROUP BY p.period, f.person_key
), ends AS (
    SELECT person_key, min(k) AS k_first, max(k) AS k_last
      FROM (SELECT e.person_key, ((e.start_date - DATE '2000-01-01')::bigint << 40) | e.episode_id AS k
              FROM episode_fact e
             WHERE e.run_id = :run) f
     GROUP BY person_key
), populations AS (
    SELECT l.period, x.population, x.k
      FROM latest l
     CROSS JOIN LATERAL (VALUES
            ('PART_NEW', l.k_new),
            ('PART_ACTIVE', l.k_active),
            ('PART_ENDED', l.k_ended),
            ('PART_ONGOING_START', l.k_ongoing_start),
            ('PART_ONGOING_END', l.k_ongoing_end),
            ('INELIGIBLE', l.k_ineligible)) x(population, k)
    UNION ALL
    -- the first episode counts for ESF outputs when it started in the period (any, for lifetime)
    SELECT p.period, 'FIRST', e.k_first
      FROM ends e
      JOIN indicator_period p
        ON p.esf_all OR DATE '2000-01-01' + (e.k_first >> 40)::integer BETWEEN p.ps AND p.pe
    UNION ALL
    -- the last one for ESF results when it ended in the period, so only where some episode did
    SELECT l.period, 'LAST', e.k_last
      FROM latest l
      JOIN ends e ON e.person_key = l.person_key
     WHERE l.k_ended IS NOT NULL
)
SELECT period, k & ((1::bigint << 40) - 1) AS episode_id,
       bool_or(population = 'PART_NEW')           AS p_new,
       bool_or(population = 'PART_ACTIVE')        AS p_active,
       bool_or(population = 'PART_ENDED')         AS p_ended,
       bool_or(population = 'PART_ONGOING_START') AS p_ongoing_start,
       bool_or(population = 'PART_ONGOING_END')   AS p_ongoing_end,
       bool_or(population = 'INELIGIBLE')         AS p_ineligible,
       bool_or(population = 'FIRST')              AS first,
       bool_or(population = 'LAST')               AS last
  FROM populations
 WHERE k IS NOT NULL
 GROUP BY period, k;

ANALYZE indicator_chosen;

-- The rows to count, already summed per combination of period, indicator, gender and breakdown
-- values, and analysed: the GROUPING SETS then run as one hash aggregate over it (planned from the
-- CTEs' guesses, a few hundred rows, the same GROUPING SETS ran as ten sorts of every row: 14 s
-- against 3 s at 100,000 episodes).
CREATE TEMP TABLE indicator_counted AS
WITH persons AS MATERIALIZED (
    -- the breakdown values and outcomes of the episodes that count; ESF outputs only when the first
    -- episode started in the period (or for lifetime), results only when the last one ended in it
    SELECT c.period, c.p_new, c.p_active, c.p_ended, c.p_ongoing_start, c.p_ongoing_end, c.p_ineligible,
           c.first AND (p.esf_all OR e.start_date BETWEEN p.ps AND p.pe) AS p_first,
           c.last AND e.end_date BETWEEN p.ps AND p.pe                     AS p_last,
           e.gender, e.age_at_start, e.age_band, e.age_band_fine, e.team, e.area, e.referrer,
           e.support_group_start, e.support_group_end, e.education, e.disability, e.status_at_entry,
           e.long_term_unemployed, e.end_reason, e.exit_status, e.exit_preliminary, e.self_sufficient,
           e.self_sufficient_measurable, e.support_reduced, e.support_reduced_measurable, e.employed_6m,
           e.employed_6m_measurable, e.coordinated,
           CASE WHEN e.long_term_unemployed THEN 'ja' ELSE 'nej' END AS ltu
      FROM indicator_chosen c
      JOIN indicator_period p ON p.period = c.period
      JOIN episode_fact e ON e.run_id = :run AND e.episode_id = c.episode_id
), counted AS (
    -- every row counts 1 person
    SELECT p.period, x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer,
           p.support_group_start, p.education, p.ltu, p.disability, 1 AS weight
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
    SELECT p.period, x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer,
           p.support_group_start, p.education, p.ltu, p.disability, 1
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
    SELECT p.period, x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer,
           p.support_group_start, p.education, p.ltu, p.disability, 1
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
    SELECT p.period, x.indicator, p.gender, p.age_band, p.age_band_fine, p.team, p.area, p.referrer,
           p.support_group_start, p.education, p.ltu, p.disability, 1
      FROM persons p
     CROSS JOIN LATERAL (VALUES
            ('EECR01', p.exit_status = 'ARBETSSOKANDE'),
            ('EECR02', p.exit_status = 'STUDIER'),
            ('EECR04', is_work(p.exit_status)),
            ('EECR05', p.employed_6m)) x(indicator, counts)
     WHERE p.p_last AND x.counts
)
SELECT period, indicator, gender, age_band, age_band_fine, team, area, referrer, support_group_start, education,
       ltu, disability, sum(weight) AS weight
  FROM counted
 GROUP BY period, indicator, gender, age_band, age_band_fine, team, area, referrer, support_group_start, education,
          ltu, disability
UNION ALL
-- the indicators that count episodes, each active episode by its own values: PROGRESSION and
-- årsplatser (R28: the episode's active days in the period, both ends included); summed per
-- combination in one pass, where one row per episode and indicator hashed three times as many rows
SELECT s.period, x.indicator, s.gender, s.age_band, s.age_band_fine, s.team, s.area, s.referrer,
       s.support_group_start, s.education, s.ltu, s.disability, x.weight
  FROM (SELECT p.period, e.gender, e.age_band, e.age_band_fine, e.team, e.area, e.referrer, e.support_group_start,
               e.education, CASE WHEN e.long_term_unemployed THEN 'ja' ELSE 'nej' END AS ltu, e.disability,
               count(*) FILTER (WHERE e.progression_applies)                  AS progression_base,
               count(*) FILTER (WHERE e.progression_applies AND e.progressed) AS progression_count,
               sum(least(coalesce(e.end_date, p.pe), p.pe) - greatest(e.start_date, p.ps) + 1) AS days
          FROM episode_fact e
          JOIN indicator_period p ON e.start_date <= p.pe AND (e.end_date IS NULL OR e.end_date >= p.ps)
         WHERE e.run_id = :run
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) s
 CROSS JOIN LATERAL (VALUES
        ('PROGRESSION_BASE', s.progression_base, s.progression_base > 0),
        ('PROGRESSION_COUNT', s.progression_count, s.progression_count > 0),
        ('PARTICIPANT_DAYS', s.days, true)) x(indicator, weight, counts)
 WHERE x.counts;

ANALYZE indicator_counted;

INSERT INTO indicator_value (run_id, period, indicator, breakdown, breakdown_value, gender, value)
SELECT :run, period, indicator, breakdown, breakdown_value, gender, value FROM (
    SELECT period, indicator,
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
            (period, indicator), (period, indicator, gender),
            (period, indicator, age_band), (period, indicator, age_band, gender),
            (period, indicator, age_band_fine), (period, indicator, age_band_fine, gender),
            (period, indicator, team), (period, indicator, team, gender),
            (period, indicator, area), (period, indicator, area, gender),
            (period, indicator, referrer), (period, indicator, referrer, gender),
            (period, indicator, support_group_start), (period, indicator, support_group_start, gender),
            (period, indicator, education), (period, indicator, education, gender),
            (period, indicator, ltu), (period, indicator, ltu, gender),
            (period, indicator, disability), (period, indicator, disability, gender))
) counts
 WHERE gender <> 'okand';

DROP TABLE indicator_counted;

DROP TABLE indicator_chosen;

DROP TABLE indicator_period;
