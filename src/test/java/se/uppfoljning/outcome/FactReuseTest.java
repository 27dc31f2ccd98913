package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * An outcome run is reused for the same register, as-of date and rules, but only while its facts are
 * there: episode_fact is unlogged, and a crash of the database server empties it.
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

    /** Every column of the run's facts but the run's id, episode by episode. */
    private String facts(long run) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg((to_jsonb(f) - 'run_id')::text, '|' ORDER BY episode_id), '')
                          FROM episode_fact f WHERE run_id = ?""")
                .param(run).query(String.class).single();
    }
}
