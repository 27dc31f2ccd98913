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
        return start(dataDir, Duration.ofHours(2), true);
    }

    /**
     * Starts the server on the data folder; while another process uses the folder, waits for it (up
     * to {@code maxWait}, then {@link DatabaseBusyException}). {@code durable} is false only for
     * throw-away folders (the tests'): see {@link #startServer}.
     */
    public static EmbeddedDatabase start(Path dataDir, Duration maxWait, boolean durable) {
        DataDirLock lock = DataDirLock.acquire(dataDir.resolveSibling(dataDir.getFileName() + ".lock"), maxWait,
                holder -> System.err.println("Waiting for the embedded database, in use by another run (" + holder
                        + "); up to " + maxWait.toMinutes() + " min. For runs at the same time use a PostgreSQL server (--db-url)."));
        try {
            stopOrphan(dataDir);
            return new EmbeddedDatabase(startServer(dataDir, durable), lock);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * A process killed with SIGKILL (or by the OOM killer) leaves its embedded server running, and
     * that server would keep every later run from starting. Holding the data folder's lock proves
     * that no live run uses it, so such a server is an orphan: ask it for a fast shutdown (it
     * aborts the killed run's open transactions; the data stays consistent) and wait for it.
     */
    static void stopOrphan(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long pid;
        try {
            if (!Files.isRegularFile(pidFile)) return;
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return; // unreadable or half-written: PostgreSQL judges it itself when it starts
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        if (postmaster == null || !postmaster.isAlive()
                || !postmaster.info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
            return; // a stale pid file: PostgreSQL removes it itself
        }
        System.err.println("Stopping the embedded database left running by a run that was killed (pid " + pid + ").");
        try {
            // SIGINT is PostgreSQL's fast shutdown; Java can only send SIGTERM (smart shutdown)
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) postmaster.destroy();
            postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The embedded database left running by a killed run (pid " + pid
                    + ") did not stop within a minute; stop it (kill -INT " + pid + ") and try again.", e);
        }
    }

    private static void closeQuietly(DataDirLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // released by the operating system when the process ends
        }
    }

    /**
     * zonky is made for tests: it starts postgres with -F (fsync off) and synchronous_commit off. Our
     * data folder holds the project's register and the history of what was delivered to the funder,
     * and fsync off can leave it corrupt after a power cut or a kernel crash; so both are turned back
     * on ({@code -c} options come after -F on zonky's command line, and the last setting wins). Tests
     * start throw-away folders with {@code durable = false}, as zonky would.
     */
    private static EmbeddedPostgres startServer(Path dataDir, boolean durable) {
        try {
            Files.createDirectories(dataDir.getParent());
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
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
