package se.uppfoljning.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.uppfoljning.export.ExportRecreator;
import se.uppfoljning.export.ExportRun;
import se.uppfoljning.job.JobRequest;

/**
 * The export jobs as subcommands (SPEC §7, §10): the registration files into
 * out/&lt;project&gt;/registrering/ (owner-only) and the Finsam counts into out/&lt;project&gt;/finsam/.
 * Each also takes {@code --recreate <export-id>} to write an earlier export again, byte for byte.
 */
final class ExportCommands {
    private ExportCommands() {
    }

    static void addTo(CommandLine cli) {
        add(cli, "sus-export", ExportRun.SUS,
                "SUS-style in/out registration: sus-registrering.csv, the episodes",
                "(with consent) new, changed or ended since the previous export.",
                "Takes --as-of; no --period.");
        add(cli, "esf-export", ExportRun.ESF,
                "The monthly ESF participant file esf-deltagare-<YYYY-MM>.csv",
                "(--period YYYY-MM, a month that is over). An exported month that",
                "has changed is re-issued as a correction, with every later month.");
        add(cli, "finsam-export", ExportRun.FINSAM,
                "The Uppföljning Finsam counts finsam-<period>.csv: new, active and",
                "ended participants by gender (--period any; no personal data).");
    }

    private static void add(CommandLine cli, String job, String kind, String... description) {
        CommandLine sub = new CommandLine(new ExportJobCommand(job, kind));
        String[] all = new String[description.length + 2];
        System.arraycopy(description, 0, all, 0, description.length);
        all[description.length] = "Rows lacking a required value go to *-att-komplettera.csv.";
        all[description.length + 1] = "Columns and codes: docs/exports.md.";
        sub.getCommandSpec().usageMessage().description(all);
        cli.addSubcommand(job, sub);
    }

    @Command(mixinStandardHelpOptions = true,
            footer = {"", "Exit codes: 0 done, 1 failed (run the same command again),",
                    "2 bad input or configuration, 3 another run of the job for the",
                    "project holds the lock, 4 nothing changed since the last export",
                    "(nothing written)."})
    static final class ExportJobCommand implements Callable<Integer> {
        private final String jobName;
        private final String kind;

        @Mixin
        CommonOptions options;

        @Option(names = "--recreate", paramLabel = "<export-id>",
                description = "Write export <export-id> again, byte for byte, into registrering/aterskapad/<export-id>/.")
        Long recreate;

        ExportJobCommand(String jobName, String kind) {
            this.jobName = jobName;
            this.kind = kind;
        }

        @Override
        public Integer call() throws Exception {
            if (recreate == null) return JobCommands.run(jobName, options);
            JobRequest request = options.request();
            try (ConfigurableApplicationContext context = Contexts.start(options.springProperties())) {
                ExportRecreator.Recreated r = context.getBean(ExportRecreator.class)
                        .recreate(request.project().id(), kind, recreate, request.out());
                System.out.println(jobName + " " + request.project().id() + ": export " + recreate + " återskapad -> "
                        + r.file() + " (" + r.rows() + " rader, sha256 " + r.sha256() + ", samma som originalet)");
                return ExitCodes.DONE;
            }
        }
    }
}
