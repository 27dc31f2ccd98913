package se.uppfoljning.outcome;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.config.SourceProfileLoader;
import se.uppfoljning.job.IngestRunner;

/** Base of the outcome scenario tests: a fresh {@link Scenario} per test on the real database. */
public abstract class ScenarioTest extends DatabaseTest {
    @Autowired
    IngestRunner runner;
    @Autowired
    OutcomeEngine outcomes;
    @Autowired
    IndicatorEngine indicators;
    @TempDir
    Path tmp;
    protected Scenario s;

    @BeforeEach
    void scenario() {
        s = new Scenario(tmp, runner, outcomes, indicators, jdbc);
    }

    /** The outcome run of the scenario's project as of the date, as a job's first step asks for it. */
    long compute(LocalDate asOf) {
        return outcomes.compute(IngestFixture.project(Scenario.PROJECT),
                SourceProfileLoader.load(Path.of("jobs/sources"), "insatser"), asOf, null);
    }
}
