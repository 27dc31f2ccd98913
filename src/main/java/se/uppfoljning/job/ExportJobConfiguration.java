package se.uppfoljning.job;

import static se.uppfoljning.job.JobParameterNames.*;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.ProjectConfigLoader;
import se.uppfoljning.export.EsfExport;
import se.uppfoljning.export.ExportResult;
import se.uppfoljning.export.FinsamExport;
import se.uppfoljning.export.SusExport;
import se.uppfoljning.outcome.OutcomeEngine;

/**
 * The export jobs (sus-export, esf-export, finsam-export), one shape for all:
 * <ol>
 *   <li>computeOutcomes: the outcome facts of every episode for the as-of date (SPEC §5)</li>
 *   <li>writeExport: the rows, the delta against the export history, the files and the history rows,
 *       in one transaction; the file is moved into place just before it commits</li>
 * </ol>
 * Every command line run is a job instance of its own (the delta, not the parameters, decides whether
 * there is anything to do); the outcome run id is kept in the job's context, so a restart reuses it.
 */
@Configuration(proxyBeanMethods = false)
public class ExportJobConfiguration {
    static final String CHANGED = "export.changed";
    static final String SUMMARY = "export.summary";
    /** Identifying: makes each run its own job instance. */
    static final String REQUESTED_AT = "requestedAt";

    /** One export's second step: given the project, parameters and outcome run, write and record. */
    @FunctionalInterface
    interface Exporter {
        ExportResult export(ProjectConfig project, String period, LocalDate asOf, long outcomeRun, long executionId,
                            Path out) throws Exception;
    }

    @Bean
    Job susExportJob(JobRepository repo, PlatformTransactionManager tm, OutcomeEngine outcomes, SusExport sus) {
        return exportJob(SusExport.JOB, repo, tm, outcomes,
                (project, period, asOf, run, exec, out) -> sus.export(project, asOf, run, exec, out));
    }

    @Bean
    Job esfExportJob(JobRepository repo, PlatformTransactionManager tm, OutcomeEngine outcomes, EsfExport esf) {
        return exportJob(EsfExport.JOB, repo, tm, outcomes, (project, period, asOf, run, exec, out) ->
                esf.export(project, esf.check(project, period, asOf), asOf, run, exec, out));
    }

    @Bean
    Job finsamExportJob(JobRepository repo, PlatformTransactionManager tm, OutcomeEngine outcomes, FinsamExport finsam) {
        return exportJob(FinsamExport.JOB, repo, tm, outcomes, (project, period, asOf, run, exec, out) ->
                finsam.export(project, finsam.check(project, period, asOf), asOf, run, exec, out));
    }

    @Bean
    ExportProjectJob susExportProjectJob(Job susExportJob, JobStarter starter, SusExport sus) {
        return new ExportProjectJob(SusExport.JOB, susExportJob, starter, r -> {
            sus.check(r.project(), r.asOf());
            return null;
        });
    }

    @Bean
    ExportProjectJob esfExportProjectJob(Job esfExportJob, JobStarter starter, EsfExport esf) {
        return new ExportProjectJob(EsfExport.JOB, esfExportJob, starter,
                r -> esf.check(r.project(), r.period(), r.asOf()).toString());
    }

    @Bean
    ExportProjectJob finsamExportProjectJob(Job finsamExportJob, JobStarter starter, FinsamExport finsam) {
        return new ExportProjectJob(FinsamExport.JOB, finsamExportJob, starter,
                r -> finsam.check(r.project(), r.period(), r.asOf()).label());
    }

    private static Job exportJob(String name, JobRepository repo, PlatformTransactionManager tm, OutcomeEngine outcomes,
                                 Exporter exporter) {
        Step compute = ComputeOutcomesStep.of(name, repo, tm, outcomes);
        Step write = new StepBuilder(name + ".writeExport", repo).tasklet((contribution, chunk) -> {
            var execution = chunk.getStepContext().getStepExecution().getJobExecution();
            JobParameters p = execution.getJobParameters();
            ProjectConfig project = ProjectConfigLoader.load(Path.of(p.getString(PROJECT_FILE)));
            ExportResult result = exporter.export(project, p.getString(PERIOD), p.getLocalDate(AS_OF),
                    ComputeOutcomesStep.outcomeRun(execution.getExecutionContext()), execution.getId(), Path.of(p.getString(OUT)));
            execution.getExecutionContext().putString(CHANGED, String.valueOf(result.changed()));
            execution.getExecutionContext().putString(SUMMARY, String.join("\n", result.summary()));
            contribution.incrementWriteCount(result.exportIds().size());
            return RepeatStatus.FINISHED;
        }, tm).build();
        return new JobBuilder(name, repo).start(compute).next(write).build();
    }
}
