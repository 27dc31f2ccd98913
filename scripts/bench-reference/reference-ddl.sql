-- scripts/bench-reference/reference-ddl.sql — the baseline's tables: plain (logged, unindexed) tables with the
-- extract files' own columns, loaded with psql \copy exactly as delivered. Dates that PostgreSQL
-- parses itself (YYYY-MM-DD and YYYYMMDD) are typed; everything else stays text, so the baseline
-- does no validation, pseudonymisation, code mapping or encryption: it is the floor the pipeline is
-- measured against.
DROP SCHEMA IF EXISTS bench_ref CASCADE;
CREATE SCHEMA bench_ref;
SET search_path = bench_ref;

CREATE TABLE deltagare (
    personnummer text, team text, omrade text, startdatum date, slutdatum date, avslutsanledning text,
    sysselsattning_efter text, kon text, remittent text, utbildningsniva text, funktionsnedsattning text,
    arbetslos_sedan date, ersattning_start text, ersattning_slut text, samtycke text, skyddad text);
CREATE TABLE kontakter (personnummer text, datum date, typ text, aktorer text);
CREATE TABLE bedomning (personnummer text, datum date, steg smallint, typ text);
CREATE TABLE insatser (personnummer text, insats text, anordnare text, startdatum date, slutdatum date,
    timmar_per_vecka text);
CREATE TABLE bistand (personnummer text, manad text, belopp text, omrade text, hushallstyp text);
CREATE TABLE af_status (personnummer text, inskrivningsdatum date, sokandekategori text,
    avaktualiseringsdatum date, avaktualiseringsorsak text);

-- The few code mappings the headline indicators need (from jobs/sources/*.yml), as a table.
CREATE TABLE code (kind text, raw text, code text);
INSERT INTO code VALUES
  ('avslut', 'Enligt plan', 'ENLIGT_PLAN'), ('avslut', 'Fullföljt', 'ENLIGT_PLAN'), ('avslut', 'PLAN', 'ENLIGT_PLAN'),
  ('avslut', 'Avbrutit', 'AVBROTT'), ('avslut', 'Avbrott', 'AVBROTT'), ('avslut', 'Flyttat', 'FLYTT'),
  ('avslut', 'Överförd', 'OVERFORD'), ('avslut', 'ÖVERFÖRD', 'OVERFORD'), ('avslut', 'Felregistrerad', 'FELREG'),
  ('status', 'Arbete', 'ARBETE'), ('status', 'Lönestöd', 'ARBETE_SUBV'), ('status', 'Nystartsjobb', 'ARBETE_SUBV'),
  ('status', 'Introduktionsjobb', 'ARBETE_SUBV'), ('status', 'OSA', 'ARBETE_SUBV'),
  ('status', 'Skyddat arbete', 'ARBETE_SUBV'), ('status', 'Eget företag', 'EGET_FORETAG'),
  ('status', 'EGET_FÖRETAG', 'EGET_FORETAG'), ('status', 'Studier', 'STUDIER'),
  ('status', 'Arbetssökande', 'ARBETSSOKANDE'), ('status', 'ARBETSSÖKANDE', 'ARBETSSOKANDE'),
  ('status', 'Fortsatt rehabilitering', 'FORTSATT_REHAB'), ('status', 'Sjukskriven', 'SJUKSKRIVEN'),
  ('status', 'Övrigt', 'OVRIGT'), ('status', 'ÖVRIGT', 'OVRIGT'),
  ('avakt', '01', 'ARBETE'), ('avakt', 'Fått arbete', 'ARBETE'), ('avakt', '02', 'ARBETE_SUBV'),
  ('avakt', 'Fått arbete med stöd', 'ARBETE_SUBV'), ('avakt', '03', 'EGET_FORETAG'),
  ('avakt', 'Startat eget företag', 'EGET_FORETAG'), ('avakt', '04', 'STUDIER'),
  ('avakt', 'Börjat reguljär utbildning', 'STUDIER'), ('avakt', '05', 'FORTSATT_REHAB'),
  ('avakt', 'Övergått till arbetslivsinriktad rehabilitering', 'FORTSATT_REHAB'), ('avakt', '06', 'SJUKSKRIVEN'),
  ('avakt', 'Sjukskriven', 'SJUKSKRIVEN'), ('avakt', '07', 'OVRIGT'), ('avakt', 'Annan orsak', 'OVRIGT'),
  ('avakt', '08', 'OKAND'), ('avakt', 'Kontakten upphörd', 'OKAND'),
  -- insatser that are evidence of a status (SPEC §4 table), with the agencies' aliases
  ('insats', 'REHAB', 'FORTSATT_REHAB'), ('insats', 'FK-ALR', 'FORTSATT_REHAB'),
  ('insats', 'ARBETSTRANING', 'FORTSATT_REHAB'), ('insats', 'Arbetsträning', 'FORTSATT_REHAB'),
  ('insats', 'ARBETSTRÄNING', 'FORTSATT_REHAB'), ('insats', 'SFI', 'STUDIER'), ('insats', 'KOMVUX', 'STUDIER'),
  ('insats', 'Komvux', 'STUDIER'), ('insats', 'YRKESUTBILDNING', 'STUDIER'), ('insats', 'AF-AUB', 'STUDIER'),
  ('insats', 'NYSTARTSJOBB', 'ARBETE_SUBV'), ('insats', 'AF-NYS', 'ARBETE_SUBV'),
  ('insats', 'LONESTOD', 'ARBETE_SUBV'), ('insats', 'AF-LS', 'ARBETE_SUBV'),
  ('insats', 'INTRODUKTIONSJOBB', 'ARBETE_SUBV'), ('insats', 'STARTA_EGET', 'EGET_FORETAG'),
  ('insats', 'ANSTALLNING', 'ARBETE'), ('insats', 'Anställning', 'ARBETE');
