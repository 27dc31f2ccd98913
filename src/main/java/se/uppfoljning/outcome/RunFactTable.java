package se.uppfoljning.outcome;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run's facts are a table of their own, {@code episode_fact_run_<id>}, attached to episode_fact as
 * the run's partition (V18, issue 9): 10_WRITE_FACTS.sql fills it while it has no index, through the
 * temporary view {@code run_fact} (a file's SQL cannot name a table after the run), and attaching it
 * builds the key in one pass. Everything happens in the computation's transaction, so a failed run
 * leaves no table behind.
 */
final class RunFactTable {
    /** The name 10_WRITE_FACTS.sql writes to. */
    static final String VIEW = "run_fact";

    private RunFactTable() {
    }

    static String name(long run) {
        return "episode_fact_run_" + run;
    }

    /** Before 10: the run's empty table, of episode_fact's columns, and the view 10 writes through. */
    static void create(JdbcClient jdbc, long run) {
        jdbc.sql("CREATE UNLOGGED TABLE " + name(run) + " (LIKE episode_fact INCLUDING DEFAULTS)").update();
        jdbc.sql("CREATE TEMP VIEW " + VIEW + " AS SELECT * FROM " + name(run)).update();
    }

    /**
     * After 10: the table becomes the run's partition. Its statistics are its own, counted in this
     * transaction: autovacuum never saw these rows, and what reads them next (the indicators, the
     * exports) is planned from them. From a sample of 9,000 rows rather than PostgreSQL's 30,000:
     * the columns the indicators group by have a few dozen values at most, the indicators' plans are
     * the same, and at 1,000,000 episodes the ANALYZE takes 0.15-0.19 s instead of 0.78-1.1 s, on
     * one core while the other waits (docs/performance.md, "Nineteenth session").
     */
    static void attach(JdbcClient jdbc, long run) {
        jdbc.sql("DROP VIEW " + VIEW).update();
        jdbc.sql("ALTER TABLE episode_fact ATTACH PARTITION " + name(run) + " FOR VALUES FROM (" + run + ") TO ("
                + (run + 1) + ")").update();
        jdbc.sql("SET LOCAL default_statistics_target = 30").update();
        jdbc.sql("ANALYZE " + name(run)).update();
        jdbc.sql("SET LOCAL default_statistics_target TO DEFAULT").update();
    }
}
