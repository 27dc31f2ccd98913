package se.uppfoljning.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * When and with what one job runs, as configured in {@code jobs/<job>.yml}.
 *
 * @param job      the job's name: the file name, and the command {@code scripts/run <job>}
 * @param file     the file it was read from
 * @param cron     when it fires (crontab syntax, local time)
 * @param projects the projects it runs for, one run per project
 * @param period   which period a report or export covers; null for ingest and run-all
 * @param inbox    the inbox folder, {project} standing for the project id (ingest and run-all); else null
 * @param out      the output folder
 * @param jobs     for run-all: the report and export jobs it runs when they are due; else empty
 */
public record JobSchedule(String job, Path file, Cron cron, List<String> projects, PeriodRule period, String inbox,
                          String out, List<String> jobs) {

    public static final String INGEST = "ingest";
    public static final String RUN_ALL = "run-all";

    public boolean isRunAll() {
        return job.equals(RUN_ALL);
    }

    /** The project's inbox, relative paths taken from the installation folder. */
    public Path inboxOf(String project, Path home) {
        if (inbox == null) throw new IllegalStateException(job + " reads no inbox");
        return home.resolve(inbox.replace("{project}", project)).toAbsolutePath().normalize();
    }

    public Path outDir(Path home) {
        return home.resolve(out).toAbsolutePath().normalize();
    }

    /**
     * Whether this job is due on the as-of date, as run-all decides it: its cron expression fires at
     * some time on that day (local time). The rule depends on the date alone, never on earlier runs.
     */
    public boolean dueOn(LocalDate asOf, ZoneId zone) {
        return cron.firesOn(asOf, zone);
    }

    /** The period this job covers on the as-of date, or null for jobs without a period. */
    public String periodOn(LocalDate asOf) {
        return period == null ? null : period.resolve(asOf);
    }
}
