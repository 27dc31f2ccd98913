-- Stands in for 00_EPISODE_FACTS.sql in SecondConnectionTest: the second connection fails while it
-- makes the episodes the first one waits for.
SELECT 1 / 0;
