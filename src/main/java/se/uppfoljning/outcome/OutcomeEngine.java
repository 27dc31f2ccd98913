package se.uppfoljning.outcome;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.SourceProfile;
import se.uppfoljning.extract.Codes;

/**
 * Computes the outcome facts of every episode of a project for an as-of date: one SQL file per
 * definition of SPEC §5 (resources sql/outcome), run in order on the register. Evidence dated after
 * the as-of date is never used, so the same register and as-of date always give the same facts.
 */
@Component
public class OutcomeEngine {
    /** In dependency order: PROGRESSION and EMPLOYED_6M use EXIT_STATUS and the status events. */
    static final List<String> DEFINITIONS = List.of(
            "00_EPISODE_FACTS", "01_STATUS_AT_ENTRY", "02_STATUS_EVENTS", "03_EXIT_STATUS", "04_PROGRESSION",
            "05_SELF_SUFFICIENT_3M", "06_EMPLOYED_6M", "07_COORDINATED", "08_ELIGIBLE");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutcomeEngine.class);

    private final JdbcClient jdbc;
    private final Map<String, SqlScript> scripts = new HashMap<>();

    public OutcomeEngine(JdbcClient jdbc) {
        this.jdbc = jdbc;
        for (String d : DEFINITIONS) scripts.put(d, SqlScript.load("sql/outcome/" + d + ".sql"));
    }

    /** A new outcome run; returns its id. */
    @Transactional
    public long compute(ProjectConfig project, SourceProfile insatser, LocalDate asOf, Long jobExecutionId) {
        long run = jdbc.sql("INSERT INTO outcome_run (project_id, as_of, job_execution_id) VALUES (?, ?, ?) RETURNING run_id")
                .params(project.id(), asOf, jobExecutionId).query(Long.class).single();
        insertInsatsTypes(run, insatser);
        Map<String, Object> p = new HashMap<>();
        p.put("run", run);
        p.put("project", project.id());
        p.put("asOf", asOf);
        ProjectConfig.Eligibility e = project.eligibility();
        p.put("minAge", e.minAge());
        p.put("maxAge", e.maxAge());
        p.put("requiresAf", e.requires().contains("AF_REGISTERED"));
        p.put("requiresFs", e.requires().contains("FORSORJNINGSSTOD"));
        p.put("maxMonths", e.maxMonths() == null ? null
                : e.maxMonths() + (e.extensionMonths() == null ? 0 : e.extensionMonths()));
        for (String d : DEFINITIONS) {
            long t0 = System.nanoTime();
            scripts.get(d).run(jdbc, p);
            log.info("outcome run {} for {}: {} in {} ms", run, project.id(), d, (System.nanoTime() - t0) / 1_000_000);
        }
        return run;
    }

    /** The insats list as the profile has it; codes the profile leaves out get no ladder and no evidence. */
    private void insertInsatsTypes(long run, SourceProfile insatser) {
        for (String code : Codes.INSATS) {
            SourceProfile.InsatsType t = insatser.insatser().get(code);
            if (t == null) continue;
            jdbc.sql("INSERT INTO insats_type (run_id, code, ladder, evidence) VALUES (?, ?, ?, ?)")
                    .params(run, code, t.ladder(), t.evidence()).update();
        }
    }
}
