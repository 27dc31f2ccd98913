package se.uppfoljning.job;

import org.springframework.stereotype.Component;

import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.config.ConfigException;

/** {@code ingest}: the inbox into the register, with the per-file summary on standard output. */
@Component
public class IngestProjectJob implements ProjectJob {
    private final IngestRunner runner;

    public IngestProjectJob(IngestRunner runner) {
        this.runner = runner;
    }

    @Override
    public String name() {
        return IngestJobConfiguration.JOB_NAME;
    }

    @Override
    public int run(JobRequest r) throws Exception {
        if (r.inbox() == null) throw new ConfigException("Name the inbox: --inbox <dir> (one folder per source).");
        if (!r.inbox().toFile().isDirectory()) throw new ConfigException("Inbox folder not found: " + r.inbox());
        IngestRunner.Result result = runner.run(r.project(), r.projectFile(), r.inbox(), r.out(), r.sources(), r.asOf(),
                r.rerun());
        IngestSummary.print(System.out, r.project().id(), result, r.out());
        return exitCode(result);
    }

    /** The exit code of an ingest (SPEC §10), with its one-line explanation on standard error. */
    public static int exitCode(IngestRunner.Result result) {
        return switch (result.status()) {
            case DONE -> ExitCodes.DONE;
            case FILES_FAILED -> ExitCodes.BAD_INPUT;
            case NOTHING_NEW -> {
                if (result.message() != null) System.err.println("Nothing to do: " + result.message() + ".");
                yield ExitCodes.NOTHING_TO_DO;
            }
            case LOCKED -> {
                System.err.println("Locked: " + result.message());
                yield ExitCodes.LOCKED;
            }
            case FAILED -> {
                System.err.println("Failed: " + result.message() + ". Run the same command again, or scripts/run restart "
                        + result.executionId() + ", to restart it.");
                yield ExitCodes.FAILED;
            }
        };
    }
}
