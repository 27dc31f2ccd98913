package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * An outcome run is reused for the same register, as-of date and rules, but only while its facts are
 * there: the runs' facts are unlogged tables (episode_fact's partitions), and a crash of the database
 * server empties them.
 */
class FactReuseTest extends ScenarioTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 3);

    @Test
    void theSameInputsReuseTheRunWhileItsFactsAreThere() throws Exception {
        s.episode(person(0), "2025-01-10", "2025-06-30");
        s.episode(person(1), "2025-02-01", null);
        s.computeAsOf("2026-11-03");

        assertThat(compute(AS_OF)).isEqualTo(s.run());
        assertThat(count("SELECT count(*) FROM outcome_run WHERE as_of = ?", AS_OF)).isOne();
    }

    @Test
    void aRunWhoseFactsWereLostIsComputedAgain() throws Exception {
        s.episode(person(0), "2025-01-10", "2025-06-30");
        s.episode(person(1), "2025-02-01", null);
        s.computeAsOf("2026-11-03");
        String before = facts(s.run());
        // what PostgreSQL does to an unlogged table when it starts after a crash
        jdbc.sql("TRUNCATE episode_fact").update();

        long again = compute(AS_OF);

        assertThat(again).isNotEqualTo(s.run());
        assertThat(facts(again)).isNotEmpty().isEqualTo(before);
    }

    @Test
    void eachRunsFactsAreAnUnloggedTableOfTheirOwnAttachedToEpisodeFact() throws Exception {
        s.episode(person(0), "2025-01-10", "2025-06-30");
        s.episode(person(1), "2025-02-01", null);
        s.computeAsOf("2026-11-03");
        long first = s.run();
        long second = compute(LocalDate.of(2026, 11, 4));

        assertThat(jdbc.sql("""
                        SELECT c.relname || ' ' || c.relpersistence::text || ' ' || pg_get_expr(c.relpartbound, c.oid)
                          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                         WHERE i.inhparent = 'episode_fact'::regclass ORDER BY c.relname""")
                .query(String.class).list()).containsExactly(
                "episode_fact_run_" + first + " u FOR VALUES FROM ('" + first + "') TO ('" + (first + 1) + "')",
                "episode_fact_run_" + second + " u FOR VALUES FROM ('" + second + "') TO ('" + (second + 1) + "')");
        // the second run left the first's facts as they were, and each table holds its own run's rows
        assertThat(count("SELECT count(*) FROM episode_fact_run_" + first + " WHERE run_id = ?", first)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM episode_fact_run_" + second + " WHERE run_id = ?", second)).isEqualTo(2);
        // the key holds in every partition, built when the run's table was attached
        assertThat(count("""
                SELECT count(*) FROM pg_index x JOIN pg_inherits i ON i.inhrelid = x.indrelid
                 WHERE i.inhparent = 'episode_fact'::regclass AND x.indisprimary""")).isEqualTo(2);
        // and the statistics of the run's rows were counted when they were written
        assertThat(count("SELECT count(*) FROM pg_stats WHERE tablename = ? AND attname = 'gender'",
                "episode_fact_run_" + second)).isOne();
    }

    /** Every column of the run's facts but the run's id, episode by episode. */
    private String facts(long run) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg((to_jsonb(f) - 'run_id')::text, '|' ORDER BY episode_id), '')
                          FROM episode_fact f WHERE run_id = ?""")
                .param(run).query(String.class).single();
    }
}
