package se.uppfoljning.job;

import static se.uppfoljning.job.JobParameterNames.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.ProjectConfigLoader;
import se.uppfoljning.config.SourceProfiles;
import se.uppfoljning.database.DatabaseConfiguration;
import se.uppfoljning.extract.ExtractFile;
import se.uppfoljning.extract.ExtractItem;
import se.uppfoljning.extract.ExtractRowProcessor;
import se.uppfoljning.extract.FileRegistry;
import se.uppfoljning.extract.InboxReader;
import se.uppfoljning.extract.IngestProgress;
import se.uppfoljning.extract.RegisterExtracts;
import se.uppfoljning.extract.RejectFileWriter;
import se.uppfoljning.extract.Source;
import se.uppfoljning.extract.StagingLanes;
import se.uppfoljning.extract.StagingRows;
import se.uppfoljning.extract.StagingWriter;
import se.uppfoljning.identity.PersonKeyHasher;
import se.uppfoljning.identity.PersonnummerCipher;
import se.uppfoljning.register.RegisterLoader;

/**
 * The {@code ingest} job: extracts in the inbox → staging (validated, rejects kept) → register.
 * <ol>
 *   <li>registerExtracts: checksum and register every file; identical content is a no-op</li>
 *   <li>stageRows: read, check and COPY every row, {@code uppfoljning.ingest.chunk-size} (20,000) per chunk,
 *       in two lanes of files side by side, restartable after any chunk</li>
 *   <li>loadRegister: overlapping episodes (R1, set-based), the reject-share threshold per file, then
 *       the merge into the register; its filter count is the episodes rejected as overlapping</li>
 *   <li>writeRejectFiles: one reject file per extract with rejected rows</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {
    public static final String JOB_NAME = "ingest";
    public static final String REGISTERED_FILES = "ingest.registeredFiles";
    public static final String UNCHANGED_FILES = "ingest.unchangedFiles";
    /**
     * Rows per stageRows chunk (one transaction: the rows' COPY and the reader's position commit
     * together), {@code uppfoljning.ingest.chunk-size}; docs/operating.md and docs/performance.md say
     * why this default.
     */
    public static final int DEFAULT_CHUNK_SIZE = 20_000;
    /** Lanes of stageRows, {@code uppfoljning.ingest.staging-lanes}: one per core of a small server. */
    public static final int DEFAULT_STAGING_LANES = 2;
    static final int MAX_STAGING_LANES = DatabaseConfiguration.POOL_SIZE - 2;

    @Bean
    Job ingestJob(JobRepository jobRepository, Step registerExtractsStep, Step stageRowsStep, Step loadRegisterStep,
                  Step writeRejectFilesStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(registerExtractsStep)
                .next(stageRowsStep)
                .next(loadRegisterStep)
                .next(writeRejectFilesStep)
                .build();
    }

    @Bean
    Step registerExtractsStep(JobRepository jobRepository, PlatformTransactionManager tm, RegisterExtracts register) {
        return new StepBuilder("registerExtracts", jobRepository).tasklet((contribution, chunk) -> {
            var jobExecution = chunk.getStepContext().getStepExecution().getJobExecution();
            JobParameters p = jobExecution.getJobParameters();
            RegisterExtracts.Result result = register.register(p.getString(PROJECT), Path.of(p.getString(INBOX)),
                    p.getLocalDate(AS_OF), jobExecution.getId());
            jobExecution.getExecutionContext().putString(REGISTERED_FILES, join(result.registered()));
            jobExecution.getExecutionContext().putString(UNCHANGED_FILES, join(result.unchanged()));
            return RepeatStatus.FINISHED;
        }, tm).build();
    }

    /**
     * The files are staged in lanes side by side, each lane a chunk step on its own thread and
     * connection ({@link StagingLanes} says why); a restart goes on in each unfinished lane from its
     * last committed chunk. The lanes' step records are named stageRows:lane0, stageRows:lane1, ...
     */
    @Bean
    Step stageRowsStep(JobRepository jobRepository, StagingLanes stagingLanes, Step stageLaneStep,
                       @Value("${uppfoljning.ingest.staging-lanes:" + DEFAULT_STAGING_LANES + "}") int lanes) {
        // each lane holds a connection for its whole step; two stay for the job repository and the rest
        if (lanes < 1 || lanes > MAX_STAGING_LANES) throw new IllegalArgumentException(
                "uppfoljning.ingest.staging-lanes must be from 1 to " + MAX_STAGING_LANES + ", not " + lanes);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("stageRows-");
        threads.setConcurrencyLimit(lanes);
        return new StepBuilder("stageRows", jobRepository)
                .partitioner("stageRows", stagingLanes) // the lanes are named after stageLaneStep's name
                .step(stageLaneStep)
                .gridSize(lanes)
                .taskExecutor(threads)
                .build();
    }

    @Bean
    Step stageLaneStep(JobRepository jobRepository, PlatformTransactionManager tm, InboxReader inboxReader,
                       StagingWriter stagingWriter,
                       @Value("${uppfoljning.ingest.chunk-size:" + DEFAULT_CHUNK_SIZE + "}") int chunkSize) {
        if (chunkSize < 1) throw new IllegalArgumentException("uppfoljning.ingest.chunk-size must be at least 1, not " + chunkSize);
        // the lanes' records take this name and the lane's: stageRows:lane0, ...
        return new StepBuilder("stageRows", jobRepository)
                .<ExtractItem, ExtractItem>chunk(chunkSize)
                .transactionManager(tm)
                .reader(new StepTargetReader<ExtractItem>(inboxReader))
                // no processor: the writer checks each row as it streams the chunk into COPY (StagingWriter)
                .writer(stagingWriter)
                .build();
    }

    @Bean
    Step loadRegisterStep(JobRepository jobRepository, PlatformTransactionManager tm, RegisterLoader loader) {
        return new StepBuilder("loadRegister", jobRepository).tasklet((contribution, chunk) -> {
            JobParameters p = chunk.getStepContext().getStepExecution().getJobParameters();
            contribution.incrementFilterCount(
                    loader.load(p.getString(PROJECT), new BigDecimal(p.getString(MAX_REJECT_SHARE, "0.20"))));
            return RepeatStatus.FINISHED;
        }, tm).build();
    }

    @Bean
    Step writeRejectFilesStep(JobRepository jobRepository, PlatformTransactionManager tm, FileRegistry registry,
                          RejectFileWriter writer) {
        return new StepBuilder("writeRejectFiles", jobRepository).tasklet((contribution, chunk) -> {
            var jobExecution = chunk.getStepContext().getStepExecution().getJobExecution();
            Path out = Path.of(jobExecution.getJobParameters().getString(OUT));
            for (long id : ids(jobExecution.getExecutionContext().getString(REGISTERED_FILES, ""))) {
                ExtractFile file = registry.byId(id);
                writeQuietly(writer, out, file);
            }
            return RepeatStatus.FINISHED;
        }, tm).build();
    }

    private static void writeQuietly(RejectFileWriter writer, Path out, ExtractFile file) {
        try {
            writer.write(out, file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot write the reject file of " + file.fileName()
                    + " under " + out + ": " + e.getMessage(), e);
        }
    }

    @Bean
    @StepScope
    StagingLanes stagingLanes(FileRegistry registry, @Value("#{jobParameters['" + PROJECT + "']}") String project) {
        return new StagingLanes(registry, project);
    }

    @Bean
    @StepScope
    InboxReader inboxReader(FileRegistry registry, @Value("#{jobParameters['" + SOURCES + "']}") String sources,
                            IngestProgress progress) {
        SourceProfiles profiles = profiles(sources);
        return new InboxReader(registry, s -> profiles.of(s.id()), progress);
    }

    /**
     * The writer checks the rows too; its processor is made here rather than injected, so that the
     * per-row calls do not go through a step-scope proxy (a bean lookup per call).
     */
    @Bean
    @StepScope
    StagingWriter stagingWriter(DataSource dataSource, FileRegistry registry, IngestProgress progress,
                                @Value("#{jobParameters['" + PROJECT_FILE + "']}") String projectFile,
                                @Value("#{jobParameters['" + SOURCES + "']}") String sources,
                                PersonKeyHasher keys, PersonnummerCipher cipher) {
        ProjectConfig project = ProjectConfigLoader.load(Path.of(projectFile));
        SourceProfiles profiles = profiles(sources);
        ExtractRowProcessor processor = new ExtractRowProcessor(project, s -> profiles.of(s.id()), new StagingRows(keys, cipher));
        return new StagingWriter(dataSource, registry, progress, processor);
    }

    @Bean
    IngestProgress ingestProgress() {
        return new IngestProgress(System.out);
    }

    private static SourceProfiles profiles(String dir) {
        return new SourceProfiles(Path.of(dir), Arrays.stream(Source.values()).map(Source::id).toList());
    }

    static String join(java.util.List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    public static java.util.List<Long> ids(String joined) {
        return Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
    }
}
