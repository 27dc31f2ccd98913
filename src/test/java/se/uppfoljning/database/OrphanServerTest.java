package se.uppfoljning.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A run killed with SIGKILL leaves its embedded server running; the next run stops it instead of
 * failing on it. Here a real server is started on a folder and then treated as such an orphan.
 */
class OrphanServerTest {
    @TempDir
    Path tmp;

    @Test
    void theServerOfAKilledRunIsStoppedBeforeTheNextRunStartsItsOwn() throws Exception {
        Path dataDir = tmp.resolve("postgres");
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setOutputRedirector(Redirect.appendTo(tmp.resolve("pg.log").toFile()))
                .setErrorRedirector(Redirect.appendTo(tmp.resolve("pg.log").toFile())).start();
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);

            EmbeddedDatabase.stopOrphan(dataDir);

            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
        } finally {
            orphan.close();
        }
    }

    @Test
    void aFolderWithoutARunningServerIsLeftAlone() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("postgres"));
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999999\n" + dataDir + "\n");

        EmbeddedDatabase.stopOrphan(dataDir);

        assertThat(dataDir.resolve("postmaster.pid")).exists();
    }
}
