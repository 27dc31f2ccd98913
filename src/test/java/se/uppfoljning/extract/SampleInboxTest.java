package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.job.IngestRunner;

/**
 * The committed sample inbox loads as sample-data/EXPECTED_REJECTS.md says: exactly the deliberate bad
 * rows are rejected, for their reasons, on their lines, and every other row is loaded.
 */
class SampleInboxTest extends DatabaseTest {
    @Autowired
    IngestRunner runner;
    @TempDir
    Path out;

    @Test
    void theSampleInboxRejectsExactlyTheDeliberateBadRows() throws Exception {
        IngestRunner.Result result = new IngestFixture(runner, out)
                .ingest("stockholmskraften", Path.of("sample-data/stockholmskraften").toAbsolutePath());

        assertThat(result.status()).isEqualTo(IngestRunner.Status.DONE);
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("sample-data/EXPECTED_REJECTS.md"))) {
            if (!line.startsWith("| `stockholmskraften/")) continue;
            String[] f = line.split("\\|");
            String file = f[1].trim().replace("`", "");
            String name = file.substring(file.lastIndexOf('/') + 1);
            expected.add(name + ":" + f[2].trim() + ":" + f[3].trim() + ":" + f[5].trim().replace("`", ""));
        }
        List<String> actual = jdbc.sql("""
                        SELECT f.file_name || ':' || r.line || ':' || r.field || ':' || r.reason
                          FROM reject r JOIN extract_file f USING (file_id)""")
                .query(String.class).list();
        assertThat(expected).hasSize(13);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        for (var f : result.files()) {
            assertThat(f.rowsRead()).as(f.fileName()).isEqualTo(f.rowsLoaded() + f.rowsRejected());
        }
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(1599);
    }
}
