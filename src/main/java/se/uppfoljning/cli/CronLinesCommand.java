package se.uppfoljning.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.schedule.CronLines;
import se.uppfoljning.schedule.JobSchedules;

/** For scripts/install-cron: the crontab lines of jobs/*.yml, read and checked by the same code as every run. */
@Command(name = "cron-lines", hidden = true, mixinStandardHelpOptions = true,
        description = "Prints the crontab lines of jobs/*.yml, one per job and project (used by scripts/install-cron).")
class CronLinesCommand implements Callable<Integer> {
    @Option(names = "--only", paramLabel = "<job>", split = ",", description = "Only these jobs.")
    List<String> only;

    @Option(names = "--path", paramLabel = "<PATH>", description = "A PATH for the commands, where java and mvn are.")
    String path;

    @Option(names = "--require-inboxes", description = "Fail (exit 2) when an inbox folder the job files name is missing.")
    boolean requireInboxes;

    @Override
    public Integer call() {
        Path home = CommonOptions.home();
        JobSchedules schedules = JobSchedules.load(home.resolve("jobs"));
        List<String> selected = only == null ? List.of() : only;
        for (String j : selected) {
            if (schedules.of(j).isEmpty()) throw new ConfigException("--only " + j + ": there is no jobs/" + j + ".yml.");
        }
        JobSchedules chosen = new JobSchedules(schedules.dir(), schedules.all().stream()
                .filter(s -> selected.isEmpty() || selected.contains(s.job())).toList());
        if (requireInboxes) {
            chosen.requireInboxes(home);
        } else {
            for (Path missing : chosen.missingInboxes(home)) {
                System.err.println("# warning: inbox folder " + missing + " does not exist yet (mkdir -p " + missing + ")");
            }
        }
        CronLines.lines(chosen, home, selected, path).forEach(System.out::println);
        return ExitCodes.DONE;
    }
}
