package se.uppfoljning.job;

import static se.uppfoljning.job.JobParameterNames.*;

import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.extract.FileRegistry;
import se.uppfoljning.outcome.Period;
import se.uppfoljning.report.ReportKind;

/**
 * One report job for one project and period. The job instance is identified by project, period, as-of
 * date and the register's data version: the same report from the same extracts is not made twice
 * unless asked to (--rerun); after a new delivery it is made again.
 */
public class ReportProjectJob implements ProjectJob {
    private final ReportKind kind;
    private final Job job;
    private final JobStarter starter;
    private final FileRegistry registry;

    public ReportProjectJob(ReportKind kind, Job job, JobStarter starter, FileRegistry registry) {
        this.kind = kind;
        this.job = job;
        this.starter = starter;
        this.registry = registry;
    }

    @Override
    public String name() {
        return kind.jobName();
    }

    public ReportKind kind() {
        return kind;
    }

    @Override
    public int run(JobRequest r) throws Exception {
        Period period = Period.parse(r.period(), r.project().start(), r.asOf());
        JobParametersBuilder params = new JobParametersBuilder()
                .addString(PROJECT, r.project().id())
                .addString(PERIOD, period.label())
                .addLocalDate(AS_OF, r.asOf())
                .addString(DATA_VERSION, registry.dataVersion(r.project().id()))
                .addString(PROJECT_FILE, r.projectFile().toString(), false)
                .addString(OUT, r.out().toString(), false)
                .addString(SOURCES, r.sources().toString(), false);
        JobStarter.Outcome outcome = starter.start(job, params.toJobParameters(), r.rerun());
        if (outcome instanceof JobStarter.Locked locked) {
            System.err.println("Locked: another " + kind.jobName() + " of project " + r.project().id()
                    + " is running (" + locked.heldBy() + ").");
            return ExitCodes.LOCKED;
        }
        if (outcome instanceof JobStarter.AlreadyComplete) {
            System.out.println(kind.reportId() + " " + period.label() + " as of " + r.asOf()
                    + " was already made from the same extracts: nothing to do (use --rerun to make it again).");
            return ExitCodes.NOTHING_TO_DO;
        }
        JobExecution execution = ((JobStarter.Ran) outcome).execution();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution.getAllFailureExceptions().stream().findFirst()
                    .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("see the log");
            System.err.println("Failed: " + kind.jobName() + " (execution " + execution.getId() + "): " + why
                    + ". Restart: scripts/run restart " + execution.getId());
            return ExitCodes.FAILED;
        }
        Path dir = r.out().resolve(r.project().id()).resolve(kind.reportId()).resolve(period.label());
        System.out.println(kind.reportId() + " " + period.label() + " (" + r.project().id() + ", körning "
                + execution.getId() + "): " + dir);
        return ExitCodes.DONE;
    }
}
