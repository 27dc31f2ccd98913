-- Status at entry (ESF, SPEC §5) and LONG_TERM_UNEMPLOYED (R21).
-- Registered unemployed at entry: an ARBETSSOKANDE registration open on the start day. Anonymous
-- participations link no AF data: their status at entry comes from ersattning_start alone (R12).
-- Parameters: :run, :project, :asOf
UPDATE episode_fact f
   SET registered_unemployed = x.registered,
       status_at_entry = x.status,
       long_term_unemployed = x.status = 'UNEMPLOYED' AND e.unemployed_since IS NOT NULL
           AND e.unemployed_since + CASE WHEN f.age_at_start < 25 THEN interval '6 months'
                                         ELSE interval '12 months' END <= f.start_date
  FROM episode e,
       LATERAL (
           SELECT registered,
                  CASE WHEN e.support_start && ARRAY['LON', 'LON_SUBV', 'FORETAG'] AND NOT registered THEN 'EMPLOYED'
                       WHEN registered OR e.support_start && ARRAY['A_KASSA', 'AKTIVITETSSTOD'] THEN 'UNEMPLOYED'
                       ELSE 'INACTIVE' END AS status
             FROM (SELECT NOT e.anonymous AND EXISTS (
                          SELECT 1 FROM af_registration a
                           WHERE a.project_id = :project AND a.person_key = e.person_key
                             AND a.category = 'ARBETSSOKANDE'
                             AND a.registered_on <= e.start_date AND a.registered_on <= :asOf
                             AND (a.deregistered_on IS NULL OR a.deregistered_on > :asOf
                                  OR a.deregistered_on >= e.start_date)) AS registered) r
       ) x
 WHERE f.run_id = :run AND e.episode_id = f.episode_id
