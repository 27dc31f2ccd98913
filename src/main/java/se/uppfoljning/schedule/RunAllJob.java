package se.uppfoljning.schedule;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

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
 */
@Component
public class RunAllJob implements ProjectJob {
    /** One part of a run-all and how it ended; {@code code} is null when the job is not in this build. */
    public record Part(String job, String period, Integer code, String note) {
    }

    private final ScheduledJobs scheduled;
    private final DataSource dataSource;
    private final ZoneId zone = ZoneId.systemDefault();

    public RunAllJob(ScheduledJobs scheduled, DataSource dataSource) {
        this.scheduled = scheduled;
        this.dataSource = dataSource;
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
        List<Part> parts = new ArrayList<>();
        String project = request.project().id();
        int ingest = ingest(request, out);
        parts.add(new Part(JobSchedule.INGEST, null, ingest, null));
        boolean skipReports = ingest == ExitCodes.FAILED || ingest == ExitCodes.LOCKED;
        for (String jobName : runAll.jobs()) {
            JobSchedule schedule = schedules.of(jobName).orElseThrow();
            if (!schedule.projects().contains(project) || !schedule.dueOn(request.asOf(), zone)) continue;
            String period = schedule.periodOn(request.asOf());
            if (skipReports) {
                parts.add(new Part(jobName, period, null, "inte körd: inläsningen blev inte klar"));
                continue;
            }
            if (scheduled.stopRequested()) {
                parts.add(new Part(jobName, period, null, "inte körd: stoppad"));
                continue;
            }
            Optional<ProjectJob> job = scheduled.find(jobName);
            if (job.isEmpty()) {
                parts.add(new Part(jobName, period, null, "finns inte i den här versionen (not available in this build)"));
                continue;
            }
            JobRequest part = new JobRequest(request.project(), request.projectFile(), null, request.out(),
                    request.sources(), request.asOf(), period, request.rerun());
            out.printf(Locale.ROOT, "%n-- %s %s %s%n", jobName, project, period);
            parts.add(new Part(jobName, period, scheduled.runPart(job.get(), part, out), null));
        }
        return parts;
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
