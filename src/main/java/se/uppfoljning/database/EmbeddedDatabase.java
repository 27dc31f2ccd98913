package se.uppfoljning.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The default database: a real PostgreSQL that the program starts itself (zonky's binaries from
 * Maven Central) with its data under a local folder. As root, zonky runs initdb and postgres in a
 * user namespace, since PostgreSQL refuses to run as root.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final DataDirLock lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DataDirLock lock) {
        this.postgres = postgres;
        this.lock = lock;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, Duration.ofHours(2));
    }

    /**
     * Starts the server on the data folder; while another process uses the folder, waits for it (up
     * to {@code maxWait}, then {@link DatabaseBusyException}).
     */
    public static EmbeddedDatabase start(Path dataDir, Duration maxWait) {
        DataDirLock lock = DataDirLock.acquire(dataDir.resolveSibling(dataDir.getFileName() + ".lock"), maxWait,
                holder -> System.err.println("Waiting for the embedded database, in use by another run (" + holder
                        + "); up to " + maxWait.toMinutes() + " min. For runs at the same time use a PostgreSQL server (--db-url)."));
        try {
            return new EmbeddedDatabase(startServer(dataDir), lock);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    private static void closeQuietly(DataDirLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // released by the operating system when the process ends
        }
    }

    private static EmbeddedPostgres startServer(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setServerConfig("max_connections", "50")
                    .start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start with data in " + dataDir
                    + " (" + e.getMessage() + "). See " + dataDir + ".log. As root it needs user namespaces"
                    + " (unshare -U); otherwise run as a normal user or use --db-url.", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }
}
