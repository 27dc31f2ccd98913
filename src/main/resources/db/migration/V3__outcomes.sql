-- Outcome facts per episode for one run (project + as-of date), and the indicator values computed
-- from them per period, kept per run so that a report can be reproduced later (SPEC §5, §6).

CREATE TABLE outcome_run (
    run_id            bigserial   PRIMARY KEY,
    project_id        text        NOT NULL,
    as_of             date        NOT NULL,
    job_execution_id  bigint,
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- The insats list with ladder level and evidence, copied from jobs/sources/insatser.yml at each run.
CREATE TABLE insats_type (
    run_id    bigint  NOT NULL REFERENCES outcome_run (run_id) ON DELETE CASCADE,
    code      text    NOT NULL,
    ladder    smallint NOT NULL,
    evidence  text,
    PRIMARY KEY (run_id, code)
);

CREATE TABLE episode_fact (
    run_id                    bigint  NOT NULL REFERENCES outcome_run (run_id) ON DELETE CASCADE,
    episode_id                bigint  NOT NULL,
    episode_key               text    NOT NULL,
    person_key                char(64) NOT NULL,
    anonymous                 boolean NOT NULL,
    start_date                date    NOT NULL,
    end_date                  date,             -- NULL while the episode runs at the as-of date
    end_reason                text,
    gender                    text    NOT NULL, -- kvinna, man, ickebinar or okand (R10)
    age_at_start              integer NOT NULL,
    age_band                  text    NOT NULL,
    age_band_fine             text    NOT NULL,
    team                      text    NOT NULL,
    area                      text    NOT NULL,
    referrer                  text    NOT NULL,
    support_group_start       text    NOT NULL,
    support_group_end         text,
    education                 text    NOT NULL,
    disability                text    NOT NULL,
    -- status at entry (ESF)
    registered_unemployed     boolean,
    status_at_entry           text,
    long_term_unemployed      boolean,
    -- EXIT_STATUS
    exit_status               text,
    exit_evidence_source      text,
    exit_evidence_date        date,
    exit_preliminary          boolean,
    -- PROGRESSION
    progression_applies       boolean,
    progressed                boolean,
    -- SELF_SUFFICIENT_3M and SUPPORT_REDUCED
    self_sufficient_measurable boolean,
    self_sufficient           boolean,
    support_reduced_measurable boolean,
    support_reduced           boolean,
    support_before_mean       numeric(12, 2),
    support_after_mean        numeric(12, 2),
    -- EMPLOYED_6M
    employed_6m_day           date,
    employed_6m_measurable    boolean,
    employed_6m               boolean,
    -- COORDINATED
    joint_assessment_date     date,
    coordinated_plan_date     date,
    coordinated               boolean,
    -- ELIGIBLE
    findings                  text[]  NOT NULL DEFAULT '{}',
    eligible                  boolean,
    PRIMARY KEY (run_id, episode_id)
);
CREATE INDEX episode_fact_person ON episode_fact (run_id, person_key);

CREATE TABLE indicator_value (
    run_id           bigint  NOT NULL REFERENCES outcome_run (run_id) ON DELETE CASCADE,
    period           text    NOT NULL,
    indicator        text    NOT NULL,
    breakdown        text    NOT NULL,
    breakdown_value  text    NOT NULL,
    gender           text    NOT NULL,
    value            numeric NOT NULL,
    PRIMARY KEY (run_id, period, indicator, breakdown, breakdown_value, gender)
);

-- Status events after an episode's end (R15): the evidence EXIT_STATUS and EMPLOYED_6M rest on.
CREATE TABLE status_event (
    run_id      bigint   NOT NULL REFERENCES outcome_run (run_id) ON DELETE CASCADE,
    episode_id  bigint   NOT NULL,
    status      text     NOT NULL,
    source      text     NOT NULL,
    event_date  date     NOT NULL,
    rank        smallint NOT NULL   -- same-day order of SPEC §5: 1 ARBETE .. 8 OVRIGT
);
CREATE INDEX status_event_episode ON status_event (run_id, episode_id, event_date);

-- SPEC §4: income support grouped as SCB does, from one ersattning code (R28 names).
CREATE FUNCTION support_group(code text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
               WHEN code IN ('SJUKPENNING', 'AKTIVITETSERSATTNING', 'SJUKERSATTNING') THEN 'ohalsa'
               WHEN code IN ('A_KASSA', 'AKTIVITETSSTOD', 'ETABLERINGSERSATTNING') THEN 'arbetsmarknadsstod'
               WHEN code = 'FORSORJNINGSSTOD' THEN 'ekonomiskt_bistand'
               WHEN code IN ('LON', 'LON_SUBV', 'FORETAG') THEN 'egen_forsorjning'
               WHEN code = 'STUDIEMEDEL' THEN 'studier'
               ELSE 'ovrigt'
           END
$$;

-- SPEC §5: the same-day ranking of sysselsattning; OKAND is never evidence (R15).
CREATE FUNCTION status_rank(status text) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE status
               WHEN 'ARBETE' THEN 1 WHEN 'ARBETE_SUBV' THEN 2 WHEN 'EGET_FORETAG' THEN 3
               WHEN 'STUDIER' THEN 4 WHEN 'ARBETSSOKANDE' THEN 5 WHEN 'FORTSATT_REHAB' THEN 6
               WHEN 'SJUKSKRIVEN' THEN 7 WHEN 'OVRIGT' THEN 8
           END::smallint
$$;

-- The work group: ARBETE, ARBETE_SUBV, EGET_FORETAG.
CREATE FUNCTION is_work(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(status IN ('ARBETE', 'ARBETE_SUBV', 'EGET_FORETAG'), false)
$$;
