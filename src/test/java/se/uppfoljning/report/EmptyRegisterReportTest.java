package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.uppfoljning.TestPersons.adult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.job.ProjectJob;

/**
 * Every report kind on a register with nothing (or almost nothing) in it: no files ingested, a
 * project whose only extract failed, one episode, periods before the project's start. A report of
 * nobody is a report with zeros, not a failure. A NOT NULL violation on indicator_value was seen once
 * on an empty register: participant-days were then summed in a statement of their own with a
 * grand-total grouping set, which over no rows gives one row with sum() = NULL (see IndicatorTest);
 * since they are counted in the one GROUPING SETS pass, whose sets all include the indicator, an
 * empty population gives no row at all.
 */
class EmptyRegisterReportTest extends DatabaseTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @Autowired
    List<ProjectJob> jobs;
    @Autowired
    IngestRunner runner;
    @TempDir
    Path tmp;

    static Stream<Arguments> reports() {
        return Stream.of(
                arguments("monthly-report", "stockholmskraften", "2026-10"),
                arguments("tertial-report", "stockholmskraften", "2026-T2"),
                arguments("halfyear-report", "stockholmskraften", "2026-H1"),
                arguments("annual-report", "stockholmskraften", "2025"),
                arguments("esf-report", "stockholmskraften", "lifetime"),
                arguments("esf-report", "stockholmskraften", "2026-10"),
                arguments("monthly-report", "vasteras", "2026-10"),
                // before the project's start (2024-09-01)
                arguments("monthly-report", "stockholmskraften", "2024-01"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("reports")
    void aReportOfAnEmptyRegisterIsMadeWithNoNumbers(String job, String project, String period) throws Exception {
        assertThat(run(job, project, period)).isEqualTo(ExitCodes.DONE);
        assertThat(count("SELECT count(*) FROM indicator_value")).isZero();
        assertThat(tablesCsv(project)).hasSize(1);
    }

    /** A management and an ESF report, for the cases that need an ingest first (each report takes seconds). */
    static Stream<Arguments> kinds() {
        return Stream.of(
                arguments("monthly-report", "stockholmskraften", "2026-10"),
                arguments("esf-report", "stockholmskraften", "lifetime"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("kinds")
    void aReportOfAProjectWhoseOnlyExtractFailedIsMadeWithNoNumbers(String job, String project, String period)
            throws Exception {
        InboxBuilder inbox = new InboxBuilder(tmp.resolve("inbox"));
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", "personnummer;team;omrade;startdatum",
                "not-a-number;1;Hässelby-Vällingby;2025-01-10", "19000101-0000;x;y;2025-13-01");
        ingest(project, inbox);
        assertThat(count("SELECT count(*) FROM episode")).isZero();
        assertThat(run(job, project, period)).isEqualTo(ExitCodes.DONE);
        assertThat(tablesCsv(project)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("kinds")
    void aReportOfOneEpisodeIsMade(String job, String project, String period) throws Exception {
        ProjectConfig.Team first = IngestFixture.project(project).teams().get(0);
        String team = first.id();
        String area = first.areas().get(0);
        InboxBuilder inbox = new InboxBuilder(tmp.resolve("inbox"));
        inbox.csv("deltagare", "deltagare_2026-10-31.csv",
                "personnummer;team;omrade;startdatum;slutdatum;avslutsanledning;samtycke",
                adult(0) + ";" + team + ";" + area + ";2026-03-02;2026-10-15;ENLIGT_PLAN;J");
        ingest(project, inbox);
        assertThat(count("SELECT count(*) FROM episode")).isOne();
        assertThat(run(job, project, period)).isEqualTo(ExitCodes.DONE);
        assertThat(tablesCsv(project)).hasSize(1);
    }

    private void ingest(String project, InboxBuilder inbox) throws Exception {
        runner.run(IngestFixture.project(project), IngestFixture.projectFile(project), inbox.root(),
                tmp.resolve("ingest-out"), Path.of("jobs/sources").toAbsolutePath(), AS_OF);
    }

    private int run(String job, String project, String period) throws Exception {
        ProjectJob projectJob = jobs.stream().filter(j -> j.name().equals(job)).findFirst().orElseThrow();
        return projectJob.run(new JobRequest(IngestFixture.project(project), IngestFixture.projectFile(project), null,
                tmp.resolve("out"), Path.of("jobs/sources").toAbsolutePath(), AS_OF, period, false));
    }

    private List<Path> tablesCsv(String project) throws Exception {
        try (Stream<Path> files = Files.walk(tmp.resolve("out").resolve(project))) {
            return files.filter(p -> p.getFileName().toString().equals("tables.csv")).toList();
        }
    }
}
