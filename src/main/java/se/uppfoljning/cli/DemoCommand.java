package se.uppfoljning.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.uppfoljning.config.ProjectConfig;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the main job for the two sample projects on the sample data in sample-data/,",
                "with the embedded database under data/, and writes every report into out/."})
class DemoCommand implements Callable<Integer> {
    /** The sample extracts were delivered 2026-10-31; the demo reads them as of the day after. */
    static final LocalDate SAMPLE_AS_OF = LocalDate.of(2026, 11, 1);
    static final List<String> SAMPLE_PROJECTS = List.of("stockholmskraften", "vasteras");
    /** The reports due on the sample as-of date: the latest complete period of each kind. */
    static final Map<String, String> REPORTS = new java.util.LinkedHashMap<>(Map.of());

    static {
        REPORTS.put("monthly-report", "2026-10");
        REPORTS.put("tertial-report", "2026-T2");
        REPORTS.put("halfyear-report", "2026-H1");
        REPORTS.put("annual-report", "2025");
        REPORTS.put("esf-report", "2026-H1");
        REPORTS.put("sus-export", null);
        REPORTS.put("esf-export", "2026-10");
        REPORTS.put("finsam-export", "2026-H1");
    }

    @Mixin
    DatabaseOption database;

    @Option(names = "--out", paramLabel = "<dir>", description = "Output folder (default: out).")
    Path out;

    @Override
    public Integer call() throws Exception {
        CommonOptions base = options(null);
        int worst = ExitCodes.DONE;
        List<String> written = new ArrayList<>();
        try (ConfigurableApplicationContext context = Contexts.start(base.springProperties())) {
            for (String id : SAMPLE_PROJECTS) {
                CommonOptions options = options(id);
                options.inbox = CommonOptions.home().resolve("sample-data").resolve(id);
                worst = worse(worst, JobCommands.find(context, "ingest").run(options.request()));
                ProjectConfig project = options.projectConfig();
                for (var report : REPORTS.entrySet()) {
                    if (!dueFor(report.getKey(), project)) continue;
                    CommonOptions o = options(id);
                    o.period = report.getValue();
                    worst = worse(worst, JobCommands.find(context, report.getKey()).run(o.request()));
                    written.add(report.getKey());
                }
            }
        }
        System.out.println();
        System.out.println("Klart: " + written.size() + " rapporter och exporter under " + base.outDir()
                + "/<projekt>/<rapport>/<period>/, avvisade rader under " + base.outDir().resolve("rejects"));
        return worst;
    }

    /** ESF jobs for ESF projects, Finsam jobs for Finsam projects, the monthly report for all. */
    private static boolean dueFor(String job, ProjectConfig project) {
        if (job.startsWith("esf-")) return project.funders().contains("ESF");
        if (job.equals("monthly-report")) return true;
        return project.funders().contains("FINSAM");
    }

    /** A second demo finds nothing new in the inbox: that is not a failure of the demo. */
    private static int worse(int worst, int code) {
        return code == ExitCodes.NOTHING_TO_DO ? worst : Math.max(worst, code);
    }

    private CommonOptions options(String project) {
        CommonOptions o = new CommonOptions();
        o.dbUrl = database.dbUrl;
        o.out = out;
        o.asOf = SAMPLE_AS_OF;
        o.project = project;
        return o;
    }
}
