package se.uppfoljning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Holds a table locked from the test, so that a job writing into it waits right there, mid-run, for
 * as long as the test wants: a real run held at a known point, without mocks or sleeps.
 */
public final class LockedTable implements AutoCloseable {
    private final Connection connection;
    private final String table;
    private final JdbcClient jdbc;

    private LockedTable(Connection connection, String table, JdbcClient jdbc) {
        this.connection = connection;
        this.table = table;
        this.jdbc = jdbc;
    }

    public static LockedTable lock(DataSource dataSource, String table) throws SQLException {
        return lock(dataSource, table, "ACCESS EXCLUSIVE");
    }

    /** Locks the table in a weaker mode: only the statements that take a conflicting lock wait. */
    public static LockedTable lock(DataSource dataSource, String table, String mode) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE " + table + " IN " + mode + " MODE");
        }
        return new LockedTable(c, table, JdbcClient.create(dataSource));
    }

    /**
     * Waits until a statement of the job waits for this lock: the COPY into a table, or the making of
     * an event file's staging table {@code LIKE} its register table (StagingTables).
     */
    public void awaitWriter() {
        await(() -> waiting() > 0, "a statement waiting for the lock on " + table);
    }

    /** Ends the backend that waits for the lock, as a dropped connection would; returns how many ended. */
    public long terminateWaiting() {
        return jdbc.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE NOT granted AND relation = to_regclass(?)")
                .param(table).query(Long.class).single();
    }

    private long waiting() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass(?)")
                .param(table).query(Long.class).single();
    }

    /** Polls until the condition holds (at most two minutes: a slow machine starting a JVM). */
    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Releases the lock: the waiting writer goes on. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
