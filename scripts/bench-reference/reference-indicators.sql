-- scripts/bench-reference/reference-indicators.sql — the baseline's computation: the headline indicators of
-- one period, written directly against the raw tables of reference-ddl.sql, as a careful analyst
-- would with psql. psql variables: from, to (the period), asof (the data cut).
-- Per gender and team (and their totals, GROUPING SETS): persons new, active and ended in the
-- period; exits by group (work, studies, job seeking, other; latest status evidence in the 28 days
-- after the end, SPEC §5); progression (latest assessment step above the first); self-sufficiency
-- (no payment in the three months after the exit month, where measurable); coordination (a joint
-- mapping with two or more agencies and a coordinated planning during the episode).
-- It touches every extract, as the pipeline's outcome computation does, but skips what only the
-- pipeline does: eligibility, status at entry, employment at six months, support before/after,
-- ESF indicators, suppression.
SET search_path = bench_ref;
\set ON_ERROR_STOP on
WITH
ep AS (  -- episodes; a person is the 12 digits of the personnummer (century as in SPEC §3)
    SELECT row_number() OVER () AS id, p.pnr, substr(p.pnr, 11, 1)::int % 2 AS male, d.team,
           d.startdatum AS start_date, d.slutdatum AS end_date,
           coalesce(s.code, d.sysselsattning_efter) AS status_after
      FROM deltagare d
      CROSS JOIN LATERAL (SELECT CASE WHEN length(dg) = 12 THEN dg
                                      WHEN d.personnummer LIKE '%+%' THEN '19' || dg
                                      WHEN ('20' || substr(dg, 1, 6)) <= to_char(date :'asof', 'YYYYMMDD') THEN '20' || dg
                                      ELSE '19' || dg END AS pnr
                            FROM (SELECT regexp_replace(d.personnummer, '\D', '', 'g') AS dg) x) p
      LEFT JOIN code a ON a.kind = 'avslut' AND a.raw = d.avslutsanledning
      LEFT JOIN code s ON s.kind = 'status' AND s.raw = d.sysselsattning_efter
     WHERE coalesce(a.code, d.avslutsanledning, '') <> 'FELREG' AND d.startdatum <= date :'asof'),
pk AS (  -- the same normalisation for the agencies' files
    SELECT personnummer AS raw,
           CASE WHEN length(dg) = 12 THEN dg WHEN personnummer LIKE '%+%' THEN '19' || dg
                WHEN ('20' || substr(dg, 1, 6)) <= to_char(date :'asof', 'YYYYMMDD') THEN '20' || dg
                ELSE '19' || dg END AS pnr
      FROM (SELECT DISTINCT personnummer, regexp_replace(personnummer, '\D', '', 'g') AS dg
              FROM (SELECT personnummer FROM af_status UNION ALL SELECT personnummer FROM insatser
                    UNION ALL SELECT personnummer FROM bistand UNION ALL SELECT personnummer FROM bedomning
                    UNION ALL SELECT personnummer FROM kontakter) u) x),
evidence AS (
    SELECT pk.pnr, f.avaktualiseringsdatum AS d, c.code AS status
      FROM af_status f JOIN pk ON pk.raw = f.personnummer
      JOIN code c ON c.kind = 'avakt' AND c.raw = f.avaktualiseringsorsak
     WHERE f.avaktualiseringsdatum <= date :'asof'
    UNION ALL
    SELECT pk.pnr, i.startdatum, c.code
      FROM insatser i JOIN pk ON pk.raw = i.personnummer
      JOIN code c ON c.kind = 'insats' AND c.raw = i.insats
     WHERE i.startdatum <= date :'asof'),
ended AS (
    SELECT * FROM ep
     WHERE end_date BETWEEN date :'from' AND date :'to' AND end_date <= date :'asof'),
window_events AS (  -- status evidence in the 28 days after each end (SPEC §5 EXIT_STATUS)
    SELECT e.id, e.end_date AS d, e.status_after AS status FROM ended e WHERE e.status_after IS NOT NULL
    UNION ALL
    SELECT e.id, x.d, x.status FROM ended e JOIN evidence x ON x.pnr = e.pnr
     WHERE x.d BETWEEN e.end_date AND e.end_date + 28
    UNION ALL
    SELECT e.id, greatest(f.inskrivningsdatum, e.end_date), 'ARBETSSOKANDE'
      FROM ended e JOIN pk ON pk.pnr = e.pnr JOIN af_status f ON f.personnummer = pk.raw
     WHERE f.inskrivningsdatum <= e.end_date + 28
       AND (f.avaktualiseringsdatum IS NULL OR f.avaktualiseringsdatum >= e.end_date)
       AND coalesce(f.sokandekategori, '11') IN ('ARBETSSOKANDE', '11', '12', '14', '15', '22', '68', '69', '70',
           '71', '72', '73', '74', '75', '76', '77')),
