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

    /** Waits until a COPY into the table waits for this lock. */
    public void awaitWriter() {
        await(() -> writersWaiting() > 0, "a COPY into " + table + " waiting for the lock");
    }

    /** Waits until no COPY into the table is left (e.g. the one of a killed process has ended). */
    public void awaitNoWriter() {
        await(() -> writers() == 0, "no COPY into " + table + " left");
    }

    private long writersWaiting() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?")
                .param("COPY " + table + " %").query(Long.class).single();
    }

    private long writers() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE query LIKE ? AND state <> 'idle'")
                .param("COPY " + table + " %").query(Long.class).single();
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
