package se.uppfoljning.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import se.uppfoljning.config.ConfigException;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.ProjectConfigLoader;
import se.uppfoljning.config.YamlFile;

/**
 * Every {@code jobs/<job>.yml} of an installation, read and checked. A mistake is a
 * {@link ConfigException} (exit 2) naming the file and the key.
 */
public record JobSchedules(Path dir, List<JobSchedule> all) {

    /** The jobs of SPEC §10 that can run on a schedule, in the order run-all and the listings use. */
    public static final List<String> JOBS = List.of(JobSchedule.INGEST, "monthly-report", "tertial-report",
            "halfyear-report", "annual-report", "esf-report", "sus-export", "esf-export", "finsam-export",
            JobSchedule.RUN_ALL);
    /** Jobs that only make sense for projects with a given funder. */
    private static final Map<String, String> FUNDER_OF = Map.of("esf-report", "ESF", "esf-export", "ESF",
            "sus-export", "FINSAM", "finsam-export", "FINSAM");
    private static final Set<String> KEYS = Set.of("cron", "projects", "period", "inbox", "out", "jobs");

    /** Reads every jobs/*.yml (projects from jobs/projects). */
    public static JobSchedules load(Path jobsDir) {
        if (!Files.isDirectory(jobsDir)) throw new ConfigException("Job folder not found: " + jobsDir);
        List<Path> files;
        try (Stream<Path> list = Files.list(jobsDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml") && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + jobsDir, e);
        }
        List<JobSchedule> all = new ArrayList<>();
        for (Path f : files) all.add(read(f, jobsDir.resolve("projects")));
        all.sort(java.util.Comparator.comparing(s -> JOBS.indexOf(s.job())));
        JobSchedules schedules = new JobSchedules(jobsDir, List.copyOf(all));
        schedules.of(JobSchedule.RUN_ALL).ifPresent(runAll -> {
            for (String job : runAll.jobs()) {
                if (schedules.of(job).isEmpty()) throw new ConfigException(runAll.file() + ": 'jobs' lists '" + job
                        + "', which has no file " + jobsDir.resolve(job + ".yml") + " saying when it is due");
            }
        });
        return schedules;
    }

    /** Reads one job's file, if it exists. */
    public static Optional<JobSchedule> loadOne(Path jobsDir, String job) {
        Path file = jobsDir.resolve(job + ".yml");
        if (!Files.isRegularFile(file)) return Optional.empty();
        return Optional.of(read(file, jobsDir.resolve("projects")));
    }

    public Optional<JobSchedule> of(String job) {
        return all.stream().filter(s -> s.job().equals(job)).findFirst();
    }

    /** The jobs/run-all.yml, which run-all and the listings need. */
    public JobSchedule runAll() {
        return of(JobSchedule.RUN_ALL).orElseThrow(() -> new ConfigException("No " + dir.resolve("run-all.yml")
                + ": run-all needs it (cron, projects, inbox and the jobs it runs when due)."));
    }

    /** Inbox folders the schedules name that do not exist (each ingest would fail with exit 2). */
    public List<Path> missingInboxes(Path home) {
        List<Path> missing = new ArrayList<>();
        for (JobSchedule s : all) {
            if (s.inbox() == null) continue;
            for (String p : s.projects()) {
                Path inbox = s.inboxOf(p, home);
                if (!Files.isDirectory(inbox) && !missing.contains(inbox)) missing.add(inbox);
            }
        }
        return missing;
    }

    /** Fails with every missing inbox folder, the file and key naming it, and the command that creates them. */
    public void requireInboxes(Path home) {
        List<Path> missing = missingInboxes(home);
        if (missing.isEmpty()) return;
        List<String> where = new ArrayList<>();
        for (JobSchedule s : all) {
            if (s.inbox() == null) continue;
            for (String p : s.projects()) {
                if (missing.contains(s.inboxOf(p, home))) where.add(s.file() + ": 'inbox' " + s.inbox() + " → " + s.inboxOf(p, home));
            }
        }
        throw new ConfigException("Inbox folder(s) do not exist: " + String.join("; ", where) + ". Create them (mkdir -p "
                + String.join(" ", missing.stream().map(Path::toString).toList()) + ") or correct 'inbox'.");
    }

    static JobSchedule read(Path file, Path projectsDir) {
        String name = file.getFileName().toString();
        String job = name.substring(0, name.length() - ".yml".length());
        if (!JOBS.contains(job)) {
            throw new ConfigException(file + ": no job is called '" + job + "'; the file name names the job, one of "
                    + String.join(", ", JOBS));
        }
        YamlFile yaml = YamlFile.read(file);
        Map<String, Object> root = yaml.root();
        for (String key : root.keySet()) {
            if (!KEYS.contains(key)) throw yaml.error(key, "is not a key of a job file (known: cron, projects, period,"
                    + " inbox, out, jobs)");
        }
        boolean runAll = job.equals(JobSchedule.RUN_ALL);
        boolean readsInbox = runAll || job.equals(JobSchedule.INGEST);

        Cron cron;
        try {
            cron = Cron.parse(yaml.string(root, "cron", true));
        } catch (IllegalArgumentException e) {
            throw yaml.error("cron", e.getMessage());
        }

        List<String> projects = yaml.strings(root, "projects");
        if (projects.isEmpty()) throw yaml.error("projects", "is missing or empty: list the project ids, e.g. [stockholmskraften]");
        for (String id : projects) {
            ProjectConfig project;
            try {
                project = ProjectConfigLoader.byId(projectsDir, id);
            } catch (ConfigException e) {
                throw yaml.error("projects", "names project '" + id + "', which cannot be used: " + e.getMessage());
            }
            String funder = FUNDER_OF.get(job);
            if (funder != null && !project.funders().contains(funder)) {
                throw yaml.error("projects", "names project '" + id + "', which is not funded by " + funder
                        + " (funders: " + project.funders() + "), so " + job + " does not apply to it");
            }
        }
        if (projects.stream().distinct().count() != projects.size()) throw yaml.error("projects", "lists a project twice");

        String periodText = yaml.string(root, "period", false);
        PeriodRule period = null;
        if (readsInbox) {
            if (periodText != null) throw yaml.error("period", "does not apply to " + job
                    + (runAll ? " (each job it runs has its own period rule)" : ""));
        } else {
            if (periodText == null) throw yaml.error("period", "is missing: one of " + PeriodRule.ids());
            period = PeriodRule.byId(periodText).orElseThrow(() -> yaml.error("period",
                    "'" + periodText + "' is not a period rule (known: " + PeriodRule.ids() + ")"));
        }

        String inbox = yaml.string(root, "inbox", false);
        if (readsInbox) {
            if (inbox == null || inbox.isBlank()) throw yaml.error("inbox", "is missing: the inbox folder, e.g. inbox/{project}");
            if (inbox.replace("{project}", "").matches(".*[{}].*")) {
                throw yaml.error("inbox", "may only contain the placeholder {project}");
            }
            if (projects.size() > 1 && !inbox.contains("{project}")) {
                throw yaml.error("inbox", "must contain {project}: the job runs for several projects and each has its own inbox");
            }
        } else if (inbox != null) {
            throw yaml.error("inbox", "does not apply to " + job + " (only ingest and run-all read an inbox)");
        }

        String out = yaml.string(root, "out", false);
        if (out == null) out = "out";
        if (out.isBlank() || out.matches(".*[{}].*")) throw yaml.error("out", "must be a folder, e.g. out");

        List<String> jobs = yaml.strings(root, "jobs");
        if (runAll) {
            if (jobs.isEmpty()) throw yaml.error("jobs", "is missing: the report and export jobs run-all runs when due");
            for (String j : jobs) {
                if (!JOBS.contains(j) || j.equals(JobSchedule.INGEST) || j.equals(JobSchedule.RUN_ALL)) {
                    throw yaml.error("jobs", "lists '" + j + "', which is not a report or export job (known: "
                            + String.join(", ", JOBS.subList(1, JOBS.size() - 1)) + ")");
                }
            }
        } else if (!jobs.isEmpty()) {
            throw yaml.error("jobs", "only applies to run-all");
        }
        return new JobSchedule(job, file, cron, List.copyOf(projects), period, inbox, out, List.copyOf(jobs));
    }
}
