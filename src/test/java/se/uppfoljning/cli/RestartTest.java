package se.uppfoljning.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.LockedTable;
import se.uppfoljning.TestDatabase;
import se.uppfoljning.database.DatabaseConfiguration;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.job.JobStarter;
import se.uppfoljning.schedule.RunHistory;
import se.uppfoljning.schedule.RunLock;

/**
 * A run that stopped half-way is finished by {@code restart <id>} from each staging lane's last
 * committed chunk, and the register ends exactly as after an uninterrupted run (DESIGN invariant 5).
 * The inbox's kontakter file is staged in one lane, deltagare and bistand in the other. Two real ways to stop
 * a run half-way, no mocks: a staging table that is missing while the run writes into it (the run
 * fails, FAILED), and a process killed with SIGKILL while it waits on a locked staging table (the run
 * is left STARTED, as after a power cut).
 */
class RestartTest extends DatabaseTest {
    /** More rows than one chunk (5,000), so the first chunk commits before the run is stopped. */
    static final int CONTACTS = 6_000;

    @Autowired
    JobStarter starter;
    @Autowired
    IngestRunner runner;
    @Autowired
    RunHistory history;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseConfiguration.Server server;
    @TempDir
    Path tmp;
    InboxBuilder inbox;
    IngestFixture fixture;

