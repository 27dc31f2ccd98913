package se.uppfoljning.outcome;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Status at entry, PROGRESSION and COORDINATED (01, 04, 07) need only the episodes and the persons'
 * AF registrations (00), so they are computed on a second connection, and joined with the episodes
 * there (09), while the computation's own connection runs the chain 00, 02, 03, 05, 06, 08 (issue 9):
 * PostgreSQL runs each statement on one core, and while the facts are computed nothing else runs on
 * the other. ELIGIBLE stays on the first connection because it reads the months of payments
 * SELF_SUFFICIENT_3M keeps there (grouping payment by person and month on both connections cost about
 * 10 s twice). PROGRESSION's part that rests on the exit status is added by 10. The second connection
 * makes its own episodes and AF registrations (00) first, since temporary tables are private to a
 * session, and its own copy of the run's insats types, which the computation's transaction has not
 * committed yet (as pg_temp.insats_type, which PostgreSQL looks up before the table of that name).
 * At 1,000,000 episodes, with ELIGIBLE on the side and its own grouping of payment, the side took
 * 49 s (00, 01, 04, 08) against 43 s; see docs/performance.md, "Tenth session", for the sides then.
 *
 * <p>Its result (fact_side) is handed over as an unlogged table named after the first connection's
 * backend ({@code outcome_side_<pid>_fact_side}), committed by the second connection, and read by 10
 * through a temporary view under the usual name. The join of 09 was 10's work before, on the first
 * connection while this one idled (docs/performance.md, "Thirteenth session"). View and table are
 * dropped in the computation's own transaction; those of a computation that failed are dropped by the
 * next one on the same connection, or by any computation once their session is gone.
 */
final class SideComputation implements AutoCloseable {
    /** The definitions only the side runs; the computation's own connection leaves them out. */
    static final List<String> OWN = List.of("01_STATUS_AT_ENTRY", "04_PROGRESSION", "07_COORDINATED",
            "09_SIDE_FACTS");
    /** What the side runs: its own copy of the episodes and AF registrations (00), then {@link #OWN}. */
    private static final List<String> DEFINITIONS =
            Stream.concat(Stream.of("00_EPISODE_FACTS"), OWN.stream()).toList();
    /** What the side computes for 10, each a temporary table of the same name on the side. */
    static final List<String> RESULTS = List.of("fact_side");
    /** The side's own temporary tables, its copy of 00 included (its insats types go with the commit). */
    private static final String SIDE_TABLES = "fact_base, person_af, fact_side";

    /** Tables left by a computation whose session has ended (its process or connection died). */
    private static final String ORPHANS = """
            SELECT format('DROP TABLE IF EXISTS %I.%I', n.nspname, c.relname)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname ~ '^outcome_side_[0-9]+_'
               AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                                WHERE a.pid = substring(c.relname FROM '^outcome_side_([0-9]+)_')::int)""";

    private static final Logger log = LoggerFactory.getLogger(SideComputation.class);

    private final String prefix;
    private final ExecutorService thread;
    private final Future<?> done;

    private SideComputation(String prefix, ExecutorService thread, Future<?> done) {
        this.prefix = prefix;
        this.thread = thread;
        this.done = done;
    }

    /**
     * Starts the side on its own thread and transaction; {@code jdbc} runs on the computation's own
     * transaction here and on the side's there.
     */
    static SideComputation start(JdbcClient jdbc, TransactionTemplate sideTransaction, Map<String, SqlScript> scripts,
                                 Map<String, Object> parameters, long run, String projectId,
                                 Consumer<JdbcClient> insatsTypes) {
        int pid = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
        String prefix = "outcome_side_" + pid + "_";
        jdbc.sql(ORPHANS).query(String.class).list().forEach(drop -> jdbc.sql(drop).update());
        RESULTS.forEach(r -> jdbc.sql("DROP TABLE IF EXISTS " + prefix + r).update());
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outcome-side-" + run);
            t.setDaemon(true);
            return t;
        });
        Future<?> done = thread.submit(() -> sideTransaction.executeWithoutResult(status -> {
            // LIKE names the schema's table: the temporary one does not exist yet
            jdbc.sql("CREATE TEMP TABLE insats_type (LIKE insats_type) ON COMMIT DROP").update();
            insatsTypes.accept(jdbc);
            for (String d : DEFINITIONS) {
                long t0 = System.nanoTime();
                scripts.get(d).run(jdbc, parameters);
                log.info("outcome run {} for {}: {} in {} ms (second connection)", run, projectId, d,
                        (System.nanoTime() - t0) / 1_000_000);
            }
            for (String r : RESULTS) {
                jdbc.sql("CREATE UNLOGGED TABLE " + prefix + r + " AS TABLE " + r).update();
                // the first connection reads it through a view: planned from the table's statistics
                jdbc.sql("ANALYZE " + prefix + r).update();
            }
            jdbc.sql("DROP TABLE " + SIDE_TABLES).update();
        }));
        return new SideComputation(prefix, thread, done);
    }

    /** Waits for the side, then shows its results to this connection under their usual names. */
    void join(JdbcClient jdbc) {
        long t0 = System.nanoTime();
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the outcome facts were computed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("the second connection of the outcome computation failed", e.getCause());
        }
        long waited = (System.nanoTime() - t0) / 1_000_000;
        if (waited > 0) log.info("outcome facts: waited {} ms for the second connection", waited);
        for (String r : RESULTS) jdbc.sql("CREATE TEMP VIEW " + r + " AS SELECT * FROM " + prefix + r).update();
    }

    /** After 09, in the computation's own transaction: the views and the side's tables go. */
    void drop(JdbcClient jdbc) {
        jdbc.sql("DROP VIEW " + String.join(", ", RESULTS)).update();
        jdbc.sql("DROP TABLE " + String.join(", ", RESULTS.stream().map(r -> prefix + r).toList())).update();
    }

    /** Without join (the computation failed): the side is not waited for; its tables are left to the next. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
