package se.uppfoljning.job;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import se.uppfoljning.schedule.RunLock;

/**
 * Starts and restarts jobs the way every command does: under the job-and-project lock; an execution
 * left STARTED by a killed JVM is marked failed first (holding the lock proves nobody runs it), so the
 * same parameters then restart it from its last committed chunk. A job that already completed with
 * the same identifying parameters is not repeated unless asked to ({@code --rerun}).
 */
@Component
public class JobStarter {
    /** The identifying parameter that makes a --rerun a new job instance. */
    public static final String RERUN = "rerun";

    public sealed interface Outcome permits Ran, Locked, AlreadyComplete, NotRestartable {
    }

    public record Ran(JobExecution execution) implements Outcome {
    }

    public record Locked(String heldBy) implements Outcome {
    }

    /** The same parameters already completed, in execution {@code executionId} (null if unknown). */
    public record AlreadyComplete(Long executionId, LocalDateTime endTime) implements Outcome {
        public String describe() {
            return executionId == null ? "an earlier run completed it"
                    : "execution " + executionId + " completed it" + (endTime == null ? "" : " at " + endTime.withNano(0));
        }
    }

    /** restart: there is no such execution, or it cannot be restarted; the reason says which. */
    public record NotRestartable(String reason) implements Outcome {
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final DataSource dataSource;

    public JobStarter(JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
    }

    public Outcome start(Job job, JobParameters parameters) throws Exception {
        return start(job, parameters, false);
    }

    /**
     * Starts the job, or restarts its failed instance with the same parameters.
     *
     * @param rerun run again even if these parameters completed before: a unique identifying
     *              {@value #RERUN} parameter (the time of the request) makes it a new job instance
     */
    public Outcome start(Job job, JobParameters parameters, boolean rerun) throws Exception {
        String project = parameters.getString(JobParameterNames.PROJECT, "");
        Optional<RunLock> lock = RunLock.tryAcquire(dataSource, job.getName(), project);
        if (lock.isEmpty()) return new Locked(describeRunning(job.getName(), project));
        try (RunLock held = lock.get()) {
            recoverStale(job.getName(), project);
            JobParameters effective = rerun
                    ? new JobParametersBuilder(parameters).addString(RERUN, Instant.now().toString(), true).toJobParameters()
                    : parameters;
            try {
                return new Ran(jobOperator.start(job, effective));
            } catch (JobInstanceAlreadyCompleteException e) {
                return completed(jobRepository.getJobInstance(job.getName(), effective));
            }
        }
    }

    /**
     * {@code restart <execution-id>}: under the job-and-project lock, marks the execution failed if a
     * killed JVM left it STARTED, then restarts its job instance from the last committed chunk.
     */
    public Outcome restart(long executionId) throws Exception {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) return new NotRestartable("there is no execution " + executionId + " (see scripts/run status)");
        String jobName = execution.getJobInstance().getJobName();
        String project = execution.getJobParameters().getString(JobParameterNames.PROJECT, "");
        Optional<RunLock> lock = RunLock.tryAcquire(dataSource, jobName, project);
        if (lock.isEmpty()) return new Locked(describeRunning(jobName, project));
        try (RunLock held = lock.get()) {
            recoverStale(jobName, project);
            JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
            if (last == null) last = jobRepository.getJobExecution(executionId);
            BatchStatus status = last.getStatus();
            if (status == BatchStatus.COMPLETED) return completed(execution.getJobInstance());
            if (status == BatchStatus.ABANDONED) {
                return new NotRestartable("execution " + last.getId() + " was abandoned and cannot be restarted;"
                        + " run the job again instead");
            }
            if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
                return new NotRestartable("execution " + last.getId() + " is " + status + ", not failed or stopped");
            }
            return new Ran(jobOperator.restart(last));
        }
    }

    /** Executions of this job and project left STARTED by a killed JVM: nobody runs them while we hold the lock. */
    private void recoverStale(String jobName, String project) {
        for (JobExecution stale : running(jobName, project)) jobOperator.recover(stale);
    }

    private AlreadyComplete completed(JobInstance instance) {
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        return last == null ? new AlreadyComplete(null, null) : new AlreadyComplete(last.getId(), last.getEndTime());
    }

    private Set<JobExecution> running(String jobName, String project) {
        Set<JobExecution> all = jobRepository.findRunningJobExecutions(jobName);
        all.removeIf(e -> !project.equals(e.getJobParameters().getString(JobParameterNames.PROJECT, "")));
        return all;
    }

    private String describeRunning(String jobName, String project) throws SQLException {
        return running(jobName, project).stream().findFirst()
                .map(e -> "execution " + e.getId() + " of " + jobName + " for " + project + ", started "
                        + (e.getStartTime() == null ? "just now" : e.getStartTime().withNano(0)))
                .orElse("a run of " + jobName + " for " + project + " that has not yet recorded its start");
    }
}
