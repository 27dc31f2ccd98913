-- The event tables' indexes (issue 9, docs/performance.md "Sixth session"). Measured with scripts/bench.

-- The five event tables had a btree on (project_id, person_key) each, from the time the outcome SQL
-- looked up a person's rows per episode. It no longer does: every definition reads a project's rows
-- whole and joins them by hash, and after a whole run-all at 1,000,000 episodes (25.5 M extract rows)
-- pg_stat_user_indexes counted 0 scans of insats_person, payment_person and contact_person, 1 of
-- assessment_person and 2 of af_registration_person. Building them was the largest part of the
-- register load: payment_person 12.3 s alone and 25.3 s beside the other side's load, insats_person
-- 17.9 s, 1.3 GB and 0.95 GB of index (and as much WAL) for 11.7 M and 8.7 M rows.
-- What the queries do need is to find a project's rows among other projects': a BRIN index on
-- project_id does that for the cost of one pass over the table (1.4 s for payment, 136 kB), since a
-- project's rows go in file by file and so lie in runs of pages. The (file_id) btrees stay: a later
-- delivery of a scope deletes the earlier file's rows by file_id. episode keeps its
-- (project_id, person_key) index: the exports and the overlap check look up a person's episodes.
DROP INDEX contact_person;
DROP INDEX assessment_person;
DROP INDEX insats_person;
DROP INDEX payment_person;
DROP INDEX af_registration_person;
CREATE INDEX contact_project ON contact USING brin (project_id);
CREATE INDEX assessment_project ON assessment USING brin (project_id);
CREATE INDEX insats_project ON insats USING brin (project_id);
CREATE INDEX payment_project ON payment USING brin (project_id);
CREATE INDEX af_registration_project ON af_registration USING brin (project_id);
