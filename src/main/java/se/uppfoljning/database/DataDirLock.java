package se.uppfoljning.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * One process at a time on the embedded database's data folder. PostgreSQL's own lock would make a
 * second process fail at once; cron lines that fire together (two projects' reports at 06:00) should
 * instead run one after the other, so a process waits here for the one before it. The operating
 * system releases the lock when the process ends, however it ends.
 */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code maxWait} for the process that holds it.
     *
     * @param onWait told once, with the holder's description, when this process has to wait
     * @throws DatabaseBusyException when the lock is still held after {@code maxWait}
     */
    public static DataDirLock acquire(Path lockFile, Duration maxWait, Consumer<String> onWait) {
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + maxWait.toNanos();
            boolean told = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    String holder = "pid " + ProcessHandle.current().pid() + " since " + LocalDateTime.now().withNano(0);
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    return new DataDirLock(channel, lock);
                }
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                if (System.nanoTime() - deadline >= 0) {
                    channel.close();
                    throw new DatabaseBusyException("the embedded database is in use by another run ("
                            + (holder.isEmpty() ? "unknown process" : holder) + ") and stayed so for " + maxWait.toMinutes()
                            + " min. Try again later, or use a PostgreSQL server (--db-url) for runs at the same time.");
                }
                if (!told) {
                    onWait.accept(holder.isEmpty() ? "another process" : holder);
                    told = true;
                }
                Thread.sleep(Math.min(1000, Math.max(1, maxWait.toMillis())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseBusyException("interrupted while waiting for the embedded database");
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held within this JVM
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
