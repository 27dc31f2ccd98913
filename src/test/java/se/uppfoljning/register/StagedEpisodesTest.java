package se.uppfoljning.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.job.IngestRunner;

/**
 * A load empties stg_deltagare of its own file's rows: with TRUNCATE when they are all the table
 * holds, else row by row, so that another project's episodes staged in the meantime stay.
 */
class StagedEpisodesTest extends DatabaseTest {
    @Autowired
    IngestRunner runner;
    @TempDir
    Path out;

    @Test
    void aLoadLeavesNoStagedEpisodesBehind() throws Exception {
        IngestRunner.Result result = ingestSample();

        assertThat(result.status()).isEqualTo(IngestRunner.Status.DONE);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(1599);
        assertThat(count("SELECT count(*) FROM stg_deltagare")).isZero();
        // the index the insert reads the rows through is gone with it
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE tablename = 'stg_deltagare'")).isZero();
    }

    @Test
    void anotherProjectsStagedEpisodesStayWhenALoadEmptiesItsOwn() throws Exception {
        // as if another project's ingest had staged an episode of a file not loaded yet
        jdbc.sql("""
                INSERT INTO stg_deltagare (file_id, line, person_key, birth_date, legal_gender, startdatum, episode_key)
                VALUES (1000000, 2, sha256('someone'::bytea), DATE '1980-01-01', 'K', DATE '2026-01-05', '0123456789abcdef')""")
                .update();

        IngestRunner.Result result = ingestSample();

        assertThat(result.status()).isEqualTo(IngestRunner.Status.DONE);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(1599);
        assertThat(jdbc.sql("SELECT file_id || ':' || line FROM stg_deltagare").query(String.class).list())
                .containsExactly("1000000:2");
    }

    private IngestRunner.Result ingestSample() throws Exception {
        return new IngestFixture(runner, out)
                .ingest("stockholmskraften", Path.of("sample-data/stockholmskraften").toAbsolutePath());
    }
}
