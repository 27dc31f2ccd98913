package se.uppfoljning.outcome;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * PROGRESSION and COORDINATED (04, 07) need only the episodes and the persons' AF registrations (00),
 * so they are computed on a second connection, and joined with the episodes there (09), while the
 * computation's own connection runs 00_PERSON_EVENTS, 02, 03, 05, 08 (issue 9): PostgreSQL runs
 * each statement on one core, and while the facts are computed nothing else runs on the other. ELIGIBLE
 * stays on the first connection because it reads the months of payments SELF_SUFFICIENT_3M keeps there
 * (grouping payment by person and month on both connections cost about 10 s twice). PROGRESSION's part
 * that rests on the exit status is added by 10. The second connection has its own copy of the run's
 * insats types, which the computation's transaction has not committed yet (as pg_temp.insats_type,
 * which PostgreSQL looks up before the table of that name). Which definitions run where only balances
 * the two sides: see docs/performance.md, "Tenth session" and "Sixteenth session", for the sides then.
 *
 * <p>The episodes and AF registrations (00) are made once, by the second connection, in a transaction
 * of their own, and handed over to both connections: each made them before (5-7 s at 1,000,000
 * episodes, on the first connection's longer chain), and the first makes the persons' status events
 * (00_PERSON_EVENTS, which needs no episodes) meanwhile (docs/performance.md, "Sixteenth session").
 * The side's result (fact_side) is handed over the same way when it is done.
 *
 * <p>What is handed over is an unlogged table named after the first connection's backend (e.g.
 * {@code outcome_side_<pid>_fact_side}), committed by the second connection, and read through a
 * temporary view under the usual name. The join of 09 was 10's work before, on the first connection
 * while this one idled (docs/performance.md, "Thirteenth session"). Views and tables are dropped in
 * the computation's own transaction; those of a computation that failed are dropped by the next one on
 * the same connection, or by any computation once their session is gone.
 */
final class SideComputation implements AutoCloseable {
    /** The episodes (00), which the side makes first, in a transaction of their own. */
    private static final String EPISODE_FACTS = "00_EPISODE_FACTS";
    /** What the side computes after them, and hands over as fact_side. */
    private static final List<String> AFTER_EPISODES = List.of("04_PROGRESSION", "07_COORDINATED", "09_SIDE_FACTS");
    /** The definitions only the side runs; the computation's own connection leaves them out. */
    static final List<String> OWN = Stream.concat(Stream.of(EPISODE_FACTS), AFTER_EPISODES.stream()).toList();
    /** What the side makes first and hands over (00), each a temporary table of the same name there. */
    static final List<String> EPISODES = List.of("fact_base", "person_af");
    /** What the side computes for 10, each a temporary table of the same name on the side. */
    static final List<String> RESULTS = List.of("fact_side");
    private static final List<String> HANDED_OVER = Stream.concat(EPISODES.stream(), RESULTS.stream()).toList();

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
    private final CompletableFuture<Void> episodes;
    private final Future<?> done;

    private SideComputation(String prefix, ExecutorService thread, CompletableFuture<Void> episodes, Future<?> done) {
        this.prefix = prefix;
        this.thread = thread;
        this.episodes = episodes;
        this.done = done;
    }

    /**
     * Starts the side on its own thread and transactions; {@code jdbc} runs on the computation's own
     * transaction here and on the side's there.
     */
    static SideComputation start(JdbcClient jdbc, TransactionTemplate sideTransaction, Map<String, SqlScript> scripts,
                                 Map<String, Object> parameters, long run, String projectId,
                                 Consumer<JdbcClient> insatsTypes) {
        int pid = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
        String prefix = "outcome_side_" + pid + "_";
        jdbc.sql(ORPHANS).query(String.class).list().forEach(drop -> jdbc.sql(drop).update());
        HANDED_OVER.forEach(t -> jdbc.sql("DROP TABLE IF EXISTS " + prefix + t).update());
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outcome-side-" + run);
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Void> episodes = new CompletableFuture<>();
        Consumer<String> definition = d -> {
            long t0 = System.nanoTime();
            scripts.get(d).run(jdbc, parameters);
            log.info("outcome run {} for {}: {} in {} ms (second connection)", run, projectId, d,
                    (System.nanoTime() - t0) / 1_000_000);
        };
        Future<?> done = thread.submit(() -> {
            // Two transactions, perhaps on two pooled connections: the second reads the episodes
            // through views of what the first committed, as the computation's own connection does.
            try {
                sideTransaction.executeWithoutResult(status -> {
                    definition.accept(EPISODE_FACTS);
                    handOver(jdbc, prefix, EPISODES);
                });
            } catch (RuntimeException | Error e) {
                episodes.completeExceptionally(e);   // the first connection may be waiting for them
                throw e;
            }
            episodes.complete(null);
            sideTransaction.executeWithoutResult(status -> {
                showAsViews(jdbc, prefix, EPISODES);
                // LIKE names the schema's table: the temporary one does not exist yet
                jdbc.sql("CREATE TEMP TABLE insats_type (LIKE insats_type) ON COMMIT DROP").update();
                insatsTypes.accept(jdbc);
                AFTER_EPISODES.forEach(definition);
                handOver(jdbc, prefix, RESULTS);
                jdbc.sql("DROP VIEW " + String.join(", ", EPISODES)).update();
            });
        });
        return new SideComputation(prefix, thread, episodes, done);
    }

    /** Copies each temporary table into an unlogged one of the prefixed name, and drops it. */
    private static void handOver(JdbcClient jdbc, String prefix, List<String> tables) {
        for (String t : tables) {
            jdbc.sql("CREATE UNLOGGED TABLE " + prefix + t + " AS TABLE " + t).update();
            // read through a view: planned from the table's statistics
            jdbc.sql("ANALYZE " + prefix + t).update();
            jdbc.sql("DROP TABLE " + t).update();
        }
    }

    private static void showAsViews(JdbcClient jdbc, String prefix, List<String> tables) {
        for (String t : tables) jdbc.sql("CREATE TEMP VIEW " + t + " AS SELECT * FROM " + prefix + t).update();
    }

    /** Waits for the side's episodes (00), then shows them to this connection under their usual names. */
    void awaitEpisodes(JdbcClient jdbc) {
        long waited = await(episodes);
        log.info("outcome facts: waited {} ms for the episodes of the second connection", waited);
        showAsViews(jdbc, prefix, EPISODES);
    }

    /** Waits for the side, then shows its results to this connection under their usual names. */
    void join(JdbcClient jdbc) {
        long waited = await(done);
        if (waited > 0) log.info("outcome facts: waited {} ms for the second connection", waited);
        showAsViews(jdbc, prefix, RESULTS);
    }

    private static long await(Future<?> side) {
        long t0 = System.nanoTime();
        try {
            side.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the outcome facts were computed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("the second connection of the outcome computation failed", e.getCause());
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** After 10, in the computation's own transaction: the views and the side's tables go. */
    void drop(JdbcClient jdbc) {
        jdbc.sql("DROP VIEW " + String.join(", ", HANDED_OVER)).update();
        jdbc.sql("DROP TABLE " + String.join(", ", HANDED_OVER.stream().map(t -> prefix + t).toList())).update();
    }

    /** Without join (the computation failed): the side is not waited for; its tables are left to the next. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
