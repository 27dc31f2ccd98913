-- SELF_SUFFICIENT_3M (SPEC §5, R9, R18) and SUPPORT_REDUCED (SPEC §5), for ended episodes.
-- "Paid for a month": the sum of the person's belopp for the month is above zero (R9).
-- After = the three calendar months after the exit month; measurable when the latest manad in the
-- project's loaded bistånd extracts is at least the third of them. Before = the three calendar
-- months before the start month; measurable when the extracts reach back to the first of them.
-- SUPPORT_REDUCED: mean after < half the mean before, both measurable and the mean before above zero.
-- Not measurable for anonymous participations (R12). Parameters: :project, :asOf
DROP TABLE IF EXISTS fact_support;

CREATE TEMP TABLE fact_support AS
WITH coverage AS (
    SELECT min(month) AS first_month, max(month) AS last_month
      FROM payment WHERE project_id = :project AND month <= :asOf
), monthly AS (
    SELECT person_key, month, sum(amount) AS paid
      FROM payment WHERE project_id = :project AND month <= :asOf
     GROUP BY person_key, month
), ended AS (
    SELECT episode_id, person_key, anonymous,
           date_trunc('month', start_date)::date AS start_month,
           date_trunc('month', end_date)::date AS exit_month
      FROM fact_base WHERE end_date IS NOT NULL
), sums AS (
    -- one pass: each ended episode joined to the person's months before the start and after the exit
    SELECT e.episode_id,
           count(*) FILTER (WHERE m.paid > 0 AND m.month > e.exit_month) AS months_paid_after,
           coalesce(sum(m.paid) FILTER (WHERE m.month > e.exit_month), 0) / 3 AS mean_after,
           coalesce(sum(m.paid) FILTER (WHERE m.month < e.start_month), 0) / 3 AS mean_before
      FROM ended e
      LEFT JOIN monthly m
        ON m.person_key = e.person_key
       AND ((m.month > e.exit_month AND m.month <= e.exit_month + interval '3 months')
         OR (m.month >= e.start_month - interval '3 months' AND m.month < e.start_month))
     GROUP BY e.episode_id
), measured AS (
    SELECT e.episode_id,
           NOT e.anonymous AND c.last_month >= e.exit_month + interval '3 months' AS after_ok,
           NOT e.anonymous AND c.first_month <= e.start_month - interval '3 months' AS before_ok,
           s.months_paid_after, s.mean_after, s.mean_before
      FROM ended e JOIN sums s USING (episode_id) CROSS JOIN coverage c
)
SELECT m.episode_id,
       coalesce(m.after_ok, false) AS self_sufficient_measurable,
       coalesce(m.after_ok, false) AND m.months_paid_after = 0 AS self_sufficient,
       coalesce(m.after_ok AND m.before_ok, false) AND m.mean_before > 0 AS support_reduced_measurable,
       coalesce(m.after_ok AND m.before_ok, false) AND m.mean_before > 0
           AND m.mean_after < m.mean_before / 2 AS support_reduced,
       CASE WHEN m.before_ok THEN round(m.mean_before, 2) END AS support_before_mean,
       CASE WHEN m.after_ok THEN round(m.mean_after, 2) END AS support_after_mean
  FROM measured m;

ANALYZE fact_support;
