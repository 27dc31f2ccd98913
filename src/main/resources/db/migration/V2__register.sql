-- The file registry, staging, the participant register and rejects (SPEC §4).
-- Staging tables use the extract's own (Swedish) column names; the register uses English names.
-- The merge from one to the other (register/merge-*.sql) is where the two meet.

CREATE TABLE extract_file (
    file_id           bigserial PRIMARY KEY,
    project_id        text        NOT NULL,
    source            text        NOT NULL,
    scope             text        NOT NULL,   -- source + file name without the delivery-date suffix
    file_name         text        NOT NULL,
    file_path         text        NOT NULL,
    delivery_date     date        NOT NULL,
    sha256            char(64)    NOT NULL,
    size_bytes        bigint      NOT NULL,
    encoding          text,                   -- UTF-8, UTF-8 (BOM), windows-1252, UTF-16 or XLSX
    status            text        NOT NULL DEFAULT 'PENDING'
                      CHECK (status IN ('PENDING', 'LOADED', 'FAILED', 'SUPERSEDED')),
    rows_read         integer,
    rows_loaded       integer,
    rows_rejected     integer,
    message_sv        text,
    message_en        text,
    superseded_by     bigint REFERENCES extract_file (file_id),
    job_execution_id  bigint,
    registered_at     timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    CONSTRAINT extract_file_counts_add_up
        CHECK (status NOT IN ('LOADED', 'SUPERSEDED', 'FAILED') OR rows_read = rows_loaded + rows_rejected)
);
-- Re-delivering identical content is a no-op: the same bytes are registered once per project and source.
CREATE UNIQUE INDEX extract_file_content ON extract_file (project_id, source, sha256);
CREATE INDEX extract_file_scope ON extract_file (project_id, scope, status);

CREATE TABLE reject (
    file_id     bigint  NOT NULL REFERENCES extract_file (file_id) ON DELETE CASCADE,
    line        integer NOT NULL,
    field       text    NOT NULL,
    value       text,             -- personnummer masked as YYYYMMDD-****
    reason      text    NOT NULL,
    message_sv  text    NOT NULL,
    message_en  text    NOT NULL,
    PRIMARY KEY (file_id, line)
);

-- A person: the pseudonymised key (HMAC-SHA256 of the 12-digit number under the installation's
-- secret) and what the number itself says. The number is never stored here.
CREATE TABLE person (
    person_key    char(64) PRIMARY KEY,
    birth_date    date     NOT NULL,
    legal_gender  char(1)  NOT NULL CHECK (legal_gender IN ('K', 'M'))
);

-- ---------------------------------------------------------------- staging (unlogged, per file)
CREATE UNLOGGED TABLE stg_deltagare (
    file_id bigint NOT NULL, line integer NOT NULL,
    person_key char(64) NOT NULL, birth_date date NOT NULL, legal_gender char(1) NOT NULL,
    pnr_encrypted bytea,
    team text, omrade text, startdatum date, slutdatum date, avslutsanledning text,
    sysselsattning_efter text, kon text, remittent text, utbildningsniva text,
    funktionsnedsattning text, arbetslos_sedan date, ersattning_start text[], ersattning_slut text[],
    samtycke text, skyddad text, raw_codes jsonb
);
CREATE UNLOGGED TABLE stg_kontakter (
    file_id bigint NOT NULL, line integer NOT NULL,
    person_key char(64) NOT NULL, birth_date date NOT NULL, legal_gender char(1) NOT NULL,
    datum date, typ text, aktorer text[], raw_codes jsonb
);
CREATE UNLOGGED TABLE stg_bedomning (
    file_id bigint NOT NULL, line integer NOT NULL,
    person_key char(64) NOT NULL, birth_date date NOT NULL, legal_gender char(1) NOT NULL,
    datum date, steg smallint, typ text, raw_codes jsonb
);
CREATE UNLOGGED TABLE stg_insatser (
    file_id bigint NOT NULL, line integer NOT NULL,
    person_key char(64) NOT NULL, birth_date date NOT NULL, legal_gender char(1) NOT NULL,
    insats text, anordnare text, startdatum date, slutdatum date, timmar_per_vecka numeric(6, 2),
    raw_codes jsonb
);
CREATE UNLOGGED TABLE stg_bistand (
    file_id bigint NOT NULL, line integer NOT NULL,
    person_key char(64) NOT NULL, birth_date date NOT NULL, legal_gender char(1) NOT NULL,
    manad date, belopp numeric(12, 2), omrade text, hushallstyp text, raw_codes jsonb
);
CREATE UNLOGGED TABLE stg_af_status (
    file_id bigint NOT NULL, line integer NOT NULL,
    person_key char(64) NOT NULL, birth_date date NOT NULL, legal_gender char(1) NOT NULL,
    inskrivningsdatum date, sokandekategori text, avaktualiseringsdatum date,
    avaktualiseringsorsak text, raw_codes jsonb
);
CREATE INDEX stg_deltagare_file ON stg_deltagare (file_id);
CREATE INDEX stg_kontakter_file ON stg_kontakter (file_id);
CREATE INDEX stg_bedomning_file ON stg_bedomning (file_id);
CREATE INDEX stg_insatser_file ON stg_insatser (file_id);
CREATE INDEX stg_bistand_file ON stg_bistand (file_id);
CREATE INDEX stg_af_status_file ON stg_af_status (file_id);

