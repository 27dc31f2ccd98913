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
