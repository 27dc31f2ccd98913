-- The registration files (SPEC §7): what every export wrote, so that the next delta is exact and any
-- export can be re-created byte for byte (docs/exports.md). No personnummer is kept here, in clear or
-- encrypted: a row names its person by person_key, and re-creating a file takes the number from the
-- register (episode.pnr_encrypted), so a number withdrawn from the register is gone from here too.

CREATE TABLE export_run (
    export_id         bigserial   PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('SUS', 'ESF', 'FINSAM')),
    project_id        text        NOT NULL,
    period            text,                  -- ESF: the month YYYY-MM; FINSAM: the period; SUS: NULL
    version           integer     NOT NULL DEFAULT 1,  -- ESF: 1 = the month's first delivery, 2.. its re-deliveries
    reason            text        NOT NULL CHECK (reason IN ('NEW', 'DELTA', 'CORRECTION', 'REISSUE')),
    as_of             date        NOT NULL,
    outcome_run_id    bigint,
    job_execution_id  bigint,
    file_name         text        NOT NULL,
    header            text[]      NOT NULL,  -- the header row as written
    pnr_column        integer,               -- 0-based column of the personnummer; NULL = no personnummer
    file_sha256       char(64)    NOT NULL,
    row_count         integer     NOT NULL,
    worklist_count    integer     NOT NULL DEFAULT 0,
    anonymous_count   integer     NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX export_run_project ON export_run (project_id, kind, period, export_id);

-- One row of an export. part 'file' rows are the registration file's rows in file order (line =
-- position + 1, the header being line 1); part 'removed' rows are the SUS removal list
-- (sus-registrering-att-makulera.csv) of the same export.
CREATE TABLE export_row (
    export_id    bigint   NOT NULL REFERENCES export_run (export_id) ON DELETE CASCADE,
    part         text     NOT NULL DEFAULT 'file' CHECK (part IN ('file', 'removed')),
    position     integer  NOT NULL,
    episode_key  text,                -- NULL in files without personal rows (FINSAM)
    event        text,                -- ESF: START or SLUT
    person_key   char(64),
    -- SHA-256 over the row's content without personnummer and without the change marker, plus person_key
    row_hash     char(64),
    marker       text,                -- SUS: NY, ANDRAD, AVSLUTAD or BORTTAGEN; ESF: the rattelse flag J/N
    cells        text[]   NOT NULL,   -- the row as written, without the personnummer column
    PRIMARY KEY (export_id, part, position)
);
CREATE INDEX export_row_episode ON export_row (episode_key, export_id);
