package se.uppfoljning.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.job.ProjectJob;

/**
 * Faults in the middle of a run (SPEC §10, DESIGN invariant 5): the database connection dropped
 * mid-step, a report whose rendering fails (also when the server lost the unlogged outcome facts
 * before the restart) and an export whose file cannot be written. Each fails with exit 1 and a restart ends exactly as
 * an uninterrupted run would: no row doubled, the same tables.csv byte for byte.
 */
class CrashDrillTest extends DatabaseTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @Autowired
    IngestRunner runner;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<ProjectJob> jobs;
    @TempDir
    Path tmp;
    InboxBuilder inbox;
    IngestFixture fixture;

    @BeforeEach
    void anInboxOfSeveralChunks() {
        inbox = new InboxBuilder(tmp.resolve("inbox"));
        fixture = new IngestFixture(runner, tmp.resolve("out"));
        List<String> episodes = new ArrayList<>(List.of("personnummer;team;omrade;startdatum;slutdatum;avslutsanledning;sysselsattning_efter;"
                + "remittent;utbildningsniva;ersattning_start;ersattning_slut"));
        List<String> payments = new ArrayList<>(List.of("personnummer;manad;belopp"));
        for (int i = 0; i < 400; i++) {
            boolean ended = i % 2 == 0;
            episodes.add(hyphenated(adult(i)) + ";" + (1 + i % 2) + ";" + (i % 2 == 0 ? "Hässelby-Vällingby" : "Skärholmen")
                    + ";2025-0" + (1 + i % 9) + "-10;" + (ended ? "2026-0" + (1 + i % 5) + "-20;ENLIGT_PLAN;ARBETE" : ";;")
                    + ";SOC;ISCED_3_4;FORSORJNINGSSTOD;" + (ended ? "LON" : ""));
            for (int m = 1; m <= 18; m++) {
                payments.add(hyphenated(adult(i)) + ";" + (m <= 12 ? "2025-" + String.format("%02d", m) : "2026-0" + (m - 12)) + ";4200");
            }
        }
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", episodes.toArray(String[]::new));
        inbox.csv("bistand", "bistand_2026-10-31.csv", payments.toArray(String[]::new));
    }

    @Test
    void aConnectionDroppedMidStepFailsTheRunAndTheRestartLoadsEveryRowOnce() throws Exception {
        CompletableFuture<IngestRunner.Result> run;
        // the first bistand chunk makes the file's staging table LIKE payment, and waits for the lock
        try (LockedTable payment = LockedTable.lock(dataSource, "payment")) {
            run = CompletableFuture.supplyAsync(() -> ingest());
            payment.awaitWriter();
            // the backend of the waiting statement is terminated: the JDBC connection of the step drops
            assertThat(payment.terminateWaiting()).isOne();
        }
        IngestRunner.Result dropped = run.get(2, TimeUnit.MINUTES);
        assertThat(dropped.status()).isEqualTo(IngestRunner.Status.FAILED);
        assertThat(count("SELECT count(*) FROM payment")).isZero();

        IngestRunner.Result restarted = ingest();

        assertThat(restarted.status()).isEqualTo(IngestRunner.Status.DONE);
        assertThat(count("SELECT count(*) FROM payment")).isEqualTo(400 * 18);
        assertThat(count("SELECT count(*) FROM (SELECT DISTINCT file_id, line FROM payment) d")).isEqualTo(400 * 18);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(400);
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution ORDER BY job_execution_id").query(String.class).list())
                .containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void aReportWhoseRenderingFailsIsRestartedAndWritesWhatAnUninterruptedRunWrites() throws Exception {
        assertThat(ingest().status()).isEqualTo(IngestRunner.Status.DONE);
        Path out = tmp.resolve("out-drill");

        failRenderingOnce(out);
        long failed = count("SELECT max(job_execution_id) FROM batch_job_execution WHERE status = 'FAILED'");
        long outcomeRuns = count("SELECT count(*) FROM outcome_run");

        // the same command again restarts the failed run
        assertThat(report(out, false)).isEqualTo(ExitCodes.DONE);

        // it went on from the failed step, reusing the outcome facts computed before the failure
        assertThat(count("SELECT count(*) FROM outcome_run")).isEqualTo(outcomeRuns);
        assertThat(count("SELECT count(*) FROM batch_job_execution WHERE job_instance_id = "
                + "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", failed)).isEqualTo(2);
        Path uninterrupted = tmp.resolve("uninterrupted");
        assertThat(report(uninterrupted, true)).isEqualTo(ExitCodes.DONE);
        String csv = "stockholmskraften/halvarsrapport/2026-H1/tables.csv";
        assertThat(Files.readAllBytes(out.resolve(csv))).isEqualTo(Files.readAllBytes(uninterrupted.resolve(csv)));
    }

    @Test
    void aReportRestartedAfterTheDatabaseServerLostTheFactsComputesThemAgain() throws Exception {
        assertThat(ingest().status()).isEqualTo(IngestRunner.Status.DONE);
        Path out = tmp.resolve("out-lost");
        failRenderingOnce(out);
        long outcomeRuns = count("SELECT count(*) FROM outcome_run");
        // the runs' facts are unlogged: after a crash of the server PostgreSQL starts with them empty
        assertThat(jdbc.sql("""
                        SELECT c.relpersistence FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                         WHERE i.inhparent = 'episode_fact'::regclass""")
                .query(String.class).list()).isNotEmpty().containsOnly("u");
        jdbc.sql("TRUNCATE episode_fact").update();

        assertThat(report(out, false)).isEqualTo(ExitCodes.DONE);

        // the restart computed the facts again in a run of their own, rather than reading none
        assertThat(count("SELECT count(*) FROM outcome_run")).isEqualTo(outcomeRuns + 1);
        assertThat(count("SELECT count(*) FROM episode_fact")).isEqualTo(400);
        assertThat(count("SELECT count(DISTINCT run_id) FROM episode_fact")).isOne();
    }

    @Test
    void anExportWhoseFileCannotBeWrittenLeavesNoHistoryAndTheNextRunWritesTheWholeFirstExport() throws Exception {
        assertThat(ingest().status()).isEqualTo(IngestRunner.Status.DONE);
        Path out = tmp.resolve("out-export");
        // a non-empty folder where the file must go: the export fails at its very last write
        Path blocker = out.resolve("stockholmskraften/registrering/sus-registrering.csv");
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("keep"), "in the way");

        assertThat(export(out)).isEqualTo(ExitCodes.FAILED);
        assertThat(count("SELECT count(*) FROM export_run")).isZero();
        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);

        assertThat(export(out)).isEqualTo(ExitCodes.DONE);

        assertThat(count("SELECT count(*) FROM export_run")).isOne();
        List<String> lines = Files.readAllLines(out.resolve("stockholmskraften/registrering/sus-registrering.csv"));
        assertThat(lines).hasSize(1 + (int) count("SELECT count(*) FROM export_row WHERE marker = 'NY'"));
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith("NY;"));
    }

    private int export(Path out) throws Exception {
        ProjectJob sus = jobs.stream().filter(j -> j.name().equals("sus-export")).findFirst().orElseThrow();
        return sus.run(new JobRequest(IngestFixture.project("stockholmskraften"),
                IngestFixture.projectFile("stockholmskraften"), null, out, Path.of("jobs/sources").toAbsolutePath(),
                AS_OF, null, false));
    }

    private IngestRunner.Result ingest() {
        try {
            return fixture.ingest("stockholmskraften", inbox.root());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The half-year report fails once, after its outcomes were computed: a file stands where the
     * report's folder must go, and is taken away after the failure.
     */
    private void failRenderingOnce(Path out) throws Exception {
        Path blocker = out.resolve("stockholmskraften").resolve("halvarsrapport");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "in the way");
        assertThat(report(out, false)).isEqualTo(ExitCodes.FAILED);
        Files.delete(blocker);
    }

    private int report(Path out, boolean rerun) throws Exception {
        ProjectJob halfYear = jobs.stream().filter(j -> j.name().equals("halfyear-report")).findFirst().orElseThrow();
        return halfYear.run(new JobRequest(IngestFixture.project("stockholmskraften"),
                IngestFixture.projectFile("stockholmskraften"), null, out, Path.of("jobs/sources").toAbsolutePath(),
                AS_OF, "2026-H1", rerun));
    }
}
