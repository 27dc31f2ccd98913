package se.uppfoljning.schedule;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.ProjectConfigLoader;
import se.uppfoljning.database.DatabaseBusyException;
import se.uppfoljning.job.JobParameterNames;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.job.ProjectJob;

/**
 * Runs the jobs of {@code jobs/*.yml} inside one Spring context, as run-all and the schedule mode do:
 * finds each job among the {@link ProjectJob} beans by name, builds its request from the job file,
 * turns any exception into an exit code, and can be asked to stop between and within jobs.
 */
@Component
public class ScheduledJobs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

    /**
     * A job and project being run right now, so that a stop request can reach its execution; run-all
     * runs up to two at a time after its ingest.
     */
    private record Current(String job, String project) {
    }

    private final ObjectProvider<ProjectJob> jobs;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final Path home;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Set<Current> running = ConcurrentHashMap.newKeySet();

    public ScheduledJobs(ObjectProvider<ProjectJob> jobs, JobRepository jobRepository, JobOperator jobOperator,
                         @Value("${uppfoljning.home:.}") String home) {
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.home = Path.of(home).toAbsolutePath().normalize();
    }

    /** The installation folder: jobs/, inbox/, out/ and data/ are taken from here. */
    public Path home() {
        return home;
    }

    public JobSchedules schedules() {
        return JobSchedules.load(home.resolve("jobs"));
    }

    /** The job bean of that name, if this build has one. */
    public Optional<ProjectJob> find(String name) {
        return jobs.orderedStream().filter(j -> j.name().equals(name)).findFirst();
    }

    public ProjectConfig project(String id) {
        return ProjectConfigLoader.byId(home.resolve("jobs/projects"), id);
    }

    public Path projectFile(String id) {
        return home.resolve("jobs/projects").resolve(id + ".yml");
    }

    /** The request a scheduled run of {@code schedule} makes for one project on the as-of date. */
    public JobRequest request(JobSchedule schedule, String projectId, LocalDate asOf) {
        return new JobRequest(project(projectId), projectFile(projectId),
                schedule.inbox() == null ? null : schedule.inboxOf(projectId, home), schedule.outDir(home),
                home.resolve("jobs/sources"), asOf, schedule.periodOn(asOf), false);
    }

    /**
     * Runs one job for one request; an exception becomes its exit code (configuration 2, a busy
     * database 3, anything else 1, logged with its stack trace) so that the caller goes on.
     */
    public int runPart(ProjectJob job, JobRequest request, PrintStream out) {
        if (stopping.get()) return ExitCodes.FAILED;
        Current now = new Current(job.name(), request.project().id());
        running.add(now);
        try {
            return job.run(request);
        } catch (ConfigException e) {
            out.println("Configuration error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (DatabaseBusyException e) {
            out.println("Locked: " + e.getMessage());
            return ExitCodes.LOCKED;
        } catch (Exception e) {
            log.error("{} for {} failed", job.name(), request.project().id(), e);
            out.println("Failed: " + job.name() + " for " + request.project().id() + ": " + e.getClass().getSimpleName()
                    + ": " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            running.remove(now);
        }
    }

    /**
     * A scheduled firing: the job for every project of its file, on the as-of date, one after the
     * other. A job this build does not have is reported, not failed.
     *
     * @return the worst exit code of the projects' runs
     */
    public int runScheduled(JobSchedule schedule, LocalDate asOf, PrintStream out) {
        Optional<ProjectJob> job = find(schedule.job());
        if (job.isEmpty()) {
            out.println(schedule.job() + ": not available in this build; skipped.");
            return ExitCodes.DONE;
        }
        int worst = ExitCodes.DONE;
        for (String project : schedule.projects()) {
            if (stopping.get()) break;
            JobRequest request;
            try {
                request = request(schedule, project, asOf);
            } catch (ConfigException e) {
                out.println("Configuration error: " + e.getMessage());
                worst = ExitCodes.worst(worst, ExitCodes.BAD_INPUT);
                continue;
            }
            int code = runPart(job.get(), request, out);
            log.info("{} for {} as of {}: exit {}", schedule.job(), project, asOf, code);
            worst = ExitCodes.worst(worst, code);
        }
        return worst;
    }

    /**
     * Asks for a stop: no further job starts, and the execution running now is told to stop at its
     * next chunk (it ends STOPPED and can be restarted).
     */
    public void requestStop() {
        stopping.set(true);
        for (Current now : running) {
            for (JobExecution e : jobRepository.findRunningJobExecutions(now.job())) {
                if (!now.project().equals(e.getJobParameters().getString(JobParameterNames.PROJECT, ""))) continue;
                try {
                    jobOperator.stop(e);
                    log.info("Asked execution {} of {} for {} to stop", e.getId(), now.job(), now.project());
                } catch (Exception ex) {
                    log.warn("Could not stop execution {}: {}", e.getId(), ex.getMessage());
                }
            }
        }
    }

    public boolean stopRequested() {
        return stopping.get();
    }
}
