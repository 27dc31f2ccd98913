package se.uppfoljning.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the main job for the two sample projects on the sample data in sample-data/,",
                "with the embedded database under data/, and writes into out/."})
class DemoCommand implements Callable<Integer> {
    /** The sample extracts were delivered 2026-10-31; the demo reads them as of the day after. */
    static final LocalDate SAMPLE_AS_OF = LocalDate.of(2026, 11, 1);
    static final List<String> SAMPLE_PROJECTS = List.of("stockholmskraften", "vasteras");

    @Option(names = "--db-url", paramLabel = "<jdbc-url>", description = "Use this PostgreSQL server instead of the embedded one.")
    String dbUrl;

    @Option(names = "--out", paramLabel = "<dir>", description = "Output folder (default: out).")
    Path out;

    @Override
    public Integer call() throws Exception {
        CommonOptions base = new CommonOptions();
        base.dbUrl = dbUrl;
        base.out = out;
        base.asOf = SAMPLE_AS_OF;
        int worst = ExitCodes.DONE;
        try (ConfigurableApplicationContext context = Contexts.start(base.springProperties())) {
            for (String id : SAMPLE_PROJECTS) {
                CommonOptions options = copy(base, id);
                options.inbox = CommonOptions.home().resolve("sample-data").resolve(id);
                int code = JobCommands.find(context, "ingest").run(options.request());
                // a second demo finds nothing new: that is not a failure of the demo
                if (code != ExitCodes.NOTHING_TO_DO && code != ExitCodes.BAD_INPUT) worst = Math.max(worst, code);
            }
        }
        System.out.println();
        System.out.println("Klart. Avvisade rader: " + base.outDir().resolve("rejects"));
        return worst;
    }

    private static CommonOptions copy(CommonOptions base, String project) {
        CommonOptions o = new CommonOptions();
        o.dbUrl = base.dbUrl;
        o.out = base.out;
        o.asOf = base.asOf;
        o.project = project;
        return o;
    }
}
