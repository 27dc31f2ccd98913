-- R15: the status events after each ended episode, as far as the as-of date knows. Evidence of
-- another agency is never linked to an anonymous participation (R12).
--   deltagare   the episode's own sysselsattning_efter, dated its end date
--   af_status   an avaktualiseringsorsak, dated the avaktualiseringsdatum
--   insatser    an insats whose profile names a sysselsattning, dated its start
--   af_status   an AF registration as ARBETSSOKANDE that is open, dated the later of its
--               inskrivningsdatum and the episode's end date
-- OKAND is never evidence.
-- EXIT_STATUS (03) and EMPLOYED_6M (06) each want the latest event in a window that starts at the
-- end date: end .. +28 days and end .. D (SPEC §5 order: the latest day, then the same-day rank
-- ARBETE > ... > OVRIGT, then the source in the order deltagare, af_status, insatser). This file
-- finds both (fact_window_event, one row per episode and window that has an event).
-- Issue 9: most events belong to the person, not to the episode, so they are listed once per person
-- (person_event, made by 00_PERSON_EVENTS.sql), in that order, the best of each day last: the latest
-- event up to a day is then one binary search (width_bucket: how many events are dated <= the day).
-- Pairing every ended episode with every later event of the person instead grew with the square of a
-- person's episodes: 30 s of the 1,000,000-episode benchmark, where the generator gives a person 45
-- episodes. Two events are the episode's own and dated its end date: the sysselsattning_efter, and an
-- ARBETSSOKANDE registration begun before the end date and open on it. An event's rank and source
-- travel as one number, rank * 10 + source (1 deltagare, 2 af_status, 3 insatser): the smaller wins
-- on a day.
-- Parameters: :run, :project, :asOf
DROP TABLE IF EXISTS fact_ended;

CREATE TEMP TABLE fact_ended AS
SELECT f.episode_id, f.person_key, f.anonymous, f.end_date, (f.end_date + interval '6 months')::date AS day,
       status_rank(e.status_after) * 10 + 1 AS own_code,
       -- an ARBETSSOKANDE registration begun before the end date and open on it (person_af: 00_EPISODE_FACTS)
       CASE WHEN NOT f.anonymous AND p.seeker_reach[width_bucket(f.end_date - 1, p.days)] >= f.end_date
            THEN status_rank('ARBETSSOKANDE') * 10 + 2 END AS registration_code
  FROM fact_base f
  JOIN episode e ON e.episode_id = f.episode_id
  LEFT JOIN person_af p ON p.person_key = f.person_key
 WHERE f.end_date IS NOT NULL;

ANALYZE fact_ended;

DROP TABLE IF EXISTS fact_window_event;

CREATE TEMP TABLE fact_window_event AS
WITH latest AS (
    -- the person's latest event up to each window's last day
    SELECT f.episode_id, f.end_date, f.own_code, f.registration_code, w.kind, p.days[w.i] AS day, p.codes[w.i] AS code
      FROM fact_ended f
      LEFT JOIN person_event p ON p.person_key = f.person_key AND NOT f.anonymous
     CROSS JOIN LATERAL (VALUES ('exit', width_bucket(f.end_date + 28, p.days)),
                                ('employed', width_bucket(f.day, p.days))) AS w (kind, i)
), chosen AS (
    -- after the end date it wins; on the end date it meets the episode's own two
    SELECT episode_id, kind,
           CASE WHEN day > end_date THEN day ELSE end_date END AS event_date,
           CASE WHEN day > end_date THEN code
                ELSE least(CASE WHEN day = end_date THEN code END, own_code, registration_code) END AS code
      FROM latest
)
SELECT episode_id, kind, event_date,
       status_of_rank(code / 10) AS status,
       (ARRAY['deltagare', 'af_status', 'insatser'])[code % 10] AS source
  FROM chosen
 WHERE code IS NOT NULL;

ANALYZE fact_window_event;
