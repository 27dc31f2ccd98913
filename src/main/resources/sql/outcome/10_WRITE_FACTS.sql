-- Writes the run's episode_fact rows, with the evidence EXIT_STATUS and EMPLOYED_6M rest on (the view
-- status_event lists it), into run_fact: a temporary view of the run's own new table, which
-- OutcomeEngine then attaches to episode_fact as the run's partition and analyses (RunFactTable, V18).
-- One INSERT of the columns every definition computed into a temporary table (00-08: EXIT_STATUS
-- with EMPLOYED_6M, status at entry with ELIGIBLE; 04 and 07 already joined with the episodes by 09),
-- so each row is written once. Episodes a definition does not apply to (e.g. EXIT_STATUS for a
-- running episode) have no row in its table and keep NULL, as before.
-- The run's table is unlogged (V15, V18): the facts follow from the register, so they need no WAL of
-- their own. It has no index yet: the key is built in one pass when it is attached.
-- Parameters: :run
-- The joins of a million rows each kept within memory: 10.8 -> 8.2 s at 1,000,000 episodes with
-- seven of them (256 MB was slower again: hash tables far beyond the processor's caches).
SET LOCAL work_mem = '64MB';

INSERT INTO run_fact (run_id, episode_id, episode_key, person_key, anonymous, start_date, end_date, end_reason,
                          gender, age_at_start, age_band, age_band_fine, team, area, referrer,
                          support_group_start, support_group_end, education, disability,
                          registered_unemployed, status_at_entry, long_term_unemployed,
                          exit_status, exit_evidence_source, exit_evidence_date, exit_preliminary,
                          progression_applies, progressed,
                          self_sufficient_measurable, self_sufficient, support_reduced_measurable, support_reduced,
                          support_before_mean, support_after_mean,
                          employed_6m_day, employed_6m_measurable, employed_6m,
                          employed_6m_evidence_status, employed_6m_evidence_source, employed_6m_evidence_date,
                          joint_assessment_date, coordinated_plan_date, coordinated,
                          findings, eligible)
SELECT :run, b.episode_id, b.episode_key, b.person_key, b.anonymous, b.start_date, b.end_date, b.end_reason,
       b.gender, b.age_at_start, b.age_band, b.age_band_fine, b.team, b.area, b.referrer,
       b.support_group_start, b.support_group_end, b.education, b.disability,
       s.registered_unemployed, s.status_at_entry, s.long_term_unemployed,
       x.exit_status, x.exit_evidence_source, x.exit_evidence_date, x.exit_preliminary,
       b.progression_applies,
       -- PROGRESSION (04 computed the rest on the second connection): an exit to work or studies
       coalesce(is_work(x.exit_status) OR x.exit_status = 'STUDIER', false) OR b.moved_up,
       m.self_sufficient_measurable, m.self_sufficient, m.support_reduced_measurable, m.support_reduced,
       m.support_before_mean, m.support_after_mean,
       x.employed_6m_day, x.employed_6m_measurable, x.employed_6m,
       x.employed_6m_evidence_status, x.employed_6m_evidence_source, x.employed_6m_evidence_date,
       b.joint_assessment_date, b.coordinated_plan_date, b.coordinated,
       s.findings, s.eligible
  FROM fact_side b
  LEFT JOIN fact_start s ON s.episode_id = b.episode_id
  LEFT JOIN fact_ended_status x ON x.episode_id = b.episode_id
  LEFT JOIN fact_support m ON m.episode_id = b.episode_id;

SET LOCAL work_mem TO DEFAULT;

-- fact_side, fact_base and person_af are dropped by OutcomeEngine: they may be views of what a second
-- connection computed (SideComputation).
DROP TABLE fact_start, person_event, fact_ended, fact_window_event, fact_ended_status, person_payment, fact_support;
