package se.uppfoljning.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Option;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.ProjectConfigLoader;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.schedule.JobSchedule;
import se.uppfoljning.schedule.JobSchedules;
import se.uppfoljning.schedule.PeriodRule;

/** The options every job takes (SPEC §10). Relative defaults resolve against the installation folder. */
public class CommonOptions {
    @Option(names = "--project", paramLabel = "<id>", description = "Project id: jobs/projects/<id>.yml.")
    String project;

    @Option(names = "--project-file", paramLabel = "<path.yml>", description = "A project file anywhere, instead of --project.")
    Path projectFile;

    @Option(names = "--inbox", paramLabel = "<dir>", description = "Inbox with one folder per source (deltagare, kontakter, bedomning, insatser, bistand, af_status).")
    Path inbox;

    @Option(names = "--out", paramLabel = "<dir>", description = "Output folder (default: out).")
    Path out;

    @Option(names = "--as-of", paramLabel = "<YYYY-MM-DD>", description = "The data cut: every number depends on it, never on the clock (default: today).")
    LocalDate asOf;

    @Option(names = "--db-url", paramLabel = "<jdbc-url>", description = "PostgreSQL server to use (or UPPFOLJNING_DB_URL); absent = the embedded database under data/.")
    String dbUrl;

    @Option(names = "--sources", paramLabel = "<dir>", description = "Source profiles (default: jobs/sources).")
    Path sources;

    static Path home() {
        return Path.of(System.getProperty("uppfoljning.home", ".")).toAbsolutePath().normalize();
    }

    ProjectConfig projectConfig() {
        if (projectFile != null) return ProjectConfigLoader.load(projectFile.toAbsolutePath());
        if (project == null) throw new ConfigException("Name the project: --project <id> or --project-file <path.yml>.");
        return ProjectConfigLoader.byId(home().resolve("jobs/projects"), project);
    }

    Path projectFilePath() {
        return projectFile != null ? projectFile.toAbsolutePath() : home().resolve("jobs/projects").resolve(project + ".yml");
    }

    Path outDir() {
        return (out != null ? out : home().resolve("out")).toAbsolutePath();
    }

    Path sourcesDir() {
        Path dir = (sources != null ? sources : home().resolve("jobs/sources")).toAbsolutePath();
        if (!dir.toFile().isDirectory()) throw new ConfigException("Source profile folder not found: " + dir + " (--sources).");
        return dir;
    }

    LocalDate asOfDate() {
        return asOf != null ? asOf : LocalDate.now();
    }

    @Option(names = "--period", paramLabel = "<period>", description = {"YYYY-MM, YYYY-T1..T3, YYYY-H1, YYYY-H2, YYYY or lifetime,",
            "or a rule over --as-of: previous-month, previous-tertial, previous-half-year, previous-year",
            "(default: the rule in jobs/<job>.yml)."})
    String period;

    @Option(names = "--rerun", description = "Run again even if the same parameters already completed.")
    boolean rerun;

    /** The options resolved into a request; configuration errors surface here, before the database starts. */
    JobRequest request() {
        ProjectConfig config = projectConfig();
        return new JobRequest(config, projectFilePath(), inbox == null ? null : inbox.toAbsolutePath(), outDir(),
                sourcesDir(), asOfDate(), period(asOfDate()), rerun);
    }

    /**
     * The request for a job, with what the command line leaves out taken from {@code jobs/<job>.yml}:
     * the inbox (ingest, run-all), the output folder and the period rule. So the crontab line
     * {@code scripts/run monthly-report --project X} reports on the month before the day it runs.
     */
    JobRequest request(String job) {
        ProjectConfig config = projectConfig();
        LocalDate asOfDate = asOfDate();
        Optional<JobSchedule> schedule = JobSchedules.loadOne(home().resolve("jobs"), job);
        Path inboxDir = inbox != null ? inbox.toAbsolutePath()
                : schedule.filter(s -> s.inbox() != null).map(s -> s.inboxOf(config.id(), home())).orElse(null);
        Path outDir = out != null ? outDir() : schedule.map(s -> s.outDir(home())).orElse(outDir());
        String periodText = period != null ? period(asOfDate) : schedule.map(s -> s.periodOn(asOfDate)).orElse(null);
        return new JobRequest(config, projectFilePath(), inboxDir, outDir, sourcesDir(), asOfDate, periodText, rerun);
    }

    /** --period as given, a rule name (previous-month, ...) resolved against the as-of date. */
    private String period(LocalDate asOfDate) {
        if (period == null) return null;
        return PeriodRule.byId(period.trim()).map(r -> r.resolve(asOfDate)).orElse(period.trim());
    }

    /** These options for another project (run-all over several projects). */
    CommonOptions withProject(String id) {
        CommonOptions o = new CommonOptions();
        o.project = id;
        o.inbox = inbox;
        o.out = out;
        o.asOf = asOf;
        o.dbUrl = dbUrl;
        o.sources = sources;
        o.period = period;
        o.rerun = rerun;
        return o;
    }

    /** Spring properties these options set. */
    Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (dbUrl != null) p.put("uppfoljning.db.url", dbUrl);
        if (System.getProperty("uppfoljning.data-dir") == null && System.getenv("UPPFOLJNING_DATA_DIR") == null) {
            p.put("uppfoljning.data-dir", home().resolve("data").toString());
        }
        return p;
    }
}
