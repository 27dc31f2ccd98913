package se.uppfoljning.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.FileSystemUtils;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.job.IngestProjectJob;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.job.ProjectJob;
import se.uppfoljning.schedule.RunAllJob.Part;

/**
 * run-all with the real ingest and stand-ins for the report jobs (which are written elsewhere): each
 * stand-in is a {@link ProjectJob} bean like the real ones will be and records what it was asked to do.
 */
class RunAllJobTest extends DatabaseTest {
    static final LocalDate THIRD_OF_NOVEMBER = LocalDate.of(2026, 11, 3);

    /** A report job: returns the given exit code, or throws when it is negative. */
    static final class StandIn implements ProjectJob {
        final String name;
        final int exitCode;
        final List<JobRequest> requests = new ArrayList<>();

        StandIn(String name, int exitCode) {
            this.name = name;
            this.exitCode = exitCode;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int run(JobRequest request) {
            requests.add(request);
            if (exitCode < 0) throw new IllegalStateException("the template is broken");
            return exitCode;
        }
    }

    @Autowired
    IngestProjectJob ingest;
    @Autowired
    DataSource dataSource;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobOperator jobOperator;
    @TempDir
    Path tmp;

    @BeforeEach
    void inboxes() {
        new InboxBuilder(tmp.resolve("inbox/stockholmskraften")).csv("deltagare", "deltagare_2026-10-31.csv",
                "personnummer;team;omrade;startdatum",
                hyphenated(adult(0)) + ";1;Hässelby-Vällingby;2025-01-10",
                hyphenated(adult(1)) + ";2;Skärholmen;2025-02-01");
        new InboxBuilder(tmp.resolve("inbox/vasteras")).csv("deltagare", "deltagare_2026-10-31.csv",
                "personnummer;team;omrade;startdatum",
                hyphenated(adult(2)) + ";A;Bäckby;2025-03-01");
    }

    RunAllJob runAll(int parallelJobs, ProjectJob... reports) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("ingest", ingest);
        for (ProjectJob r : reports) beans.addBean(r.name(), r);
        ScheduledJobs scheduled = new ScheduledJobs(beans.getBeanProvider(ProjectJob.class), jobRepository, jobOperator,
                Path.of("").toAbsolutePath().toString());
        return new RunAllJob(scheduled, dataSource, parallelJobs);
    }

    /** As installed: the jobs after the ingest two at a time. */
    RunAllJob runAll(ProjectJob... reports) {
        return runAll(RunAllJob.DEFAULT_PARALLEL_JOBS, reports);
    }

    /** A report job that prints, and waits until {@code waitFor} has run (when given). */
    static final class Printing implements ProjectJob {
        final String name;
        final CountDownLatch done = new CountDownLatch(1);
        final CountDownLatch waitFor;
        final List<String> events;

        Printing(String name, CountDownLatch waitFor, List<String> events) {
            this.name = name;
            this.waitFor = waitFor;
            this.events = events;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int run(JobRequest request) throws Exception {
            events.add(name + " started");
            System.out.println(name + ": first line");
            System.err.println(name + ": a warning");
            if (waitFor != null && !waitFor.await(60, TimeUnit.SECONDS)) {
                System.out.println(name + ": the other job never ran");
                return ExitCodes.FAILED;
            }
            System.out.println(name + ": last line");
            events.add(name + " ended");
            done.countDown();
            return ExitCodes.DONE;
        }
    }

    @Test
    void theJobsAfterTheIngestRunTwoAtATimeAndTheirOutputReadsAsIfOneAfterTheOther() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        Printing sus = new Printing("sus-export", null, events);
        // the monthly report comes first in jobs/run-all.yml and can only end once sus-export has run:
        // one job at a time, it would wait in vain
        Printing monthly = new Printing("monthly-report", sus.done, events);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        PrintStream[] afterwards = new PrintStream[2];
        RunAllJob.Outcome outcome = printingTo(out, err, () -> {
            PrintStream before = System.out;
            RunAllJob.Outcome o = runAll(2, monthly, sus).runProject(request("vasteras", THIRD_OF_NOVEMBER));
            afterwards[0] = before;
            afterwards[1] = System.out;
            return o;
        });