-- ---------------------------------------------------------------- the participant register
CREATE TABLE episode (
    episode_id          bigserial PRIMARY KEY,
    -- stable across re-deliveries: what exports and worklists refer to
    episode_key         text     NOT NULL,
    project_id          text     NOT NULL,
    file_id             bigint   NOT NULL REFERENCES extract_file (file_id),
    line                integer  NOT NULL,
    person_key          char(64) NOT NULL REFERENCES person (person_key),
    pnr_encrypted       bytea,   -- AES-GCM; NULL for anonymous participations (SPEC §3)
    birth_date          date     NOT NULL,
    legal_gender        char(1)  NOT NULL,
    team                text     NOT NULL,
    area                text     NOT NULL,
    start_date          date     NOT NULL,
    end_date            date,
    end_reason          text,
    status_after        text,
    reported_gender     char(1),             -- kon: K, M or X
    referrer            text,
    education           text,
    disability          boolean,
    unemployed_since    date,
    support_start       text[]   NOT NULL DEFAULT '{}',
    support_end         text[]   NOT NULL DEFAULT '{}',
    consent             boolean  NOT NULL,
    protected_identity  boolean  NOT NULL,
    anonymous           boolean  GENERATED ALWAYS AS (NOT consent OR protected_identity) STORED,
    void                boolean  GENERATED ALWAYS AS (coalesce(end_reason = 'FELREG', false)) STORED,
    raw_codes           jsonb,
    CHECK (anonymous = false OR pnr_encrypted IS NULL)
);
CREATE INDEX episode_project_person ON episode (project_id, person_key);
CREATE INDEX episode_file ON episode (file_id);

CREATE TABLE contact (
    project_id text NOT NULL, file_id bigint NOT NULL REFERENCES extract_file (file_id), line integer NOT NULL,
    person_key char(64) NOT NULL,
    contact_date date NOT NULL, kind text NOT NULL, actors text[] NOT NULL DEFAULT '{}', raw_codes jsonb
);
CREATE TABLE assessment (
    project_id text NOT NULL, file_id bigint NOT NULL REFERENCES extract_file (file_id), line integer NOT NULL,
    person_key char(64) NOT NULL,
    assessed_on date NOT NULL, step smallint NOT NULL, kind text, raw_codes jsonb
);
CREATE TABLE insats (
    project_id text NOT NULL, file_id bigint NOT NULL REFERENCES extract_file (file_id), line integer NOT NULL,
    person_key char(64) NOT NULL,
    insats text NOT NULL, provider text NOT NULL, start_date date NOT NULL, end_date date,
    hours_per_week numeric(6, 2), raw_codes jsonb
);
CREATE TABLE payment (
    project_id text NOT NULL, file_id bigint NOT NULL REFERENCES extract_file (file_id), line integer NOT NULL,
    person_key char(64) NOT NULL,
    month date NOT NULL, amount numeric(12, 2) NOT NULL, area text, household_type text, raw_codes jsonb
);
CREATE TABLE af_registration (
    project_id text NOT NULL, file_id bigint NOT NULL REFERENCES extract_file (file_id), line integer NOT NULL,
    person_key char(64) NOT NULL,
    registered_on date NOT NULL, category text NOT NULL, deregistered_on date, deregistration_status text,
    raw_codes jsonb
);
CREATE INDEX contact_person ON contact (project_id, person_key);
CREATE INDEX assessment_person ON assessment (project_id, person_key);
CREATE INDEX insats_person ON insats (project_id, person_key);
CREATE INDEX payment_person ON payment (project_id, person_key);
CREATE INDEX af_registration_person ON af_registration (project_id, person_key);
CREATE INDEX contact_file ON contact (file_id);
CREATE INDEX assessment_file ON assessment (file_id);
CREATE INDEX insats_file ON insats (file_id);
CREATE INDEX payment_file ON payment (file_id);
CREATE INDEX af_registration_file ON af_registration (file_id);
