package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.TestDatabase;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.job.IngestRunner;

/**
 * An ingest that dies in the middle of a file and is run again continues after its last committed
 * chunk, and ends with exactly the rows of an uninterrupted run: none lost, none doubled.
 */
class IngestRestartTest extends DatabaseTest {
    /** Rows read before the simulated crash: two chunks of 5,000 are committed by then. */
    static final int CRASH_AT_ROW = 12_345;
    static final AtomicInteger rowsSeen = new AtomicInteger();
    static volatile boolean crashArmed;

    @TestBean
    IngestProgress ingestProgress;

    /**
     * The overridden bean makes this a Spring context of its own, so it gets an embedded database of
     * its own: the shared test context holds the other one's data folder.
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("uppfoljning.db.embedded-dir", () -> TestDatabase.ROOT.resolve("postgres-restart").toString());
    }

    /** The progress bean is called for every row read: it stands in for a JVM dying at that row. */
    static IngestProgress ingestProgress() {
        return new IngestProgress(new PrintStream(PrintStream.nullOutputStream())) {
            @Override
            public synchronized void row(ExtractFile file) {
                if (crashArmed && rowsSeen.incrementAndGet() == CRASH_AT_ROW) {
                    crashArmed = false;
                    throw new IllegalStateException("simulated crash at row " + CRASH_AT_ROW);
                }
                super.row(file);
            }
        };
    }

    @Autowired
    IngestRunner runner;
    @TempDir
    Path tmp;

    @Test
    void aRunThatDiesMidFileRestartsAfterItsLastCommittedChunk() throws Exception {
        InboxBuilder inbox = new InboxBuilder(tmp.resolve("inbox"));
        List<String> lines = new ArrayList<>();
        lines.add("personnummer;insats;anordnare;startdatum;slutdatum");
        for (int i = 0; i < 20_000; i++) {
            lines.add(hyphenated(adult(i % 3000)) + ";PRAKTIK;AF;2025-" + String.format("%02d", 1 + i % 12) + "-01;");
        }
        lines.add(hyphenated(adult(1)) + ";PRAKTIK;AF;2025-13-01;");           // one reject, line 20002
        inbox.csv("insatser", "insatser_af_2026-10-31.csv", lines.toArray(String[]::new));
        IngestFixture fixture = new IngestFixture(runner, tmp.resolve("out"));
        rowsSeen.set(0);
        crashArmed = true;

        IngestRunner.Result crashed = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(crashed.status()).isEqualTo(IngestRunner.Status.FAILED);
        assertThat(TestDatabase.staged(jdbc, "insats")).isEqualTo(10_000);   // two committed chunks
        // counted as they were staged, and each chunk's persons once: 3,000 persons in each 5,000 rows
        assertThat(count("SELECT rows_staged FROM extract_file WHERE source = 'insatser'")).isEqualTo(10_000);
        assertThat(count("SELECT count(*) FROM stg_person")).isEqualTo(2 * 3_000);
        assertThat(count("SELECT count(DISTINCT person_key) FROM stg_person")).isEqualTo(3_000);
        // what the committed chunks staged would survive a crash of the server too: every staging table is logged
        assertThat(jdbc.sql("""
                        SELECT string_agg(DISTINCT c.relpersistence::text, '') FROM pg_class c
                         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                           AND (c.relname IN ('stg_deltagare', 'stg_person') OR c.relname ~ '^insats_file_[0-9]+$')""")
                .query(String.class).single()).isEqualTo("p");
        assertThat(count("""
                SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace
                   AND relname ~ '^insats_file_[0-9]+$' AND NOT relispartition""")).isOne();
        assertThat(count("SELECT count(*) FROM insats")).isZero();

        IngestRunner.Result restarted = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(restarted.status()).isEqualTo(IngestRunner.Status.DONE);
        assertThat(restarted.executionId()).isNotEqualTo(crashed.executionId());
        assertThat(count("SELECT count(*) FROM insats")).isEqualTo(20_000);
        assertThat(count("SELECT count(DISTINCT line) FROM insats")).isEqualTo(20_000);
        assertThat(count("SELECT count(*) FROM reject")).isEqualTo(1);
        assertThat(TestDatabase.staged(jdbc, "insats")).isZero();
        assertThat(count("SELECT count(*) FROM stg_person")).isZero();
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(3_000);
        // the restart read only what was not committed: 20,001 rows minus the two chunks
        assertThat(count("""
                SELECT read_count FROM batch_step_execution
                 WHERE job_execution_id = ? AND step_name = 'stageRows'""", restarted.executionId()))
                .isEqualTo(10_001);
        var file = restarted.files().get(0);
        assertThat(file.rowsRead()).isEqualTo(20_001);
        assertThat(file.rowsLoaded()).isEqualTo(20_000);
        assertThat(file.rowsRejected()).isEqualTo(1);
    }
}