    @BeforeEach
    void anInboxLargerThanOneChunk() {
        inbox = new InboxBuilder(tmp.resolve("inbox"));
        fixture = new IngestFixture(runner, tmp.resolve("out"));
        List<String> episodes = new ArrayList<>(List.of("personnummer;team;omrade;startdatum"));
        List<String> contacts = new ArrayList<>(List.of("personnummer;datum;typ;aktorer"));
        for (int i = 0; i < 5; i++) episodes.add(hyphenated(adult(i)) + ";1;Hässelby-Vällingby;2025-01-1" + i);
        LocalDate day = LocalDate.of(2025, 1, 10);
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(hyphenated(adult(i % 5)) + ";" + day.plusDays(i % 600) + ";" + (i % 2 == 0 ? "ENSKILT" : "UPPFOLJNING")
                    + ";JC");
        }
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", episodes.toArray(String[]::new));
        inbox.csv("kontakter", "kontakter_2026-10-31.csv", contacts.toArray(String[]::new));
        inbox.csv("bistand", "bistand_2026-10-31.csv", "personnummer;manad;belopp",
                hyphenated(adult(0)) + ";2025-01;5200", hyphenated(adult(1)) + ";2025-02;4100");
    }

    @Test
    void aRunThatFailedMidStepIsRestartedFromItsLastCommittedChunkAndEndsAsAnUninterruptedRun() throws Exception {
        jdbc.sql("ALTER TABLE payment RENAME TO payment_away").update();
        IngestRunner.Result failed;
        try {
            failed = fixture.ingest("stockholmskraften", inbox.root());
        } finally {
            jdbc.sql("ALTER TABLE payment_away RENAME TO payment").update();
        }
        assertThat(failed.status()).isEqualTo(IngestRunner.Status.FAILED);
        long id = failed.executionId();

        // status shows the failed run and how to restart it
        String status = statusTable();
        assertThat(status).containsPattern(id + "  ingest +stockholmskraften +- +2026-11-01 .* FAILED ")
                .contains("Starta om: scripts/run restart " + id);

        // the kontakter file's lane committed its chunks; the lane of deltagare and bistand failed
        long committed = rowsCommittedBy(id);
        assertThat(committed).isEqualTo(CONTACTS);

        assertThat(RestartCommand.restart(starter, runner, id)).isEqualTo(ExitCodes.DONE);

        // the restart read only what the failed run had not committed
        assertThat(stageRowsReadByTheRestart(id)).isEqualTo(5 + CONTACTS + 2 - committed);
        List<String> restarted = register();
        assertThat(restarted).hasSize(5 + CONTACTS + 2 + 3);
        assertThat(statusTable()).containsPattern("  ingest +stockholmskraften .* COMPLETED +6 007 +6 007 +0")
                .doesNotContain("Starta om");
        assertThat(RestartCommand.restart(starter, runner, id)).isEqualTo(ExitCodes.NOTHING_TO_DO);

        assertThat(restarted).isEqualTo(registerOfAnUninterruptedRun());
    }

    @Test
    void aRunKilledMidWayIsLeftStartedAndRestartRecoversAndFinishesIt() throws Exception {
        Process child;
        try (LockedTable payment = LockedTable.lock(dataSource, "payment")) {
            child = ingestInAnotherProcess();
            payment.awaitWriter();
            // the other lane, kontakter's, commits a chunk while this one waits
            LockedTable.await(() -> count("""
                    SELECT coalesce(max(commit_count), 0) FROM batch_step_execution WHERE step_name LIKE 'stageRows:%'""") > 0,
                    "a lane's first chunk to commit");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to record anything
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
        }
        LockedTable.await(() -> !isHeld(), "the killed process's lock to be released");
        long id = count("SELECT max(job_execution_id) FROM batch_job_execution");
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?").param(id)
                .query(String.class).single()).isEqualTo("STARTED");
        assertThat(history.last(5, "stockholmskraften", "ingest")).singleElement().satisfies(r -> {
            assertThat(r.interrupted()).isTrue();
            assertThat(r.restartable()).isTrue();
        });
        assertThat(statusTable()).contains("STARTED (avbruten)").contains("Starta om: scripts/run restart " + id);

        assertThat(RestartCommand.restart(starter, runner, id)).isEqualTo(ExitCodes.DONE);

        assertThat(jdbc.sql("SELECT status FROM batch_job_execution ORDER BY job_execution_id").query(String.class).list())
                .containsExactly("FAILED", "COMPLETED");
        long committed = rowsCommittedBy(id);
        assertThat(committed).isPositive();
        assertThat(stageRowsReadByTheRestart(id)).isEqualTo(5 + CONTACTS + 2 - committed);
        assertThat(register()).isEqualTo(registerOfAnUninterruptedRun());

        // what the killed run printed and logged, and the status table, name no person
        String said = Files.readString(tmp.resolve("child.out")) + Files.readString(tmp.resolve("child.err"))
                + logsOf(tmp.resolve("child/logs")) + statusTable();
        // bistand's lane read its rows before its writer met the lock, so the killed run has named that
        // file; whether it got to name kontakter depends on when the kill came
        assertThat(said).contains("bistand_2026-10-31.csv");
        for (int i = 0; i < 5; i++) assertThat(said).doesNotContain(adult(i)).doesNotContain(hyphenated(adult(i)));
    }

    private static String logsOf(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) return "";
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) all.append(Files.readString(f));
        }
        return all.toString();
    }

    @Test
    void restartSaysWhenThereIsNothingToRestartOrAnotherRunHoldsTheLock() throws Exception {
        assertThat(RestartCommand.restart(starter, runner, 999_999)).isEqualTo(ExitCodes.BAD_INPUT);
        inbox.delete("kontakter", "kontakter_2026-10-31.csv"); // a small run is enough here

        jdbc.sql("ALTER TABLE payment RENAME TO payment_away").update();
        long id;
        try {
            id = fixture.ingest("stockholmskraften", inbox.root()).executionId();
        } finally {
            jdbc.sql("ALTER TABLE payment_away RENAME TO payment").update();
        }
        try (RunLock held = RunLock.tryAcquire(dataSource, "ingest", "stockholmskraften").orElseThrow()) {
            assertThat(RestartCommand.restart(starter, runner, id)).isEqualTo(ExitCodes.LOCKED);
        }
        assertThat(RestartCommand.restart(starter, runner, id)).isEqualTo(ExitCodes.DONE);
    }

    // ---------------------------------------------------------------- helpers

    private boolean isHeld() {
        try {
            return RunLock.isHeld(dataSource, "ingest", "stockholmskraften");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** scripts/run ingest in a JVM of its own, on the test database, with the test's keys. */
    private Process ingestInAnotherProcess() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Duppfoljning.home=" + Path.of("").toAbsolutePath(),
                "-Duppfoljning.keys.dir=" + System.getProperty("uppfoljning.keys.dir"),
                "-Duppfoljning.data-dir=" + tmp.resolve("child"),
                "-Duppfoljning.log-dir=" + tmp.resolve("child/logs"),
                "-Duppfoljning.ingest.chunk-size=" + CHUNK_SIZE,
                "se.uppfoljning.cli.Main", "ingest", "--project", "stockholmskraften",
                "--inbox", inbox.root().toString(), "--out", fixture.out().toString(),
                "--as-of", IngestFixture.AS_OF.toString(), "--db-url", server.url());
        return new ProcessBuilder(command).redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile()).start();
    }

    /**
     * Rows that the lanes of a stopped run wrote in chunks it committed. Every row read goes to the
     * writer (there is no processor), and a chunk rolled back counts as read but not as written.
     */
    private long rowsCommittedBy(long execution) {
        return count("""
                SELECT coalesce(sum(write_count), 0) FROM batch_step_execution
                 WHERE step_name LIKE 'stageRows:%' AND job_execution_id = ?""", execution);
    }

    private long stageRowsReadByTheRestart(long failedExecution) {
        return count("""
                SELECT s.read_count FROM batch_step_execution s
                  JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                 WHERE s.step_name = 'stageRows' AND e.job_execution_id > ?""", failedExecution);
    }

    private String statusTable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatusTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), history.last(20, null, null));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The register and the file registry's counts, as sorted text lines. */
    private List<String> register() {
        return jdbc.sql("""
                SELECT line FROM (
                    SELECT 'episode ' || encode(person_key, 'hex') || ' ' || team || ' ' || area || ' ' || start_date AS line FROM episode
                    UNION ALL
                    SELECT 'contact ' || encode(person_key, 'hex') || ' ' || contact_date || ' ' || kind || ' ' || actors::text || ' '
                           || line FROM contact
                    UNION ALL
                    SELECT 'payment ' || encode(person_key, 'hex') || ' ' || month || ' ' || amount FROM payment
                    UNION ALL
                    SELECT 'file ' || file_name || ' ' || status || ' ' || rows_read || '=' || rows_loaded || '+'
                           || rows_rejected FROM extract_file) t
                 ORDER BY line""").query(String.class).list();
    }

    private List<String> registerOfAnUninterruptedRun() throws Exception {
        TestDatabase.reset(jdbc);
        assertThat(fixture.ingest("stockholmskraften", inbox.root()).status()).isEqualTo(IngestRunner.Status.DONE);
        return register();
    }

}
