package se.uppfoljning.schedule;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.job.ProjectJob;

/**
 * {@code run-all} for one project: ingest its inbox, then every report and export job of
 * {@code jobs/run-all.yml} that is due on the as-of date and lists the project. A job is due when its
 * own cron expression fires at some time on the as-of date (local time), so run-all of 3 November runs
 * the monthly report ("0 6 3 * *") for October; run-all of 4 November does not. A due job this build
 * does not have is reported as not available and does not fail the run.
 * <p>
 * When the ingest failed (1) or another ingest of the project holds the lock (3), the reports are
 * not made: they would not show what is in the inbox. A bad file (2) does not stop them: the other
 * files were loaded. The exit code is the worst of the parts, nothing to do (4) counting as done.
 * <p>
 * After the ingest the due jobs run two at a time ({@code uppfoljning.run-all.parallel-jobs}); their
 * output and the summary read as if they had run one after the other.
 */
@Component
public class RunAllJob implements ProjectJob {
    /** One part of a run-all and how it ended; {@code code} is null when the job is not in this build. */
    public record Part(String job, String period, Integer code, String note) {
    }

    /**
     * How many of the jobs after the ingest run at a time, {@code uppfoljning.run-all.parallel-jobs};
     * 1 runs them one after the other. docs/operating.md says why two.
     */
    public static final int DEFAULT_PARALLEL_JOBS = 2;

    private final ScheduledJobs scheduled;
    private final DataSource dataSource;
    private final int parallelJobs;
    private final ZoneId zone = ZoneId.systemDefault();

    public RunAllJob(ScheduledJobs scheduled, DataSource dataSource,
                     @Value("${uppfoljning.run-all.parallel-jobs:" + DEFAULT_PARALLEL_JOBS + "}") int parallelJobs) {
        if (parallelJobs < 1) {
            throw new IllegalArgumentException("uppfoljning.run-all.parallel-jobs must be at least 1, not " + parallelJobs);
        }
        this.scheduled = scheduled;
        this.dataSource = dataSource;
        this.parallelJobs = parallelJobs;
    }

    @Override
    public String name() {
        return JobSchedule.RUN_ALL;
    }

    /** What a run-all of one project did: its parts and its exit code. */
    public record Outcome(int exitCode, List<Part> parts) {
    }

    @Override
    public int run(JobRequest request) throws Exception {
        return runProject(request).exitCode();
    }

    /** run-all for the request's project, with the summary on standard output. */
    public Outcome runProject(JobRequest request) throws Exception {
        if (request.period() != null) {
            throw new ConfigException("run-all takes no --period: each job it runs has its period rule in jobs/<job>.yml.");
        }
        JobSchedules schedules = scheduled.schedules();
        JobSchedule runAll = schedules.runAll();
        String project = request.project().id();
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%n== run-all %s per %s%n", project, request.asOf());
        Optional<RunLock> lock = RunLock.tryAcquire(dataSource, JobSchedule.RUN_ALL, project);
        if (lock.isEmpty()) {
            System.err.println("Locked: another run-all of project " + project + " is running.");
            return new Outcome(ExitCodes.LOCKED, List.of());
        }
        try (RunLock held = lock.get()) {
            List<Part> parts = parts(schedules, runAll, request, out);
            printSummary(out, project, parts);
            int worst = ExitCodes.DONE;
            for (Part p : parts) {
                if (p.code() != null) worst = ExitCodes.worst(worst, p.code());
            }
            return new Outcome(worst, parts);
        }
    }

    private List<Part> parts(JobSchedules schedules, JobSchedule runAll, JobRequest request, PrintStream out)
            throws SQLException {
        String project = request.project().id();
        int ingest = ingest(request, out);
        boolean skipReports = ingest == ExitCodes.FAILED || ingest == ExitCodes.LOCKED;
        List<Due> due = new ArrayList<>();
        for (String jobName : runAll.jobs()) {
            JobSchedule schedule = schedules.of(jobName).orElseThrow();
            if (!schedule.projects().contains(project) || !schedule.dueOn(request.asOf(), zone)) continue;
            String period = schedule.periodOn(request.asOf());
            if (skipReports) {
                due.add(Due.notRun(new Part(jobName, period, null, "inte körd: inläsningen blev inte klar")));
                continue;
            }
            Optional<ProjectJob> job = scheduled.find(jobName);
            if (job.isEmpty()) {
                due.add(Due.notRun(new Part(jobName, period, null,
                        "finns inte i den här versionen (not available in this build)")));
                continue;
            }
            due.add(new Due(jobName, period, job.get(), new JobRequest(request.project(), request.projectFile(), null,
                    request.out(), request.sources(), request.asOf(), period, request.rerun()), null));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(JobSchedule.INGEST, null, ingest, null));
        long runnable = due.stream().filter(d -> d.done() == null).count();
        parts.addAll(parallelJobs > 1 && runnable > 1 ? sideBySide(due, project) : oneAfterTheOther(due, project, out));
        return parts;
    }

    /** A due job: to be run, or already known not to run ({@code done}). */
    private record Due(String jobName, String period, ProjectJob job, JobRequest request, Part done) {
        static Due notRun(Part part) {
            return new Due(part.job(), part.period(), null, null, part);
        }
    }

