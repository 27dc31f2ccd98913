package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.TestDatabase;
import se.uppfoljning.job.IngestRunner;

/**
 * With {@code uppfoljning.ingest.parallel-load=false} the register load does the episodes and the
 * event files on the step's transaction, one after the other, with the same result.
 */
@TestPropertySource(properties = "uppfoljning.ingest.parallel-load=false")
class SequentialLoadTest extends DatabaseTest {
    /** Another property makes another Spring context, so another embedded database (IngestRestartTest says why). */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("uppfoljning.db.embedded-dir", () -> TestDatabase.ROOT.resolve("postgres-sequential").toString());
    }

    @Autowired
    IngestRunner runner;
    @TempDir
    Path tmp;

    @Test
    void everyFileIsLoadedOnTheStepsTransactionAlone() throws Exception {
        InboxBuilder inbox = new InboxBuilder(tmp.resolve("inbox"));
        IngestJobTest.everySource(inbox, 30, 500);

        IngestRunner.Result result = new IngestFixture(runner, tmp.resolve("out")).ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(IngestRunner.Status.DONE);
        assertThat(result.files()).hasSize(7).allSatisfy(f -> assertThat(f.status()).isEqualTo("LOADED"));
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM insats")).isEqualTo(32);
        assertThat(count("SELECT count(*) FROM af_registration")).isEqualTo(31);
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(31);
        // one transaction recorded every file
        assertThat(count("SELECT count(DISTINCT xmin::text) FROM extract_file")).isOne();
    }

    @Test
    void overlappingEpisodesAreRejectedAndCountedBeforeTheFileIsLoaded() throws Exception {
        InboxBuilder inbox = new InboxBuilder(tmp.resolve("inbox"));
        List<String> rows = new ArrayList<>(IngestJobTest.validEpisodes(10, 9));
        rows.add(hyphenated(adult(12)) + ";1;Hässelby-Vällingby;2025-03-01;;;;;;");  // overlaps line 4: 1 of 10
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", IngestJobTest.lines(IngestJobTest.DELTAGARE_HEADER, rows));
        inbox.csv("bedomning", "bedomning_2026-10-31.csv", "personnummer;datum;steg;typ",
                hyphenated(adult(12)) + ";2025-02-01;3;START");

        IngestRunner.Result result = new IngestFixture(runner, tmp.resolve("out")).ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(IngestRunner.Status.DONE);
        var deltagare = result.files().stream().filter(f -> f.source().equals("deltagare")).findFirst().orElseThrow();
        assertThat(deltagare.status()).isEqualTo("LOADED");
        assertThat(deltagare.rowsRead()).isEqualTo(10);
        assertThat(deltagare.rowsLoaded()).isEqualTo(9);
        assertThat(deltagare.rowsRejected()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reject WHERE reason = 'OVERLAPPING_EPISODE' AND line = 11")).isOne();
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM assessment")).isOne();
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(9);
    }
}
