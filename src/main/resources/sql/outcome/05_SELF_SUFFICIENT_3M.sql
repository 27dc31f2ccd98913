-- SELF_SUFFICIENT_3M (SPEC §5, R9, R18) and SUPPORT_REDUCED (SPEC §5), for ended episodes.
-- "Paid for a month": the sum of the person's belopp for the month is above zero (R9).
-- After = the three calendar months after the exit month; measurable when the latest manad in the
-- project's loaded bistånd extracts is at least the third of them. Before = the three calendar
-- months before the start month; measurable when the extracts reach back to the first of them.
-- SUPPORT_REDUCED: mean after < half the mean before, both measurable and the mean before above zero.
-- Not measurable for anonymous participations (R12).
-- Issue 9: each person's months are kept once, in order, with running totals of the amount and of
-- the paid months; a window's sum is then the difference of two running totals found by binary
-- search (width_bucket: how many months are <= a day). Joining every ended episode with every month
-- of the person grew with the square of a person's episodes. Those months (person_payment) stay for
-- 08_STATUS_AT_ENTRY_ELIGIBLE's evidence of försörjningsstöd, so payment is grouped by person and month once (it
-- was twice, 9-10 s each at 1,000,000 episodes). The sums per person and month are read from
-- payment_month, which the ingest keeps beside payment (V17: about one row per person-month where
-- payment has one per payment; 2.7 s against 6.3 s for person_payment in psql at 1,000,000 episodes,
-- docs/performance.md "Eighteenth session"). Parameters: :project, :asOf
DROP TABLE IF EXISTS person_payment;

-- each person's months with a payment row, in order, with running totals: the amount in öre (a
-- fixed-width array is indexed directly) and the months paid for (sum above zero, R9)
CREATE TEMP TABLE person_payment AS
WITH monthly AS (
    -- manad is the first day of its month (the extract's YYYY-MM); a person-month may be more than
    -- one sum of payment_month (its rows apart in the file, or in two files)
    SELECT person_key, month, sum(paid) AS paid
      FROM payment_month WHERE project_id = :project AND month <= :asOf
     GROUP BY person_key, month
), running AS (
    SELECT person_key, month,
           (sum(paid) OVER w * 100)::bigint AS paid_total,
           count(*) FILTER (WHERE paid > 0) OVER w AS paid_months
      FROM monthly
    WINDOW w AS (PARTITION BY person_key ORDER BY month)
)
SELECT person_key,
       array_agg(month ORDER BY month) AS months,
       array_agg(paid_total ORDER BY month) AS totals,
       array_agg(paid_months ORDER BY month) AS counts
  FROM running
 GROUP BY person_key;

ANALYZE person_payment;

DROP TABLE IF EXISTS fact_support;

CREATE TEMP TABLE fact_support AS
WITH coverage AS (
    -- the months the extracts cover, from the persons' first and last (a second scan of payment cost 1.2 s)
    SELECT min(months[1]) AS first_month, max(months[cardinality(months)]) AS last_month FROM person_payment
), ended AS (
    SELECT episode_id, person_key, anonymous,
           date_trunc('month', start_date)::date AS start_month,
           date_trunc('month', end_date)::date AS exit_month
      FROM fact_base WHERE end_date IS NOT NULL
), bounds AS (
    -- positions in the person's months: after = (exit month, +3 months], before = [start month -3, start month)
    SELECT e.*, p.totals, p.counts,
           width_bucket(e.exit_month, p.months) AS after_from,
           width_bucket((e.exit_month + interval '3 months')::date, p.months) AS after_to,
           width_bucket((e.start_month - interval '3 months')::date - 1, p.months) AS before_from,
           width_bucket(e.start_month - 1, p.months) AS before_to
      FROM ended e
      LEFT JOIN person_payment p ON p.person_key = e.person_key
), sums AS MATERIALIZED (
    -- materialised: inlined, each mean's numeric arithmetic ran again wherever it is used (1M: 6.4 -> 4.4 s)
    SELECT episode_id, anonymous, start_month, exit_month,
           coalesce(counts[after_to], 0) - coalesce(counts[after_from], 0) AS months_paid_after,
           (coalesce(totals[after_to], 0) - coalesce(totals[after_from], 0)) * 0.01 / 3 AS mean_after,
           (coalesce(totals[before_to], 0) - coalesce(totals[before_from], 0)) * 0.01 / 3 AS mean_before
      FROM bounds
), measured AS (
    SELECT s.episode_id,
           NOT s.anonymous AND c.last_month >= s.exit_month + interval '3 months' AS after_ok,
           NOT s.anonymous AND c.first_month <= s.start_month - interval '3 months' AS before_ok,
           s.months_paid_after, s.mean_after, s.mean_before
      FROM sums s CROSS JOIN coverage c
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
