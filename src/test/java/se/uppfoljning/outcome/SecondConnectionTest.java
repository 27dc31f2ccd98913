package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.uppfoljning.outcome.Scenario.person;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.uppfoljning.IngestFixture;
import se.uppfoljning.config.SourceProfileLoader;

/**
 * The episodes, PROGRESSION and COORDINATED are computed on a second connection beside the other
 * definitions (the default): the facts are the same as on one connection, and nothing is left behind;
 * a failure there reaches the computation's own connection, which never waits for ever.
 */
class SecondConnectionTest extends ScenarioTest {
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theFactsAreTheSameAsOnOneConnectionAndNothingIsLeftBehind() throws Exception {
        s.episode(person(0), "2025-01-10", "2025-02-28");
        s.episode(person(1), "2025-01-15", null);
        s.episode(person(2), "2025-03-01", "2025-06-30");
        for (String m : new String[] {"2024-10", "2024-11", "2024-12"}) s.payment(person(0), m, "6000");
        s.payment(person(0), "2025-04", "2000");
        s.payment(person(1), "2025-01", "5000");
        s.payment(person(9), "2026-10", "1");
        s.contact(person(0), "2025-02-01", "SAMORDNAD_PLANERING", "");
        s.contact(person(0), "2025-02-10", "GEMENSAM_KARTLAGGNING", "SOC|JC");
        s.contact(person(2), "2025-03-20", "GEMENSAM_KARTLAGGNING", "AF|AF");
        s.af(person(1), "2024-06-01", "11", "", "");
        s.af(person(2), "2025-02-20", "11", "2025-07-15", "ARBETE");
        s.insats(person(1), "MOTIVATION", "2025-01-01", "");
        s.insats(person(1), "PRAKTIK", "2025-03-01", "");
        s.assessment(person(2), "2025-03-05", 3).assessment(person(2), "2025-05-05", 2);
        s.computeAsOf("2026-11-03");
        List<String> onTwo = facts(s.run());

        assertThat(count("SELECT count(*) FROM pg_class WHERE relname LIKE 'outcome_side%'")).isZero();
        assertThat(onTwo).hasSize(3);
        assertThat(onTwo).anySatisfy(f -> assertThat(f).contains("\"coordinated\": true"));
        assertThat(onTwo).anySatisfy(f -> assertThat(f).contains("\"support_reduced_measurable\": true"));
        assertThat(onTwo).anySatisfy(f -> assertThat(f).contains("\"eligible\": false"));
        assertThat(onTwo).anySatisfy(f -> assertThat(f).contains("\"progressed\": true"));

        forget(s.run());
        OutcomeEngine oneConnection = new OutcomeEngine(jdbc, transactions, false);
        long again = new TransactionTemplate(transactions).execute(status -> oneConnection.compute(
                IngestFixture.project(Scenario.PROJECT), SourceProfileLoader.load(Path.of("jobs/sources"), "insatser"),
                LocalDate.parse("2026-11-03"), null));

        assertThat(again).isNotEqualTo(s.run());
        assertThat(facts(again)).isEqualTo(onTwo);
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname LIKE 'outcome_side%'")).isZero();
    }

    @Test
    @Timeout(120)
    void aFailureWhileTheSecondConnectionMakesTheEpisodesReachesTheFirstInsteadOfLeavingItWaiting() {
        Map<String, SqlScript> scripts = Map.of("00_EPISODE_FACTS", SqlScript.load("sql/outcome-test/FAILING_EPISODES.sql"));
        TransactionTemplate side = new TransactionTemplate(transactions);
        side.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try (SideComputation second = SideComputation.start(jdbc, side, scripts, Map.of(), 0, Scenario.PROJECT,
                    sideJdbc -> { })) {
                second.awaitEpisodes(jdbc);
            }
        })).hasMessageContaining("division by zero");
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname LIKE 'outcome_side%'")).isZero();
    }

    /** Every column of the run's facts but the run's id, per episode. */
    private List<String> facts(long run) {
        return jdbc.sql("SELECT (to_jsonb(f) - 'run_id')::text FROM episode_fact f WHERE run_id = ? ORDER BY episode_id")
                .param(run).query(String.class).list();
    }

    /** The run is taken away, so that the same facts are computed again rather than reused. */
    private void forget(long run) {
        jdbc.sql("DELETE FROM episode_fact WHERE run_id = ?").param(run).update();
        jdbc.sql("DELETE FROM insats_type WHERE run_id = ?").param(run).update();
        jdbc.sql("DELETE FROM outcome_run WHERE run_id = ?").param(run).update();
    }
}
