package se.uppfoljning.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.job.IngestRunner;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Loads the extracts in the inbox into the participant register.",
                "Every row is either loaded or written to out/rejects/<source>/<file>.rejects.csv with line, field and reason."},
        footer = {"", "Exit codes: 0 done, 1 failed (run again to restart), 2 a file or the configuration is bad,",
                "3 another ingest of the project is running, 4 nothing new in the inbox."})
class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        ProjectConfig project = options.projectConfig();
        if (options.inbox == null) throw new ConfigException("Name the inbox: --inbox <dir> (one folder per source).");
        Path inbox = options.inbox.toAbsolutePath();
        if (!inbox.toFile().isDirectory()) throw new ConfigException("Inbox folder not found: " + inbox);
        try (ConfigurableApplicationContext context = Contexts.start(options.springProperties())) {
            return ingest(context, options, project, inbox);
        }
    }

    static int ingest(ConfigurableApplicationContext context, CommonOptions options, ProjectConfig project, Path inbox)
            throws Exception {
        IngestRunner.Result result = context.getBean(IngestRunner.class).run(project, options.projectFilePath(), inbox,
                options.outDir(), options.sourcesDir(), options.asOfDate());
        IngestSummary.print(System.out, project.id(), result, options.outDir());
        return switch (result.status()) {
            case DONE -> ExitCodes.DONE;
            case FILES_FAILED -> ExitCodes.BAD_INPUT;
            case NOTHING_NEW -> ExitCodes.NOTHING_TO_DO;
            case LOCKED -> {
                System.err.println("Locked: " + result.message());
                yield ExitCodes.LOCKED;
            }
            case FAILED -> {
                System.err.println("Failed: " + result.message() + ". Run the same command again to restart.");
                yield ExitCodes.FAILED;
            }
        };
    }
}