        assertThat(outcome.parts()).extracting(Part::job, Part::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ingest", ExitCodes.DONE),
                org.assertj.core.groups.Tuple.tuple("monthly-report", ExitCodes.DONE),
                org.assertj.core.groups.Tuple.tuple("sus-export", ExitCodes.DONE));
        assertThat(events).containsSubsequence("sus-export ended", "monthly-report ended");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).containsSubsequence("-- monthly-report vasteras 2026-10", "monthly-report: first line",
                "monthly-report: last line", "-- sus-export vasteras 2026-10", "sus-export: first line",
                "sus-export: last line", "run-all vasteras:");
        assertThat(err.toString(StandardCharsets.UTF_8)).containsSubsequence("monthly-report: a warning",
                "sus-export: a warning");
        assertThat(afterwards[1]).as("System.out is put back").isSameAs(afterwards[0]);
    }

    /**
     * Side by side, the SUS file (the longest job at scale) starts first, so that the shorter jobs run
     * beside it rather than it alone at the end, and the ESF report (the shortest: the monthly report
     * counts its period) last; the others start in the file's order, and every part is still printed
     * in the file's order (above).
     */
    @Test
    void sideBySideTheSusExportStartsFirstTheEsfReportLastAndTheOthersInTheFilesOrder() {
        assertThat(RunAllJob.startOrder(List.of("monthly-report", "esf-report", "sus-export", "esf-export")))
                .containsExactly(2, 0, 3, 1);
        assertThat(RunAllJob.startOrder(List.of("esf-report", "esf-export")))
                .containsExactly(1, 0);
        assertThat(RunAllJob.startOrder(List.of("monthly-report", "tertial-report", "finsam-export")))
                .containsExactly(0, 1, 2);
        assertThat(RunAllJob.startOrder(List.of())).isEmpty();
    }

    @Test
    void withOneJobAtATimeEachJobStartsWhenTheOneBeforeHasEnded() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        Printing monthly = new Printing("monthly-report", null, events);
        Printing sus = new Printing("sus-export", null, events);

        RunAllJob.Outcome outcome = runAll(1, monthly, sus).runProject(request("vasteras", THIRD_OF_NOVEMBER));

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.DONE);
        assertThat(events).containsExactly("monthly-report started", "monthly-report ended", "sus-export started",
                "sus-export ended");
    }

    static <T> T printingTo(ByteArrayOutputStream out, ByteArrayOutputStream err,
                            java.util.concurrent.Callable<T> action) throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return action.call();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    JobRequest request(String project, LocalDate asOf) {
        return new JobRequest(IngestFixture.project(project), IngestFixture.projectFile(project),
                tmp.resolve("inbox").resolve(project), tmp.resolve("out"), Path.of("jobs/sources").toAbsolutePath(),
                asOf, null, false);
    }

    @Test
    void onTheThirdItIngestsThenRunsTheMonthlyJobsWithTheirPeriodsAndReportsTheMissingOnes() throws Exception {
        StandIn monthly = new StandIn("monthly-report", ExitCodes.DONE);
        StandIn esfExport = new StandIn("esf-export", ExitCodes.NOTHING_TO_DO);
        StandIn tertial = new StandIn("tertial-report", ExitCodes.DONE);

        RunAllJob.Outcome outcome = runAll(monthly, esfExport, tertial)
                .runProject(request("stockholmskraften", THIRD_OF_NOVEMBER));

        assertThat(outcome.parts()).containsExactly(
                new Part("ingest", null, ExitCodes.DONE, null),
                new Part("monthly-report", "2026-10", ExitCodes.DONE, null),
                new Part("esf-report", "lifetime", null, "finns inte i den här versionen (not available in this build)"),
                new Part("sus-export", "2026-10", null, "finns inte i den här versionen (not available in this build)"),
                new Part("esf-export", "2026-10", ExitCodes.NOTHING_TO_DO, null));
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.DONE);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(2);
        assertThat(monthly.requests).singleElement().satisfies(r -> {
            assertThat(r.project().id()).isEqualTo("stockholmskraften");
            assertThat(r.period()).isEqualTo("2026-10");
            assertThat(r.asOf()).isEqualTo(THIRD_OF_NOVEMBER);
            assertThat(r.out()).isEqualTo(tmp.resolve("out"));
            assertThat(r.inbox()).isNull();
        });
        assertThat(tertial.requests).isEmpty();
    }

    @Test
    void aProjectWithoutEsfFundingGetsNoEsfJobs() throws Exception {
        StandIn esfExport = new StandIn("esf-export", ExitCodes.DONE);
        StandIn sus = new StandIn("sus-export", ExitCodes.DONE);

        RunAllJob.Outcome outcome = runAll(esfExport, sus).runProject(request("vasteras", THIRD_OF_NOVEMBER));

        assertThat(outcome.parts()).extracting(Part::job).containsExactly("ingest", "monthly-report", "sus-export");
        assertThat(esfExport.requests).isEmpty();
        assertThat(sus.requests).singleElement().extracting(JobRequest::period).isEqualTo("2026-10");
    }

    @Test
    void aFailingReportDoesNotStopTheOthersAndTheRunEndsWithTheWorstCode() throws Exception {
        StandIn monthly = new StandIn("monthly-report", -1);
        StandIn sus = new StandIn("sus-export", ExitCodes.DONE);

        RunAllJob.Outcome outcome = runAll(monthly, sus).runProject(request("vasteras", THIRD_OF_NOVEMBER));

        assertThat(outcome.parts()).extracting(Part::job, Part::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ingest", ExitCodes.DONE),
                org.assertj.core.groups.Tuple.tuple("monthly-report", ExitCodes.FAILED),
                org.assertj.core.groups.Tuple.tuple("sus-export", ExitCodes.DONE));
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void whenTheIngestFailsTheReportsAreNotMade() throws Exception {
        StandIn monthly = new StandIn("monthly-report", ExitCodes.DONE);
        jdbc.sql("ALTER TABLE stg_deltagare RENAME TO stg_deltagare_away").update();
        RunAllJob.Outcome outcome;
        try {
            outcome = runAll(monthly).runProject(request("vasteras", THIRD_OF_NOVEMBER));
        } finally {
            jdbc.sql("ALTER TABLE stg_deltagare_away RENAME TO stg_deltagare").update();
        }

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(outcome.parts()).extracting(Part::job, Part::note).contains(
                org.assertj.core.groups.Tuple.tuple("monthly-report", "inte körd: inläsningen blev inte klar"));
        assertThat(monthly.requests).isEmpty();
    }

    @Test
    void onADayWithNothingDueOnlyTheIngestRunsAndNothingNewCountsAsDone() throws Exception {
        RunAllJob job = runAll(new StandIn("monthly-report", ExitCodes.DONE));
        job.runProject(request("vasteras", LocalDate.of(2026, 11, 4)));

        RunAllJob.Outcome again = job.runProject(request("vasteras", LocalDate.of(2026, 11, 4)));

        assertThat(again.parts()).containsExactly(new Part("ingest", null, ExitCodes.NOTHING_TO_DO, null));
        assertThat(again.exitCode()).isEqualTo(ExitCodes.DONE);
    }

    @Test
    void aScheduledFiringRunsTheJobForEveryProjectOfItsFileAndGoesOnAfterOneFails() throws Exception {
        Path home = tmp.resolve("home");
        FileSystemUtils.copyRecursively(Path.of("jobs"), home.resolve("jobs"));
        FileSystemUtils.copyRecursively(tmp.resolve("inbox/vasteras"), home.resolve("inbox/vasteras"));
        ScheduledJobs scheduled = new ScheduledJobs(beans(), jobRepository, jobOperator, home.toString());
        JobSchedule ingestSchedule = scheduled.schedules().of("ingest").orElseThrow();
        assertThat(Files.exists(home.resolve("inbox/stockholmskraften"))).isFalse();

        int code = scheduled.runScheduled(ingestSchedule, THIRD_OF_NOVEMBER, System.out);

        // stockholmskraften's inbox is missing (2); vasteras's was ingested anyway
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(count("SELECT count(*) FROM episode WHERE project_id = 'vasteras'")).isOne();
        assertThat(scheduled.runScheduled(scheduled.schedules().of("annual-report").orElseThrow(), THIRD_OF_NOVEMBER,
                System.out)).as("a job this build does not have").isEqualTo(ExitCodes.DONE);
    }

    private org.springframework.beans.factory.ObjectProvider<ProjectJob> beans() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("ingest", ingest);
        return beans.getBeanProvider(ProjectJob.class);
    }
}