    private List<Part> oneAfterTheOther(List<Due> due, String project, PrintStream out) {
        List<Part> parts = new ArrayList<>();
        for (Due d : due) parts.add(d.done() != null ? d.done() : run(d, project, out));
        return parts;
    }

    /**
     * The job started first when the jobs run side by side: at scale the SUS registration file takes
     * the longest of the jobs after the ingest (a row for every participation since the project's
     * start: about 29 s of the 1,000,000-episode benchmark, against 22 s for the monthly report and
     * 9 s for the ESF list). Started last, as fourth in jobs/run-all.yml, it ran alone at the end;
     * started first, the shorter jobs run beside it (longest first: the run-all ended about 13 s
     * sooner there). The parts are still printed in the file's order.
     */
    static final String LONGEST_JOB = "sus-export";

    /**
     * The job started last side by side: the ESF report's one period, lifetime, is among those the
     * monthly report counts, so beside it the ESF report only reads the counts back and renders two
     * pages, the shortest job of a run-all at scale (1.7-2.3 s at 1,000,000 episodes, against
     * 2.8-3.2 s for the ESF list, which compares and writes its months). The longer of the two then
     * takes the lane that frees first (docs/performance.md, "Nineteenth session").
     */
    static final String SHORTEST_JOB = "esf-report";

    /**
     * The due jobs, {@code parallelJobs} at a time, {@link #LONGEST_JOB} first, {@link #SHORTEST_JOB}
     * last and the others in their order: after the ingest they only read the register, each writes
     * its own files, and on two cores one job's SQL runs while the other's Java renders or writes
     * (issue 9). The first to need the
     * outcome facts computes them and the others wait for it and reuse them
     * ({@link se.uppfoljning.outcome.OutcomeEngine}). Each part's printing is kept apart and printed
     * whole, in the file's order ({@link PartOutput}).
     */
    private List<Part> sideBySide(List<Due> due, String project) {
        List<Part> parts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelJobs, partThreads(project));
        try (PartOutput output = PartOutput.install()) {
            List<Future<PartOutput.Captured<Part>>> running = new ArrayList<>(Collections.nCopies(due.size(), null));
            for (int i : startOrder(due.stream().map(Due::jobName).toList())) {
                Due d = due.get(i);
                running.set(i, d.done() != null
                        ? CompletableFuture.completedFuture(new PartOutput.Captured<>(d.done(), "", ""))
                        : pool.submit(() -> output.capture(() -> run(d, project, System.out))));
            }
            for (Future<PartOutput.Captured<Part>> f : running) {
                PartOutput.Captured<Part> done = waitFor(f);
                done.printTo(output.originalOut(), output.originalErr());
                parts.add(done.result());
            }
        } finally {
            pool.shutdownNow();
        }
        return parts;
    }

    /**
     * The order the due jobs start in side by side, as positions in the file's order:
     * {@link #LONGEST_JOB} first, {@link #SHORTEST_JOB} last, the others as they come.
     */
    static List<Integer> startOrder(List<String> jobs) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) order.add(i);
        order.sort(Comparator.comparing(i -> startRank(jobs.get(i))));   // a stable sort
        return order;
    }

    private static int startRank(String job) {
        if (job.equals(LONGEST_JOB)) return 0;
        return job.equals(SHORTEST_JOB) ? 2 : 1;
    }

    private Part run(Due d, String project, PrintStream out) {
        if (scheduled.stopRequested()) return new Part(d.jobName(), d.period(), null, "inte körd: stoppad");
        out.printf(Locale.ROOT, "%n-- %s %s %s%n", d.jobName(), project, d.period());
        return new Part(d.jobName(), d.period(), scheduled.runPart(d.job(), d.request(), out), null);
    }

    private static <T> T waitFor(Future<T> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run-all was interrupted while its jobs ran", e);
        } catch (ExecutionException e) {
            // runPart turns every exception into an exit code; what arrives here is an Error
            throw new IllegalStateException("a job of run-all ended abnormally: " + e.getCause(), e.getCause());
        }
    }

    private static ThreadFactory partThreads(String project) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "run-all-" + project + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private int ingest(JobRequest request, PrintStream out) {
        Optional<ProjectJob> ingest = scheduled.find(JobSchedule.INGEST);
        if (ingest.isEmpty()) throw new IllegalStateException("this build has no ingest job");
        return scheduled.runPart(ingest.get(), new JobRequest(request.project(), request.projectFile(), request.inbox(),
                request.out(), request.sources(), request.asOf(), null, request.rerun()), out);
    }

    private static void printSummary(PrintStream out, String project, List<Part> parts) {
        out.printf(Locale.ROOT, "%nrun-all %s:%n", project);
        for (Part p : parts) {
            String result = p.code() == null ? p.note() : p.code() + " " + ExitCodes.describe(p.code());
            out.printf(Locale.ROOT, "  %-16s %-9s %s%n", p.job(), p.period() == null ? "" : p.period(), result);
        }
        if (parts.size() == 1) out.println("  (inga rapporter eller exporter är aktuella det här datumet)");
    }
}