exit AS (
    SELECT DISTINCT ON (id) id, status FROM window_events WHERE d <= date :'asof'
     ORDER BY id, d DESC, array_position(ARRAY['ARBETE', 'ARBETE_SUBV', 'EGET_FORETAG', 'STUDIER',
              'ARBETSSOKANDE', 'FORTSATT_REHAB', 'SJUKSKRIVEN', 'OVRIGT'], status)),
paid AS (
    SELECT DISTINCT pk.pnr, to_date(b.manad, 'YYYY-MM') AS month
      FROM bistand b JOIN pk ON pk.raw = b.personnummer),
self_sufficient AS (
    SELECT e.id, CASE WHEN date_trunc('month', e.end_date) + interval '3 months' > (SELECT max(month) FROM paid)
                      THEN NULL ELSE count(p.month) = 0 END AS yes
      FROM ended e LEFT JOIN paid p ON p.pnr = e.pnr AND p.month > date_trunc('month', e.end_date)
                                    AND p.month <= date_trunc('month', e.end_date) + interval '3 months'
     GROUP BY e.id, e.end_date),
progression AS (
    SELECT e.id, (array_agg(b.steg ORDER BY b.datum DESC))[1] > (array_agg(b.steg ORDER BY b.datum))[1] AS yes
      FROM ended e JOIN pk ON pk.pnr = e.pnr JOIN bedomning b ON b.personnummer = pk.raw
     WHERE b.datum BETWEEN e.start_date AND e.end_date AND b.datum <= date :'asof'
     GROUP BY e.id),
coordination AS (
    SELECT e.id, bool_or(k.typ = 'GEMENSAM_KARTLAGGNING' AND k.aktorer LIKE '%|%')
                 AND bool_or(k.typ = 'SAMORDNAD_PLANERING') AS yes
      FROM ended e JOIN pk ON pk.pnr = e.pnr JOIN kontakter k ON k.personnummer = pk.raw
     WHERE k.datum BETWEEN e.start_date AND e.end_date AND k.datum <= date :'asof'
     GROUP BY e.id),
facts AS (
    SELECT e.id, e.pnr, coalesce(x.status, 'OKAND') AS exit_status, s.yes AS self_sufficient,
           p.yes AS progressed, c.yes AS coordinated
      FROM ended e LEFT JOIN exit x ON x.id = e.id LEFT JOIN self_sufficient s ON s.id = e.id
      LEFT JOIN progression p ON p.id = e.id LEFT JOIN coordination c ON c.id = e.id)
SELECT CASE WHEN grouping(a.male) = 0 THEN CASE a.male WHEN 1 THEN 'M' ELSE 'K' END END AS gender,
       a.team,
       count(DISTINCT a.pnr) FILTER (WHERE a.start_date BETWEEN date :'from' AND date :'to') AS part_new,
       count(DISTINCT a.pnr) AS part_active,
       count(DISTINCT a.pnr) FILTER (WHERE a.end_date BETWEEN date :'from' AND date :'to') AS part_ended,
       count(DISTINCT f.pnr) FILTER (WHERE f.exit_status IN ('ARBETE', 'ARBETE_SUBV', 'EGET_FORETAG')) AS exit_work,
       count(DISTINCT f.pnr) FILTER (WHERE f.exit_status = 'STUDIER') AS exit_studies,
       count(DISTINCT f.pnr) FILTER (WHERE f.exit_status = 'ARBETSSOKANDE') AS exit_jobseeking,
       count(DISTINCT f.pnr) FILTER (WHERE f.exit_status NOT IN ('ARBETE', 'ARBETE_SUBV', 'EGET_FORETAG',
                                                                 'STUDIER', 'ARBETSSOKANDE')) AS exit_other,
       count(DISTINCT f.pnr) FILTER (WHERE f.self_sufficient) AS self_sufficient_3m,
       count(DISTINCT f.pnr) FILTER (WHERE f.self_sufficient IS NOT NULL) AS self_sufficient_3m_base,
       count(f.id) FILTER (WHERE f.progressed) AS progression,
       count(DISTINCT f.pnr) FILTER (WHERE f.coordinated) AS coordinated
  FROM ep a
  LEFT JOIN facts f ON f.id = a.id
 WHERE a.start_date <= date :'to' AND (a.end_date IS NULL OR a.end_date >= date :'from')
 GROUP BY GROUPING SETS ((a.male, a.team), (a.male), (a.team), ())
 ORDER BY 1 NULLS LAST, 2 NULLS LAST;
