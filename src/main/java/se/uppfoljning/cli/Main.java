package se.uppfoljning.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.uppfoljning.config.ConfigException;

/**
 * The one entry point, {@code scripts/run <job> [options]} (SPEC §10). Options are parsed before the
 * database starts, so --help and mistakes in the command line answer at once.
 */
@Command(name = "uppfoljning", mixinStandardHelpOptions = true, version = "uppfoljning 0.1",
        description = "Follow-up and funder reporting for labour-market collaboration projects.",
        subcommands = {IngestCommand.class, RunAllCommand.class, StatusCommand.class, RestartCommand.class,
                ScheduleCommand.class, DemoCommand.class, CronLinesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed (restartable), 2 bad input or configuration,",
                "3 another run holds the lock, 4 nothing to do."})
public class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        ReportCommands.addTo(cli);
        ExportCommands.addTo(cli);
        cli.setExecutionExceptionHandler(Main::handle);
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** A failure is one line a person can act on; the stack trace goes to the log file only. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof ConfigException)) root = root.getCause();
        if (e instanceof ConfigException || root instanceof ConfigException) {
            err.println("Configuration error: " + (root instanceof ConfigException ? root.getMessage() : e.getMessage()));
            return se.uppfoljning.cli.ExitCodes.BAD_INPUT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof se.uppfoljning.database.DatabaseBusyException busy) {
                err.println("Locked: " + busy.getMessage());
                return se.uppfoljning.cli.ExitCodes.LOCKED;
            }
        }
        err.println("Failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        org.slf4j.LoggerFactory.getLogger(Main.class).error("Command failed", e);
        return se.uppfoljning.cli.ExitCodes.FAILED;
    }
}
