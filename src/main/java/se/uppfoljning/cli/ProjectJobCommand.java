package se.uppfoljning.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A report or export job on the command line: `scripts/run <job> --project X --period P [--as-of D]`. */
@Command(mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done, 1 failed (restartable: scripts/run restart <execution-id>),",
                "2 bad input or configuration, 3 another run of the job for the project holds the lock,",
                "4 nothing to do (already made for these parameters; --rerun to make it again)."})
class ProjectJobCommand implements Callable<Integer> {
    private final String jobName;

    @Mixin
    CommonOptions options;

    private ProjectJobCommand(String jobName) {
        this.jobName = jobName;
    }

    static CommandLine of(String jobName, String... description) {
        CommandLine cli = new CommandLine(new ProjectJobCommand(jobName));
        cli.getCommandSpec().usageMessage().description(description);
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        return JobCommands.run(jobName, options);
    }
}
