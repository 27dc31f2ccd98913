-- COORDINATED (SPEC §5, R20): during the episode (up to the as-of date) a GEMENSAM_KARTLAGGNING
-- with at least two distinct agencies in aktorer, and a SAMORDNAD_PLANERING; no order between them.
-- The dates of the first of each give the process measures (days from start). Contacts are the team
-- register's own and count for anonymous participations.
-- Each person's days of each kind are kept once, in order; the first on or after an episode's start
-- is found by binary search (width_bucket: how many days are <= a day) and counts when it is not
-- after the episode's end. Joining every episode with every contact of the person grew with the
-- square of a person's episodes (issue 9).
-- Parameters: :project, :asOf
DROP TABLE IF EXISTS fact_coordinated;

CREATE TEMP TABLE fact_coordinated AS
WITH contacts AS (
    SELECT person_key,
           array_agg(contact_date ORDER BY contact_date)
               FILTER (WHERE kind = 'GEMENSAM_KARTLAGGNING'
                         AND (SELECT count(DISTINCT a) FROM unnest(actors) a) >= 2) AS joint_days,
           array_agg(contact_date ORDER BY contact_date) FILTER (WHERE kind = 'SAMORDNAD_PLANERING') AS plan_days
      FROM contact
     WHERE project_id = :project AND contact_date <= :asOf
       AND kind IN ('GEMENSAM_KARTLAGGNING', 'SAMORDNAD_PLANERING')
     GROUP BY person_key
), firsts AS (
    SELECT f.episode_id, coalesce(f.end_date, :asOf) AS last_day,
           c.joint_days[width_bucket(f.start_date - 1, c.joint_days) + 1] AS joint,
           c.plan_days[width_bucket(f.start_date - 1, c.plan_days) + 1] AS plan
      FROM fact_base f
      LEFT JOIN contacts c ON c.person_key = f.person_key
), within AS (
    SELECT episode_id,
           CASE WHEN joint <= last_day THEN joint END AS joint,
           CASE WHEN plan <= last_day THEN plan END AS plan
      FROM firsts
)
SELECT episode_id,
       joint AS joint_assessment_date,
       plan AS coordinated_plan_date,
       joint IS NOT NULL AND plan IS NOT NULL AS coordinated
  FROM within;

ANALYZE fact_coordinated;
