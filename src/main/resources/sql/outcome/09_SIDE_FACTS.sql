-- The episodes with what PROGRESSION and COORDINATED (04, 07) computed, one row each: the part of
-- episode_fact that 10_WRITE_FACTS.sql takes whole. These two need only the episodes (00), so the
-- computation's second connection computes them, and this join too, while the first runs the others
-- (SideComputation); with one connection this file runs there, in the same order.
-- Issue 9: 10 joined the episodes with seven tables of a million rows each while the second
-- connection was idle (13.0 s in psql at 1,000,000 episodes); joined here, on the side's spare time,
-- 10 joins four and took 9.4 s (see docs/performance.md, "Thirteenth session"; since the sixteenth,
-- status at entry is computed on the first connection and joined by 10).
-- Parameters: none
DROP TABLE IF EXISTS fact_side;

CREATE TEMP TABLE fact_side AS
SELECT b.*, p.progression_applies, p.moved_up,
       c.joint_assessment_date, c.coordinated_plan_date, c.coordinated
  FROM fact_base b
  LEFT JOIN fact_progression p ON p.episode_id = b.episode_id
  LEFT JOIN fact_coordinated c ON c.episode_id = b.episode_id;

ANALYZE fact_side;

DROP TABLE fact_progression, fact_coordinated;
