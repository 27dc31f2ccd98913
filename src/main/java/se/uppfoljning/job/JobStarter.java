package se.uppfoljning.job;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import se.uppfoljning.schedule.RunLock;

/**
 * Starts a job the way every command does: under the job-and-project lock; an execution left
 * STARTED by a killed JVM is marked failed first (holding the lock proves nobody runs it), so the
 * same parameters then restart it from its last committed chunk.
 */
@Component
public class JobStarter {
    public sealed interface Outcome permits Ran, Locked, AlreadyComplete {
    }

    public record Ran(JobExecution execution) implements Outcome {
    }

    public record Locked(String heldBy) implements Outcome {
    }

    public record AlreadyComplete() implements Outcome {
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
        String project = parameters.getString(JobParameterNames.PROJECT, "");
        Optional<RunLock> lock = RunLock.tryAcquire(dataSource, job.getName(), project);
        if (lock.isEmpty()) return new Locked(describeRunning(job.getName(), project));
        try (RunLock held = lock.get()) {
            for (JobExecution stale : running(job.getName(), project)) jobOperator.recover(stale);
            try {
                return new Ran(jobOperator.start(job, parameters));
            } catch (JobInstanceAlreadyCompleteException e) {
                return new AlreadyComplete();
            }
        }
    }

    private Set<JobExecution> running(String jobName, String project) {
        Set<JobExecution> all = jobRepository.findRunningJobExecutions(jobName);
        all.removeIf(e -> !project.equals(e.getJobParameters().getString(JobParameterNames.PROJECT, "")));
        return all;
    }

    private String describeRunning(String jobName, String project) throws SQLException {
        return running(jobName, project).stream().findFirst()
                .map(e -> "execution " + e.getId() + " started " + e.getStartTime())
                .orElse("a run that has not yet recorded its start");
    }
}
