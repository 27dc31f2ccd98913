package se.uppfoljning.job;

import static se.uppfoljning.job.JobParameterNames.*;

import java.util.function.Function;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import se.uppfoljning.cli.ExitCodes;

/**
 * One export job for one project. The request is checked before the job starts (a bad period or an
 * as-of date before the last export's is exit 2, not a failed run); the job then says whether
 * anything changed: exit 0 with the files written, or exit 4 with nothing written.
 */
public class ExportProjectJob implements ProjectJob {
    private final String name;
    private final Job job;
    private final JobStarter starter;
    private final Function<JobRequest, String> check;

    /**
     * @param check throws ConfigException for a request the job cannot do; returns the normalised
     *              period (null for a job without one)
     */
    public ExportProjectJob(String name, Job job, JobStarter starter, Function<JobRequest, String> check) {
        this.name = name;
        this.job = job;
        this.starter = starter;
        this.check = check;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int run(JobRequest r) throws Exception {
        String period = check.apply(r);
        JobParametersBuilder params = new JobParametersBuilder()
                .addString(PROJECT, r.project().id())
                .addLocalDate(AS_OF, r.asOf())
                .addLong(ExportJobConfiguration.REQUESTED_AT, System.currentTimeMillis())
                .addString(PROJECT_FILE, r.projectFile().toString(), false)
                .addString(OUT, r.out().toString(), false)
                .addString(SOURCES, r.sources().toString(), false);
        if (period != null) params.addString(PERIOD, period);
        JobStarter.Outcome outcome = starter.start(job, params.toJobParameters());
        if (outcome instanceof JobStarter.Locked locked) {
            System.err.println("Locked: another " + name + " of project " + r.project().id() + " is running ("
                    + locked.heldBy() + ").");
            return ExitCodes.LOCKED;
        }
        if (!(outcome instanceof JobStarter.Ran ran)) {
            System.err.println(name + ": this run was already made; run the command again.");
            return ExitCodes.NOTHING_TO_DO;
        }
        JobExecution execution = ran.execution();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution.getAllFailureExceptions().stream().findFirst()
                    .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("see the log");
            System.err.println("Failed: " + name + " (execution " + execution.getId() + "): " + why
                    + ". The export history is unchanged; run the same command again.");
            return ExitCodes.FAILED;
        }
        var context = execution.getExecutionContext();
        System.out.println(context.getString(ExportJobConfiguration.SUMMARY, ""));
        return Boolean.parseBoolean(context.getString(ExportJobConfiguration.CHANGED, "false"))
                ? ExitCodes.DONE : ExitCodes.NOTHING_TO_DO;
    }
}
