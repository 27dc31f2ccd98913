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
-- against 3 s at 100,000 episodes). The persons are summed per combination first, one count per
-- indicator, and the counts then become rows, as for the episodes below: one row per person and
-- indicator hashed 1.6 M rows by twelve columns at 1,000,000 episodes (issue 9).
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
), summed AS (
    -- every person counts 1 in each indicator whose condition holds for it
    SELECT period, gender, age_band, age_band_fine, team, area, referrer, support_group_start, education, ltu,
           disability,
           count(*) FILTER (WHERE p_new)                                     AS part_new,
           count(*) FILTER (WHERE p_active)                                  AS part_active,
           count(*) FILTER (WHERE p_ended)                                   AS part_ended,
           count(*) FILTER (WHERE p_ongoing_start)                           AS part_ongoing_start,
           count(*) FILTER (WHERE p_ongoing_end)                             AS part_ongoing_end,
           count(*) FILTER (WHERE p_ineligible)                              AS ineligible,
           count(*) FILTER (WHERE p_active AND coordinated)                  AS coordinated,
           count(*) FILTER (WHERE p_ended AND end_reason IN ('ENLIGT_PLAN', 'OVERFORD')) AS ended_completed,
           count(*) FILTER (WHERE p_ended AND end_reason = 'AVBROTT')         AS ended_aborted,
           count(*) FILTER (WHERE p_ended AND is_work(exit_status))          AS exit_work,
           count(*) FILTER (WHERE p_ended AND exit_status = 'ARBETE_SUBV')   AS exit_work_subv,
           count(*) FILTER (WHERE p_ended AND exit_status = 'STUDIER')       AS exit_studies,
           count(*) FILTER (WHERE p_ended AND exit_status = 'ARBETSSOKANDE') AS exit_jobseeking,
           count(*) FILTER (WHERE p_ended AND NOT is_work(exit_status)
                                          AND exit_status NOT IN ('STUDIER', 'ARBETSSOKANDE')) AS exit_other,
           count(*) FILTER (WHERE p_ended AND exit_status = 'FORTSATT_REHAB') AS exit_cont_rehab,
           count(*) FILTER (WHERE p_ended AND exit_status = 'OKAND')         AS exit_unknown,
           count(*) FILTER (WHERE p_ended AND exit_preliminary)              AS exit_preliminary,
           count(*) FILTER (WHERE p_ended AND self_sufficient)               AS self_sufficient,
           count(*) FILTER (WHERE p_ended AND self_sufficient_measurable)    AS self_sufficient_base,
           count(*) FILTER (WHERE p_ended AND support_reduced)               AS support_reduced,
           count(*) FILTER (WHERE p_ended AND support_reduced_measurable)    AS support_reduced_base,
           count(*) FILTER (WHERE p_ended AND employed_6m)                   AS employed_6m,
           count(*) FILTER (WHERE p_ended AND employed_6m_measurable)        AS employed_6m_base,
           count(*) FILTER (WHERE p_first)                                   AS eeco01,
           count(*) FILTER (WHERE p_first AND status_at_entry = 'UNEMPLOYED') AS eeco02,
           count(*) FILTER (WHERE p_first AND status_at_entry = 'UNEMPLOYED' AND long_term_unemployed) AS eeco03,
           count(*) FILTER (WHERE p_first AND status_at_entry = 'INACTIVE')  AS eeco04,
           count(*) FILTER (WHERE p_first AND status_at_entry = 'EMPLOYED')  AS eeco05,
           count(*) FILTER (WHERE p_first AND age_at_start < 18)             AS eeco06,
           count(*) FILTER (WHERE p_first AND age_at_start BETWEEN 18 AND 29) AS eeco07,
           count(*) FILTER (WHERE p_first AND age_at_start >= 55)            AS eeco08,
           count(*) FILTER (WHERE p_first AND education = 'ISCED_0_2')       AS eeco09,
           count(*) FILTER (WHERE p_first AND education = 'ISCED_3_4')       AS eeco10,
           count(*) FILTER (WHERE p_first AND education = 'ISCED_5_8')       AS eeco11,
           count(*) FILTER (WHERE p_first AND disability = 'ja')             AS eeco12,
           count(*) FILTER (WHERE p_last AND exit_status = 'ARBETSSOKANDE')  AS eecr01,
           count(*) FILTER (WHERE p_last AND exit_status = 'STUDIER')        AS eecr02,
           count(*) FILTER (WHERE p_last AND is_work(exit_status))           AS eecr04,
           count(*) FILTER (WHERE p_last AND employed_6m)                    AS eecr05
      FROM persons
     GROUP BY period, gender, age_band, age_band_fine, team, area, referrer, support_group_start, education, ltu,
              disability
)
SELECT s.period, x.indicator, s.gender, s.age_band, s.age_band_fine, s.team, s.area, s.referrer,
       s.support_group_start, s.education, s.ltu, s.disability, x.weight
  FROM summed s
 CROSS JOIN LATERAL (VALUES
        ('PART_NEW', s.part_new), ('PART_ACTIVE', s.part_active), ('PART_ENDED', s.part_ended),
        ('PART_ONGOING_START', s.part_ongoing_start), ('PART_ONGOING_END', s.part_ongoing_end),
        ('INELIGIBLE', s.ineligible), ('COORDINATED', s.coordinated),
        ('ENDED_COMPLETED', s.ended_completed), ('ENDED_ABORTED', s.ended_aborted),
        ('EXIT_WORK', s.exit_work), ('EXIT_WORK_SUBV', s.exit_work_subv), ('EXIT_STUDIES', s.exit_studies),
        ('EXIT_JOBSEEKING', s.exit_jobseeking), ('EXIT_OTHER', s.exit_other),
        ('EXIT_CONT_REHAB', s.exit_cont_rehab), ('EXIT_UNKNOWN', s.exit_unknown),
        ('EXIT_PRELIMINARY', s.exit_preliminary),
        ('SELF_SUFFICIENT_3M', s.self_sufficient), ('SELF_SUFFICIENT_3M_BASE', s.self_sufficient_base),
        ('SUPPORT_REDUCED', s.support_reduced), ('SUPPORT_REDUCED_BASE', s.support_reduced_base),
        ('EMPLOYED_6M', s.employed_6m), ('EMPLOYED_6M_BASE', s.employed_6m_base),
        ('EECO01', s.eeco01), ('EECO02', s.eeco02), ('EECO03', s.eeco03), ('EECO04', s.eeco04),
        ('EECO05', s.eeco05), ('EECO06', s.eeco06), ('EECO07', s.eeco07), ('EECO08', s.eeco08),
        ('EECO09', s.eeco09), ('EECO10', s.eeco10), ('EECO11', s.eeco11), ('EECO12', s.eeco12),
        ('EECR01', s.eecr01), ('EECR02', s.eecr02), ('EECR04', s.eecr04), ('EECR05', s.eecr05))
        x(indicator, weight)
 WHERE x.weight > 0
