package se.uppfoljning.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Loads the extracts in the inbox into the participant register.",
                "Every row is either loaded or written to <out>/rejects/<source>/<file>.rejects.csv with line, field and reason."},
        footer = {"", "Exit codes: 0 done, 1 failed (run again to restart), 2 a file or the configuration is bad,",
                "3 another ingest of the project is running, 4 nothing new in the inbox."})
class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        return JobCommands.run("ingest", options);
    }
}
