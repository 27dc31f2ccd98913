package se.uppfoljning.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.uppfoljning.schedule.RunHistory;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the last runs, newest first, with the command that restarts a failed one.",
                "",
                "Columns: execution id, job, project, period, as-of date (per), start, duration,",
                "status, and rows read, loaded and rejected (ingest: the files it loaded; other",
                "jobs: items their steps read, wrote and filtered or skipped).",
                ""},
        footer = {"", "STARTED (avbruten): the process running it is gone (killed, machine restarted);",
                "restart it with scripts/run restart <id>."})
class StatusCommand implements Callable<Integer> {
    @Option(names = {"-n", "--limit"}, paramLabel = "<n>", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--project", paramLabel = "<id>", description = "Only this project's runs.")
    String project;

    @Option(names = "--job", paramLabel = "<job>", description = "Only this job's runs (ingest, monthly-report, ...).")
    String job;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = Contexts.start(database.springProperties())) {
            List<RunHistory.Run> runs = context.getBean(RunHistory.class).last(Math.max(1, limit), project, job);
            StatusTable.print(System.out, runs);
        }
        return ExitCodes.DONE;
    }
}
