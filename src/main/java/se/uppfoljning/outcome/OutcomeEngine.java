package se.uppfoljning.outcome;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    /**
     * In dependency order: every definition reads the episodes of 00 (temporary tables, with the
     * persons' AF registrations), EXIT_STATUS and EMPLOYED_6M (one file) the status events of 00 and 02,
     * status at entry and ELIGIBLE (one file) the persons' months of payments that SELF_SUFFICIENT_3M
     * keeps; 09 joins the episodes with what 04 and 07 computed; 10 writes the run's facts from all of
     * it, one INSERT into the run's own table ({@link RunFactTable}), with the events the facts rest on,
     * and adds the exit status to PROGRESSION (issue 9).
     * The episodes (00_EPISODE_FACTS), 04, 07 and 09 run on a second connection meanwhile, unless that
     * is turned off ({@link SideComputation}).
     */
    static final List<String> DEFINITIONS = List.of(
            "00_PERSON_EVENTS", "00_EPISODE_FACTS", "02_STATUS_EVENTS", "03_EXIT_STATUS_EMPLOYED_6M",
            "04_PROGRESSION", "05_SELF_SUFFICIENT_3M", "07_COORDINATED", "08_STATUS_AT_ENTRY_ELIGIBLE",
            "09_SIDE_FACTS", "10_WRITE_FACTS");
    /** Those that need no episodes: with two connections they run while the second makes them. */
    private static final List<String> WITHOUT_EPISODES = List.of("00_PERSON_EVENTS");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutcomeEngine.class);

    private final JdbcClient jdbc;
    private final Map<String, SqlScript> scripts = new HashMap<>();
    /** The second connection's own transaction ({@link SideComputation}); null: one connection only. */
    private final TransactionTemplate side;

    /**
     * @param secondConnection {@code uppfoljning.outcome.second-connection}: make the episodes and
     *                         compute 04 and 07 on a second connection beside the others (default;
     *                         docs/operating.md)
     */
    public OutcomeEngine(JdbcClient jdbc, PlatformTransactionManager transactions,
                         @Value("${uppfoljning.outcome.second-connection:true}") boolean secondConnection) {
        this.jdbc = jdbc;
        for (String d : DEFINITIONS) scripts.put(d, SqlScript.load("sql/outcome/" + d + ".sql"));
        if (secondConnection) {
            side = new TransactionTemplate(transactions);
            side.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        } else {
            side = null;
        }
    }

    /**
     * The outcome run of the project as of this date; returns its id. Outcome facts depend only on
     * the register (the project's loaded files), the as-of date, the eligibility rules, the insats
     * list and the SQL itself, so a run already made from the same of all of these is reused: a
     * run-all that makes four reports and exports computes the facts once (issue 9). Only while its
     * facts are there: episode_fact's partitions are unlogged (V15, V18), and a crash of the database
     * server empties them.
     */
    @Transactional
    public long compute(ProjectConfig project, SourceProfile insatser, LocalDate asOf, Long jobExecutionId) {
        waitForOtherComputations(project.id(), asOf);
        Map<String, Object> p = parameters(project, asOf);
        // the project's start too: it is the first day of the "lifetime" period of the run's indicators
        String fingerprint = fingerprint(project.id() + "|" + project.start(), p, insatser);
        Optional<Long> same = jdbc.sql("""
                        SELECT run_id FROM outcome_run r
                         WHERE project_id = :project AND as_of = :asOf AND fingerprint = :fingerprint
                           AND (EXISTS (SELECT 1 FROM episode_fact f WHERE f.run_id = r.run_id)
                                OR NOT EXISTS (SELECT 1 FROM episode e WHERE e.project_id = :project
                                                                         AND NOT e.void AND e.start_date <= :asOf))
                         ORDER BY run_id DESC LIMIT 1""")
                .param("project", project.id()).param("asOf", asOf).param("fingerprint", fingerprint)
                .query(Long.class).optional();
        if (same.isPresent()) {
            log.info("outcome run {} for {} as of {} reused: same register, rules and definitions", same.get(),
                    project.id(), asOf);
            return same.get();
        }
        long run = jdbc.sql("""
                        INSERT INTO outcome_run (project_id, as_of, job_execution_id, fingerprint) VALUES (?, ?, ?, ?)
                        RETURNING run_id""")
                .params(project.id(), asOf, jobExecutionId, fingerprint).query(Long.class).single();
        insertInsatsTypes(jdbc, "insats_type", run, insatser);
        p.put("run", run);
        try (SideComputation second = side == null ? null
                : SideComputation.start(jdbc, side, scripts, p, run, project.id(),
                        sideJdbc -> insertInsatsTypes(sideJdbc, "pg_temp.insats_type", run, insatser))) {
            boolean episodes = second == null;
            for (String d : DEFINITIONS) {
                if (second != null && SideComputation.OWN.contains(d)) continue;
                if (!episodes && !WITHOUT_EPISODES.contains(d)) {
                    second.awaitEpisodes(jdbc);
                    episodes = true;
                }
                if (d.equals(WRITE_FACTS)) {
                    if (second != null) second.join(jdbc);
                    RunFactTable.create(jdbc, run);
                }
                long t0 = System.nanoTime();
                scripts.get(d).run(jdbc, p);
                log.info("outcome run {} for {}: {} in {} ms", run, project.id(), d,
                        (System.nanoTime() - t0) / 1_000_000);
            }
            long t0 = System.nanoTime();
            RunFactTable.attach(jdbc, run);
            log.info("outcome run {} for {}: facts attached and analysed in {} ms", run, project.id(),
                    (System.nanoTime() - t0) / 1_000_000);
            if (second != null) {
                second.drop(jdbc);
            } else {
                jdbc.sql("DROP TABLE " + String.join(", ", SideComputation.RESULTS) + ", "
                        + String.join(", ", SideComputation.EPISODES)).update();
            }
        }
        return run;
    }

    private static final String WRITE_FACTS = "10_WRITE_FACTS";

    /**
     * One computation per project and as-of date at a time: run-all starts the jobs after the ingest
     * two at a time (issue 9), and each job's first step asks for the same facts. The second asker
     * waits here until the first commits, then finds its run by the fingerprint and reuses it, rather
     * than computing the same facts again beside it. The lock is the transaction's; a hash collision
     * with another project only makes one wait for the other.
     */
    private void waitForOtherComputations(String projectId, LocalDate asOf) {
        long t0 = System.nanoTime();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('uppfoljning.outcomeRun'), hashtext(? || '|' || ?))")
                .params(projectId, asOf.toString()).query((rs, n) -> 0).list();
        long waited = (System.nanoTime() - t0) / 1_000_000;
        if (waited >= 1_000) {
            log.info("outcome facts for {} as of {}: waited {} ms for another job computing them", projectId, asOf,
                    waited);
        }
    }

    /*
     * ANALYZE is part of the SQL files: each file analyses the temporary table it fills (autovacuum
     * never analyses temporary tables), and RunFactTable analyses the run's facts. When the facts of
     * all runs shared one table, statistics from before a run knew nothing of its rows: once
     * autovacuum had analysed them, the planner took a new run for a handful of rows and chose nested
     * loops (10,000 episodes: 29 s instead of 0.3 s for EXIT_STATUS, 5 min instead of 0.7 s for
     * SELF_SUFFICIENT_3M). ANALYZE in this transaction counts its own new rows, so what reads them
     * next is planned for what is there. The temporary tables need the transaction of compute() too:
     * the files run on one connection.
     */

    private static Map<String, Object> parameters(ProjectConfig project, LocalDate asOf) {
        Map<String, Object> p = new HashMap<>();
        p.put("project", project.id());
        p.put("asOf", asOf);
        ProjectConfig.Eligibility e = project.eligibility();
        p.put("minAge", e.minAge());
        p.put("maxAge", e.maxAge());
        p.put("requiresAf", e.requires().contains("AF_REGISTERED"));
        p.put("requiresFs", e.requires().contains("FORSORJNINGSSTOD"));
        p.put("maxMonths", e.maxMonths() == null ? null
                : e.maxMonths() + (e.extensionMonths() == null ? 0 : e.extensionMonths()));
        return p;
    }

    /**
     * What the facts are made from: the project's files and their status (the register holds exactly
     * the rows of its loaded files), the episodes' count and highest id besides, the parameters, the
     * insats list and the text of every definition.
     */
    private String fingerprint(String projectAndStart, Map<String, Object> parameters, SourceProfile insatser) {
        String projectId = projectAndStart.substring(0, projectAndStart.indexOf('|'));
        String register = jdbc.sql("""
                        SELECT coalesce((SELECT string_agg(file_id || ':' || status, ',' ORDER BY file_id)
                                           FROM extract_file WHERE project_id = :project), '')
                               || '|' || (SELECT count(*) || ':' || coalesce(max(episode_id), 0)
                                            FROM episode WHERE project_id = :project)""")
                .param("project", projectId).query(String.class).single();
        StringBuilder b = new StringBuilder(projectAndStart).append('|').append(register).append('|')
                .append(new TreeMap<>(parameters));
        for (String code : Codes.INSATS) {
            SourceProfile.InsatsType t = insatser.insatser().get(code);
            if (t != null) b.append('|').append(code).append(':').append(t.ladder()).append(':').append(t.evidence());
        }
        for (String d : DEFINITIONS) b.append('|').append(scripts.get(d).text());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The insats list as the profile has it; codes the profile leaves out get no ladder and no
     * evidence. Into the run's rows of insats_type, and on the second connection, which cannot see
     * those before this transaction commits, into a temporary copy of its own.
     */
    private static void insertInsatsTypes(JdbcClient jdbc, String table, long run, SourceProfile insatser) {
        for (String code : Codes.INSATS) {
            SourceProfile.InsatsType t = insatser.insatser().get(code);
            if (t == null) continue;
            jdbc.sql("INSERT INTO " + table + " (run_id, code, ladder, evidence) VALUES (?, ?, ?, ?)")
                    .params(run, code, t.ladder(), t.evidence()).update();
        }
    }
}
