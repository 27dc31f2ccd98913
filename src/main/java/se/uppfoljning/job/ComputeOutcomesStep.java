package se.uppfoljning.job;

import static se.uppfoljning.job.JobParameterNames.AS_OF;
import static se.uppfoljning.job.JobParameterNames.PROJECT_FILE;
import static se.uppfoljning.job.JobParameterNames.SOURCES;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.ProjectConfigLoader;
import se.uppfoljning.config.SourceProfileLoader;
import se.uppfoljning.outcome.OutcomeEngine;

/**
 * The first step of every report and export job: the outcome facts of the project for the as-of date
 * (SPEC §5). The outcome run id is kept in the job's context for the later steps. The step runs again
 * when a failed job is restarted: the facts of a run live in an unlogged table (V15), which a crash of
 * the database server empties, so the run is looked up again; while its facts are there it is reused
 * (OutcomeEngine), at the cost of one lookup.
 */
final class ComputeOutcomesStep {
    private static final String OUTCOME_RUN = "outcomeRun";

    private ComputeOutcomesStep() {
    }

    static Step of(String jobName, JobRepository repo, PlatformTransactionManager tm, OutcomeEngine outcomes) {
        return new StepBuilder(jobName + ".computeOutcomes", repo).tasklet((contribution, chunk) -> {
            var execution = chunk.getStepContext().getStepExecution().getJobExecution();
            JobParameters p = execution.getJobParameters();
            ProjectConfig project = ProjectConfigLoader.load(Path.of(p.getString(PROJECT_FILE)));
            long run = outcomes.compute(project, SourceProfileLoader.load(Path.of(p.getString(SOURCES)), "insatser"),
                    p.getLocalDate(AS_OF), execution.getId());
            execution.getExecutionContext().putLong(OUTCOME_RUN, run);
            return RepeatStatus.FINISHED;
        }, tm).allowStartIfComplete(true).build();
    }

    /** The outcome run the first step computed, from the job's context. */
    static long outcomeRun(ExecutionContext jobContext) {
        return jobContext.getLong(OUTCOME_RUN);
    }
}
