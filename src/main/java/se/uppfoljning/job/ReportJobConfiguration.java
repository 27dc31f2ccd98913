package se.uppfoljning.job;

import static se.uppfoljning.job.JobParameterNames.*;

import java.nio.file.Path;

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
import se.uppfoljning.extract.FileRegistry;
import se.uppfoljning.outcome.OutcomeEngine;
import se.uppfoljning.outcome.Period;
import se.uppfoljning.report.ReportDataset;
import se.uppfoljning.report.ReportDatasetBuilder;
import se.uppfoljning.report.ReportKind;
import se.uppfoljning.report.ReportOutput;

/**
 * The report jobs (monthly-report, tertial-report, halfyear-report, annual-report, esf-report), one
 * shape for all:
 * <ol>
 *   <li>computeOutcomes: the outcome facts of every episode for the as-of date (SPEC §5)</li>
 *   <li>writeReport: indicators for the period, disclosure control, then every format from that one
 *       dataset into out/&lt;project&gt;/&lt;report-id&gt;/&lt;period&gt;/</li>
 * </ol>
 * The outcome run id is kept in the job's context, so a restart after a failed render reuses it.
 */
@Configuration(proxyBeanMethods = false)
public class ReportJobConfiguration {

    @Bean
    Job monthlyReportJob(JobRepository repo, PlatformTransactionManager tm, OutcomeEngine o, ReportDatasetBuilder b, ReportOutput w) {
        return reportJob(ReportKind.MONTHLY, repo, tm, o, b, w);
    }

    @Bean
    Job tertialReportJob(JobRepository repo, PlatformTransactionManager tm, OutcomeEngine o, ReportDatasetBuilder b, ReportOutput w) {
        return reportJob(ReportKind.TERTIAL, repo, tm, o, b, w);
    }

    @Bean
    Job halfyearReportJob(JobRepository repo, PlatformTransactionManager tm, OutcomeEngine o, ReportDatasetBuilder b, ReportOutput w) {
        return reportJob(ReportKind.HALF_YEAR, repo, tm, o, b, w);
    }

    @Bean
    Job annualReportJob(JobRepository repo, PlatformTransactionManager tm, OutcomeEngine o, ReportDatasetBuilder b, ReportOutput w) {
        return reportJob(ReportKind.ANNUAL, repo, tm, o, b, w);
    }

    @Bean
    Job esfReportJob(JobRepository repo, PlatformTransactionManager tm, OutcomeEngine o, ReportDatasetBuilder b, ReportOutput w) {
        return reportJob(ReportKind.ESF, repo, tm, o, b, w);
    }

    @Bean
    ReportProjectJob monthlyReport(Job monthlyReportJob, JobStarter starter, FileRegistry registry) {
        return new ReportProjectJob(ReportKind.MONTHLY, monthlyReportJob, starter, registry);
    }

    @Bean
    ReportProjectJob tertialReport(Job tertialReportJob, JobStarter starter, FileRegistry registry) {
        return new ReportProjectJob(ReportKind.TERTIAL, tertialReportJob, starter, registry);
    }

    @Bean
    ReportProjectJob halfyearReport(Job halfyearReportJob, JobStarter starter, FileRegistry registry) {
        return new ReportProjectJob(ReportKind.HALF_YEAR, halfyearReportJob, starter, registry);
    }

    @Bean
    ReportProjectJob annualReport(Job annualReportJob, JobStarter starter, FileRegistry registry) {
        return new ReportProjectJob(ReportKind.ANNUAL, annualReportJob, starter, registry);
    }

    @Bean
    ReportProjectJob esfReport(Job esfReportJob, JobStarter starter, FileRegistry registry) {
        return new ReportProjectJob(ReportKind.ESF, esfReportJob, starter, registry);
    }

    private static Job reportJob(ReportKind kind, JobRepository repo, PlatformTransactionManager tm,
                                 OutcomeEngine outcomes, ReportDatasetBuilder builder, ReportOutput output) {
        Step compute = ComputeOutcomesStep.of(kind.jobName(), repo, tm, outcomes);
        Step write = new StepBuilder(kind.jobName() + ".writeReport", repo).tasklet((contribution, chunk) -> {
            var execution = chunk.getStepContext().getStepExecution().getJobExecution();
            JobParameters p = execution.getJobParameters();
            ProjectConfig project = ProjectConfigLoader.load(Path.of(p.getString(PROJECT_FILE)));
            Period period = Period.parse(p.getString(PERIOD), project.start(), p.getLocalDate(AS_OF));
            ReportDataset dataset = builder.build(kind, project, period, p.getLocalDate(AS_OF),
                    ComputeOutcomesStep.outcomeRun(execution.getExecutionContext()), execution.getId());
            output.write(dataset, Path.of(p.getString(OUT)));
            contribution.incrementWriteCount(dataset.cells().size());
            return RepeatStatus.FINISHED;
        }, tm).build();
        return new JobBuilder(kind.jobName(), repo).start(compute).next(write).build();
    }
}
