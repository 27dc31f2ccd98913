package se.uppfoljning.cli;

import picocli.CommandLine;

/** The report jobs as subcommands (SPEC §10), each writing into out/<project>/<report-id>/<period>/. */
final class ReportCommands {
    private ReportCommands() {
    }

    static void addTo(CommandLine cli) {
        add(cli, "monthly-report", "Månadsrapport for project management (--period YYYY-MM).");
        add(cli, "tertial-report", "Tertialrapport for the Samordningsförbund (--period YYYY-T1..T3).");
        add(cli, "halfyear-report", "Halvårsrapport for the Samordningsförbund (--period YYYY-H1 or YYYY-H2).");
        add(cli, "annual-report", "Helårsrapport for the Samordningsförbund (--period YYYY).");
        add(cli, "esf-report", "ESF+ common indicators for the period and since start (--period any, or lifetime).");
    }

    private static void add(CommandLine cli, String job, String description) {
        cli.addSubcommand(job, ProjectJobCommand.of(job, description,
                "Writes <report-id>.pdf, <report-id>.xlsx, tables.csv and run.json (SPEC §7)."));
    }
}
