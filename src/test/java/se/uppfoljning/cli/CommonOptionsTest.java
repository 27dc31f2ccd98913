package se.uppfoljning.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.job.JobRequest;

/**
 * What a command line leaves out comes from jobs/&lt;job&gt;.yml, so the crontab line
 * {@code scripts/run monthly-report --project vasteras} reports on the month before the day it runs.
 */
class CommonOptionsTest {
    final Path home = CommonOptions.home();

    static CommonOptions parse(String... args) {
        CommonOptions options = new CommonOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void aReportTakesItsPeriodRuleAndOutputFolderFromItsJobFile() {
        JobRequest r = parse("--project", "vasteras", "--as-of", "2026-11-03").request("monthly-report");

        assertThat(r.period()).isEqualTo("2026-10");
        assertThat(r.out()).isEqualTo(home.resolve("out"));
        assertThat(r.inbox()).isNull();
        assertThat(r.asOf()).isEqualTo(LocalDate.of(2026, 11, 3));
    }

    @Test
    void theIngestTakesTheProjectsInboxFromItsJobFile() {
        JobRequest r = parse("--project", "vasteras", "--as-of", "2026-11-03").request("ingest");

        assertThat(r.inbox()).isEqualTo(home.resolve("inbox/vasteras"));
        assertThat(r.period()).isNull();
    }

    @Test
    void theCommandLineWinsAndAPeriodRuleIsResolvedAgainstTheAsOfDate() {
        assertThat(parse("--project", "vasteras", "--as-of", "2026-11-03", "--period", "previous-tertial")
                .request("monthly-report").period()).isEqualTo("2026-T2");
        assertThat(parse("--project", "vasteras", "--as-of", "2026-11-03", "--period", "2026-09")
                .request("monthly-report").period()).isEqualTo("2026-09");
        assertThat(parse("--project", "vasteras", "--inbox", "/tmp/elsewhere", "--out", "/tmp/out")
                .request("ingest")).satisfies(r -> {
                    assertThat(r.inbox()).isEqualTo(Path.of("/tmp/elsewhere"));
                    assertThat(r.out()).isEqualTo(Path.of("/tmp/out"));
                });
        assertThat(parse("--project", "vasteras", "--as-of", "2027-01-15", "--period", "previous-year").request()
                .period()).isEqualTo("2026");
    }

    @Test
    void aJobWithoutAFileTakesOnlyTheCommandLine() {
        JobRequest r = parse("--project", "vasteras").request("demo");

        assertThat(r.inbox()).isNull();
        assertThat(r.period()).isNull();
        assertThat(r.out()).isEqualTo(home.resolve("out"));
    }

    @Test
    void anUnknownProjectIsAConfigurationError() {
        assertThatThrownBy(() -> parse("--project", "malmo").request("ingest")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown project 'malmo'");
    }
}
