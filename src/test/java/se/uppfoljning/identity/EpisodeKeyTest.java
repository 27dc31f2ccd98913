package se.uppfoljning.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.job.IngestRunner;

/**
 * An episode's key is made in Java while its row is staged, and must be the key the register load
 * made in SQL before V16: the registers and export histories already hold those, and the SUS export
 * tells a changed episode from a new one by it.
 */
class EpisodeKeyTest extends DatabaseTest {
    /** The load's expression until V16 (V16's backfill of rows staged before it is the same). */
    private static final String KEY_AS_SQL_MADE_IT = """
            SELECT substr(md5(CAST(? AS text) || '|' || encode(?, 'hex') || '|' || CAST(? AS date)
                              || CASE WHEN ? THEN '|void' ELSE '' END), 1, 16)""";

    @Autowired
    IngestRunner runner;
    @TempDir
    Path out;

    @Test
    void theKeyIsTheOneTheLoadMadeInSql() throws Exception {
        byte[] person = MessageDigest.getInstance("SHA-256").digest("a person".getBytes(StandardCharsets.UTF_8));
        for (String project : new String[] {"stockholmskraften", "västerås-finsam"}) {
            for (LocalDate start : new LocalDate[] {LocalDate.of(2026, 3, 9), LocalDate.of(999, 12, 31)}) {
                for (boolean isVoid : new boolean[] {false, true}) {
                    String inSql = jdbc.sql(KEY_AS_SQL_MADE_IT).params(project, person, start, isVoid)
                            .query(String.class).single();
                    assertThat(EpisodeKey.of(project, person, start, isVoid))
                            .as("%s %s %s", project, start, isVoid).isEqualTo(inSql).matches("[0-9a-f]{16}");
                }
            }
        }
    }

    @Test
    void theSameEpisodeKeepsItsKeyAndAVoidOneGetsAnother() {
        byte[] person = new byte[32];
        LocalDate start = LocalDate.of(2026, 1, 12);

        assertThat(EpisodeKey.of("p", person, start, false)).isEqualTo(EpisodeKey.of("p", person.clone(), start, false))
                .isNotEqualTo(EpisodeKey.of("p", person, start, true))
                .isNotEqualTo(EpisodeKey.of("p", person, start.plusDays(1), false))
                .isNotEqualTo(EpisodeKey.of("q", person, start, false));
    }

    @Test
    void everyLoadedEpisodeHasTheKeyOfItsProjectPersonStartAndVoid() throws Exception {
        new IngestFixture(runner, out).ingest("stockholmskraften", Path.of("sample-data/stockholmskraften").toAbsolutePath());

        var counts = jdbc.sql("""
                        SELECT count(*) AS episodes, count(*) FILTER (WHERE void) AS void,
                               count(*) FILTER (WHERE episode_key IS DISTINCT FROM substr(md5(project_id || '|'
                                   || encode(person_key, 'hex') || '|' || start_date
                                   || CASE WHEN void THEN '|void' ELSE '' END), 1, 16)) AS other_key
                          FROM episode""")
                .query((rs, n) -> new long[] {rs.getLong("episodes"), rs.getLong("void"), rs.getLong("other_key")})
                .single();

        assertThat(counts[0]).isEqualTo(1599);
        assertThat(counts[1]).as("void episodes in the sample").isPositive();
        assertThat(counts[2]).as("episodes whose key is not the SQL one").isZero();
    }
}
