package se.uppfoljning.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that fire together on the embedded database (two projects' reports at 06:00) take turns on its
 * data folder instead of failing; one that waits too long ends with exit 3's exception.
 */
class DataDirLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondRunWaitsForTheFirstAndThenGoesOn() throws Exception {
        Path lockFile = tmp.resolve("postgres.lock");
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<DataDirLock> second;
        try (DataDirLock first = DataDirLock.acquire(lockFile, Duration.ofSeconds(5), told::add)) {
            assertThat(Files.readString(lockFile)).startsWith("pid " + ProcessHandle.current().pid() + " since ");
            second = CompletableFuture.supplyAsync(() -> DataDirLock.acquire(lockFile, Duration.ofMinutes(1), told::add));
            se.uppfoljning.LockedTable.await(() -> !told.isEmpty(), "the second run to wait");
            assertThat(second).isNotDone();
        }
        second.get(30, TimeUnit.SECONDS).close();
        assertThat(told).singleElement().asString().startsWith("pid ");
    }

    @Test
    void aRunThatWaitedTooLongGivesUpNamingTheHolder() throws Exception {
        Path lockFile = tmp.resolve("postgres.lock");
        try (DataDirLock first = DataDirLock.acquire(lockFile, Duration.ZERO, s -> { })) {
            assertThatThrownBy(() -> DataDirLock.acquire(lockFile, Duration.ofMillis(100), s -> { }))
                    .isInstanceOf(DatabaseBusyException.class)
                    .hasMessageContaining("in use by another run (pid " + ProcessHandle.current().pid());
        }
    }
}
