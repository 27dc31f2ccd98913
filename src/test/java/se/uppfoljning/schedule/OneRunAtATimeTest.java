package se.uppfoljning.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.LockedTable;
import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.job.IngestProjectJob;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.job.JobRequest;

/** One run of a job and project at a time (exit 3), and no silent repeat of a completed run (exit 4). */
class OneRunAtATimeTest extends DatabaseTest {
    @Autowired
    IngestProjectJob ingest;
    @Autowired
    IngestRunner runner;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path tmp;
    InboxBuilder inbox;

    @BeforeEach
    void aSmallInbox() {
        inbox = new InboxBuilder(tmp.resolve("inbox"));
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", "personnummer;team;omrade;startdatum",
                hyphenated(adult(0)) + ";1;Hässelby-Vällingby;2025-01-10",
                hyphenated(adult(1)) + ";2;Skärholmen;2025-02-01",
                hyphenated(adult(2)) + ";3;Rinkeby-Kista;2025-03-01");
        inbox.csv("bistand", "bistand_2026-10-31.csv", "personnummer;manad;belopp",
                hyphenated(adult(0)) + ";2025-01;5200",
                hyphenated(adult(1)) + ";2025-02;4100");
    }

    JobRequest request(Path sources, boolean rerun) {
        return new JobRequest(IngestFixture.project("stockholmskraften"), IngestFixture.projectFile("stockholmskraften"),
                inbox.root(), tmp.resolve("out"), sources, IngestFixture.AS_OF, null, rerun);
    }

    JobRequest request(boolean rerun) {
        return request(Path.of("jobs/sources").toAbsolutePath(), rerun);
    }

    @Test
    void whileTheLockOfTheJobAndProjectIsHeldARunEndsWithExit3AndChangesNothing() throws Exception {
        try (RunLock held = RunLock.tryAcquire(dataSource, "ingest", "stockholmskraften").orElseThrow()) {
            assertThat(RunLock.isHeld(dataSource, "ingest", "stockholmskraften")).isTrue();

            assertThat(ingest.run(request(false))).isEqualTo(ExitCodes.LOCKED);
        }
        assertThat(count("SELECT count(*) FROM batch_job_execution")).isZero();
        assertThat(count("SELECT count(*) FROM episode")).isZero();

        assertThat(RunLock.isHeld(dataSource, "ingest", "stockholmskraften")).isFalse();
        assertThat(ingest.run(request(false))).isEqualTo(ExitCodes.DONE);
    }

    @Test
    void twoIngestsOfOneProjectStartedTogetherOneRunsAndTheOtherGetsExit3NamingTheFirst() throws Exception {
        CompletableFuture<Integer> first;
        try (LockedTable payment = LockedTable.lock(dataSource, "payment")) {
            // the first ingest runs until it writes its bistand rows, and waits there
            first = CompletableFuture.supplyAsync(() -> {
                try {
                    return ingest.run(request(false));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            payment.awaitWriter();
            long running = count("SELECT max(job_execution_id) FROM batch_job_execution WHERE status = 'STARTED'");

            assertThat(ingest.run(request(false))).isEqualTo(ExitCodes.LOCKED);
            IngestRunner.Result second = runner.run(IngestFixture.project("stockholmskraften"),
                    IngestFixture.projectFile("stockholmskraften"), inbox.root(), tmp.resolve("out"),
                    Path.of("jobs/sources").toAbsolutePath(), IngestFixture.AS_OF);
            assertThat(second.status()).isEqualTo(IngestRunner.Status.LOCKED);
            assertThat(second.message()).contains("execution " + running + " of ingest for stockholmskraften, started");
        }
        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.DONE);
        assertThat(count("SELECT count(*) FROM batch_job_execution")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM payment")).isEqualTo(2);
    }

    @Test
    void aCompletedIngestIsNotRepeatedWithoutRerunAndIsWithIt() throws Exception {
        // the social services renamed a column: the bistand file fails as a whole, the rest loads
        inbox.csv("bistand", "bistand_2026-10-31.csv", "personnummer;manad;utbetalning",
                hyphenated(adult(0)) + ";2025-01;5200",
                hyphenated(adult(1)) + ";2025-02;4100");
        assertThat(ingest.run(request(false))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(count("SELECT count(*) FROM payment")).isZero();

        // the same inbox again: nothing to do
        assertThat(ingest.run(request(false))).isEqualTo(ExitCodes.NOTHING_TO_DO);
        assertThat(count("SELECT count(*) FROM batch_job_instance")).isEqualTo(1);

        // the profile learns the new name; the inbox is unchanged, so only --rerun reads it again
        Path sources = tmp.resolve("sources");
        FileSystemUtils.copyRecursively(Path.of("jobs/sources"), sources);
        Path bistand = sources.resolve("bistand.yml");
        Files.writeString(bistand, Files.readString(bistand).replace("belopp: [", "belopp: [utbetalning, "));
        assertThat(ingest.run(request(sources, false))).isEqualTo(ExitCodes.NOTHING_TO_DO);

        assertThat(ingest.run(request(sources, true))).isEqualTo(ExitCodes.DONE);

        assertThat(count("SELECT count(*) FROM payment")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM batch_job_instance")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM batch_job_execution_params WHERE parameter_name = 'rerun'"
                + " AND identifying = 'Y'")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT file_name || ':' || status FROM extract_file ORDER BY file_id").query(String.class)
                .list()).containsExactly("deltagare_2026-10-31.csv:LOADED", "bistand_2026-10-31.csv:LOADED");
    }
}
