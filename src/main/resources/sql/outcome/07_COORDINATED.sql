-- COORDINATED (SPEC §5, R20): during the episode (up to the as-of date) a GEMENSAM_KARTLAGGNING
-- with at least two distinct agencies in aktorer, and a SAMORDNAD_PLANERING; no order between them.
-- The dates of the first of each give the process measures (days from start). Contacts are the team
-- register's own and count for anonymous participations. Parameters: :run, :project, :asOf
UPDATE episode_fact f
   SET joint_assessment_date = c.joint, coordinated_plan_date = c.plan,
       coordinated = c.joint IS NOT NULL AND c.plan IS NOT NULL
  FROM episode_fact g
  LEFT JOIN LATERAL (
        SELECT min(k.contact_date) FILTER (WHERE k.kind = 'GEMENSAM_KARTLAGGNING'
                   AND (SELECT count(DISTINCT a) FROM unnest(k.actors) a) >= 2) AS joint,
               min(k.contact_date) FILTER (WHERE k.kind = 'SAMORDNAD_PLANERING') AS plan
          FROM contact k
         WHERE k.project_id = :project AND k.person_key = g.person_key
           AND k.contact_date BETWEEN g.start_date AND coalesce(g.end_date, :asOf)
           AND k.contact_date <= :asOf) c ON true
 WHERE f.run_id = :run AND g.run_id = :run AND g.episode_id = f.episode_id
