package se.uppfoljning.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * One run at a time per job and project: a PostgreSQL session-level advisory lock, held on its own
 * connection for the length of the run and released when that connection closes, even if the JVM dies.
 */
public final class RunLock implements AutoCloseable {
    private final Connection connection;
    private final long key;

    private RunLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** The lock, or empty when another run holds it. */
    public static Optional<RunLock> tryAcquire(DataSource dataSource, String job, String project) throws SQLException {
        long key = keyOf(job + "|" + project);
        Connection c = dataSource.getConnection();
        try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            st.setLong(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) return Optional.of(new RunLock(c, key));
            }
        }
        c.close();
        return Optional.empty();
    }

    /**
     * Whether some session holds the lock of this job and project right now (read from pg_locks, so
     * asking never takes the lock away from a run that is about to start).
     */
    public static boolean isHeld(DataSource dataSource, String job, String project) throws SQLException {
        long key = keyOf(job + "|" + project);
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT EXISTS (SELECT 1 FROM pg_locks
                                     WHERE locktype = 'advisory' AND granted AND objsubid = 1
                                       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                       AND classid::bigint = ? AND objid::bigint = ?)""")) {
            // a bigint advisory key shows in pg_locks as its high and low 32 bits
            st.setLong(1, key >>> 32);
            st.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static long keyOf(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) k = (k << 8) | (d[i] & 0xff);
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, key);
            st.execute();
        } finally {
            connection.close();
        }
    }
}