UNION ALL
-- the support group at the end names the indicator: summed apart, per group
SELECT period, 'SUPPORT_BEFORE_AFTER_' || upper(support_group_end), gender, age_band, age_band_fine, team, area,
       referrer, support_group_start, education, ltu, disability, count(*)
  FROM persons
 WHERE p_ended
 GROUP BY period, support_group_end, gender, age_band, age_band_fine, team, area, referrer, support_group_start,
          education, ltu, disability
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

-- Each breakdown by gender in one hash aggregate; a breakdown's total over the genders ('totalt')
-- and the breakdown 'total' (one breakdown's groups summed) follow from those few rows. Hashing every
-- row of indicator_counted once per grouping set, also for the sets without gender and for the
-- total, cost 1.6-1.9 s whatever the scale: twenty sets over 367,024 rows at 100,000 episodes.
WITH by_gender AS MATERIALIZED (
    SELECT period, indicator, gender,
           CASE WHEN GROUPING(age_band) = 0 THEN 'age_band'
                WHEN GROUPING(age_band_fine) = 0 THEN 'age_band_fine'
                WHEN GROUPING(team) = 0 THEN 'team'
                WHEN GROUPING(area) = 0 THEN 'area'
                WHEN GROUPING(referrer) = 0 THEN 'referrer'
                WHEN GROUPING(support_group_start) = 0 THEN 'support_group_start'
                WHEN GROUPING(education) = 0 THEN 'education'
                WHEN GROUPING(ltu) = 0 THEN 'long_term_unemployed'
                ELSE 'disability' END AS breakdown,
           -- a NULL value of the breakdown counts under 'total', as it always has
           coalesce(age_band, age_band_fine, team, area, referrer, support_group_start, education, ltu, disability,
                    'total') AS breakdown_value,
           sum(weight) AS value
      FROM indicator_counted
     GROUP BY GROUPING SETS (
            (period, indicator, gender, age_band), (period, indicator, gender, age_band_fine),
            (period, indicator, gender, team), (period, indicator, gender, area),
            (period, indicator, gender, referrer), (period, indicator, gender, support_group_start),
            (period, indicator, gender, education), (period, indicator, gender, ltu),
            (period, indicator, gender, disability))
), with_total AS MATERIALIZED (
    SELECT period, indicator, gender, breakdown, breakdown_value, value FROM by_gender
    UNION ALL
    -- every row of indicator_counted is in exactly one age band (NULL too)
    SELECT period, indicator, gender, 'total', 'total', sum(value)
      FROM by_gender WHERE breakdown = 'age_band'
     GROUP BY period, indicator, gender
)
INSERT INTO indicator_value (run_id, period, indicator, breakdown, breakdown_value, gender, value)
SELECT :run, period, indicator, breakdown, breakdown_value, gender, value
  FROM with_total
 WHERE gender <> 'okand'
UNION ALL
SELECT :run, period, indicator, breakdown, breakdown_value, 'totalt', sum(value)
  FROM with_total
 GROUP BY period, indicator, breakdown, breakdown_value;

DROP TABLE indicator_counted;

DROP TABLE indicator_chosen;

DROP TABLE indicator_period;
