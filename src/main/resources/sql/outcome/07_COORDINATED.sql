-- COORDINATED (SPEC §5, R20): during the episode (up to the as-of date) a GEMENSAM_KARTLAGGNING
-- with at least two distinct agencies in aktorer, and a SAMORDNAD_PLANERING; no order between them.
-- The dates of the first of each give the process measures (days from start). Contacts are the team
-- register's own and count for anonymous participations.
-- Contacts are joined to the episodes once and grouped by episode, not looked up per episode.
-- Parameters: :project, :asOf
DROP TABLE IF EXISTS fact_coordinated;

CREATE TEMP TABLE fact_coordinated AS
WITH firsts AS (
    SELECT g.episode_id,
           min(k.contact_date) FILTER (WHERE k.kind = 'GEMENSAM_KARTLAGGNING'
                   AND (SELECT count(DISTINCT a) FROM unnest(k.actors) a) >= 2) AS joint,
           min(k.contact_date) FILTER (WHERE k.kind = 'SAMORDNAD_PLANERING') AS plan
      FROM fact_base g
      JOIN contact k ON k.project_id = :project AND k.person_key = g.person_key
     WHERE k.contact_date BETWEEN g.start_date AND coalesce(g.end_date, :asOf)
       AND k.contact_date <= :asOf
       AND k.kind IN ('GEMENSAM_KARTLAGGNING', 'SAMORDNAD_PLANERING')
     GROUP BY g.episode_id
)
SELECT f.episode_id,
       c.joint AS joint_assessment_date,
       c.plan AS coordinated_plan_date,
       c.joint IS NOT NULL AND c.plan IS NOT NULL AS coordinated
  FROM fact_base f
  LEFT JOIN firsts c ON c.episode_id = f.episode_id;

ANALYZE fact_coordinated;
