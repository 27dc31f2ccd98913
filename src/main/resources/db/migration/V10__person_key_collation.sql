-- person_key compares byte by byte (issue 9, docs/performance.md "Sixth session").
-- A person key is 64 hexadecimal digits (an HMAC, SPEC §3): it has no language, but as char(64) in a
-- database created with a locale such as C.UTF-8 or sv_SE.UTF-8 every comparison went through the
-- C library's strcoll, and PostgreSQL 15 sorts such text without abbreviated keys. Sorting and
-- grouping by person is what the outcome SQL does most (a person's assessments, insatser, payments
-- and registrations become arrays), so it paid for it: at 1,000,000 episodes, on a copy of the
-- benchmark's register, PROGRESSION took 19.3 s instead of 22.7 s with "C" (its sort of 8.7 M
-- insatser by person 3.0 s instead of 6.3 s) and STATUS_EVENTS 4.8 s instead of 6.4 s.
-- The order of hexadecimal digits is the same in "C" as in any of those locales, so no result and no
-- file changes. Every column holding a person key gets the same collation: comparing two of them
-- needs one (the temporary tables of the outcome SQL take theirs from these; SusExport's say it).
ALTER TABLE person ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE stg_deltagare ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE stg_kontakter ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE stg_bedomning ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE stg_insatser ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE stg_bistand ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE stg_af_status ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE episode ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE contact ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE assessment ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE insats ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE payment ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE af_registration ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE episode_fact ALTER COLUMN person_key TYPE char(64) COLLATE "C";
ALTER TABLE export_row ALTER COLUMN person_key TYPE char(64) COLLATE "C";
