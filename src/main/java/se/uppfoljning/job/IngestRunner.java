package se.uppfoljning.job;

import static se.uppfoljning.job.JobParameterNames.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.extract.FileRegistry;
import se.uppfoljning.extract.Inbox;
import se.uppfoljning.extract.InboxFile;

/**
 * Runs the ingest job for one project and inbox and says how it went. The job instance is identified
 * by the project and a fingerprint of the inbox (names, sizes, times), so the same inbox is not
 * ingested twice and a failed run of it is restarted by running it again.
 */
@Component
public class IngestRunner {
    public enum Status { DONE, FILES_FAILED, NOTHING_NEW, LOCKED, FAILED }

    public record Result(Status status, Long executionId, List<FileRegistry.FileSummary> files,
                         List<Long> unchangedFileIds, String message) {
    }

    private final Job ingestJob;
    private final JobStarter starter;
    private final FileRegistry registry;
    private final String maxRejectShare;

    public IngestRunner(@Qualifier("ingestJob") Job ingestJob, JobStarter starter, FileRegistry registry,
                        @Value("${uppfoljning.ingest.max-reject-share:0.20}") String maxRejectShare) {
        this.ingestJob = ingestJob;
        this.starter = starter;
        this.registry = registry;
        this.maxRejectShare = maxRejectShare;
    }

    public Result run(ProjectConfig project, Path projectFile, Path inbox, Path out, Path sources, LocalDate asOf)
            throws Exception {
        return run(project, projectFile, inbox, out, sources, asOf, false);
    }

    /**
     * @param rerun ingest the inbox again although it was ingested before: files already loaded stay
     *              as they are (identical content is never loaded twice), files that failed are tried
     *              again, e.g. after a source profile or the project file was corrected
     */
    public Result run(ProjectConfig project, Path projectFile, Path inbox, Path out, Path sources, LocalDate asOf,
                      boolean rerun) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString(PROJECT, project.id())
                .addString(INBOX_FINGERPRINT, fingerprint(inbox, asOf))
                .addString(PROJECT_FILE, projectFile.toString(), false)
                .addString(INBOX, inbox.toString(), false)
                .addString(OUT, out.toString(), false)
                .addString(SOURCES, sources.toString(), false)
                .addLocalDate(AS_OF, asOf, false)
                .addString(MAX_REJECT_SHARE, maxRejectShare, false)
                .toJobParameters();
        JobStarter.Outcome outcome = starter.start(ingestJob, parameters, rerun);
        if (outcome instanceof JobStarter.Locked locked) {
            return new Result(Status.LOCKED, null, List.of(), List.of(), "another ingest of project " + project.id()
                    + " is running (" + locked.heldBy() + ")");
        }
        if (outcome instanceof JobStarter.AlreadyComplete done) {
            return new Result(Status.NOTHING_NEW, null, List.of(), List.of(), "this inbox was already"
                    + " ingested (" + done.describe() + "); use --rerun to ingest it again");
        }
        return result(((JobStarter.Ran) outcome).execution());
    }

    /** What an ingest execution did, from its execution context and the file registry. */
    public Result result(JobExecution execution) {
        var context = execution.getExecutionContext();
        List<Long> registered = IngestJobConfiguration.ids(context.getString(IngestJobConfiguration.REGISTERED_FILES, ""));
        List<Long> unchanged = IngestJobConfiguration.ids(context.getString(IngestJobConfiguration.UNCHANGED_FILES, ""));
        List<Long> all = new ArrayList<>(registered);
        all.addAll(unchanged);
        List<FileRegistry.FileSummary> files = registry.summaries(all);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution.getAllFailureExceptions().stream().findFirst()
                    .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(execution.getExitStatus().getExitDescription());
            return new Result(Status.FAILED, execution.getId(), files, unchanged, why);
        }
        boolean anyFailed = files.stream().anyMatch(f -> f.status().equals("FAILED") && registered.contains(f.fileId()));
        Status status = anyFailed ? Status.FILES_FAILED : registered.isEmpty() ? Status.NOTHING_NEW : Status.DONE;
        return new Result(status, execution.getId(), files, unchanged, null);
    }

    /** Names, sizes and modification times of the inbox's extracts: cheap, and changes with any delivery. */
    static String fingerprint(Path inbox, LocalDate asOf) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (InboxFile f : Inbox.scan(inbox, asOf)) {
                String entry = inbox.relativize(f.path()) + "|" + Files.size(f.path()) + "|"
                        + Files.getLastModifiedTime(f.path()).toMillis() + "\n";
                sha.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the inbox " + inbox, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
