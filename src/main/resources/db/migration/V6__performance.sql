-- Performance (issue 9). Measured with scripts/bench; see docs/performance.md.

-- The staging tables hold only the rows of files still being loaded (a file's rows are deleted when
-- it is merged), so the per-file queries read them whole anyway; an index on file_id only slowed
-- every COPY into them.
DROP INDEX stg_deltagare_file;
DROP INDEX stg_kontakter_file;
DROP INDEX stg_bedomning_file;
DROP INDEX stg_insatser_file;
DROP INDEX stg_bistand_file;
DROP INDEX stg_af_status_file;

-- An outcome run is reused by the next report or export of the same project and as-of date when
-- the register, the rules and the definitions are the same (OutcomeEngine): what it was made from.
ALTER TABLE outcome_run ADD COLUMN fingerprint text;
CREATE INDEX outcome_run_reuse ON outcome_run (project_id, as_of, fingerprint);

-- The event tables take most of the rows (insatser, payments, contacts: about 40 per episode). Their
-- foreign key to extract_file was checked row by row in every merge and cost about half of it
-- (81,207 insatser: 912 ms with it, 419 ms without). The merge takes file_id from a join with
-- extract_file, and extract_file rows are never deleted (the history keeps every file), so the key
-- held by construction; episode keeps its keys (one row per participation).
ALTER TABLE contact DROP CONSTRAINT contact_file_id_fkey;
ALTER TABLE assessment DROP CONSTRAINT assessment_file_id_fkey;
ALTER TABLE insats DROP CONSTRAINT insats_file_id_fkey;
ALTER TABLE payment DROP CONSTRAINT payment_file_id_fkey;
ALTER TABLE af_registration DROP CONSTRAINT af_registration_file_id_fkey;
