package se.uppfoljning.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The crontab lines that run the jobs of {@code jobs/*.yml}: one line per job and project, each
 * appending to its job's log, e.g.
 * <pre>0 6 3 * * cd /srv/uppfoljning &amp;&amp; scripts/run monthly-report --project vasteras &gt;&gt; /srv/uppfoljning/data/logs/monthly-report.log 2&gt;&amp;1</pre>
 * The command takes its period, inbox and output folder from the same job file when it runs.
 */
public final class CronLines {
    private CronLines() {
    }

    public static String beginMarker(Path home) {
        return "# BEGIN uppfoljning (" + home + ")";
    }

    public static final String END_MARKER = "# END uppfoljning";

    /**
     * @param only the jobs to include; empty = all
     * @param path a PATH for the commands (where java and mvn are), or null to leave cron's own
     */
    public static List<String> lines(JobSchedules schedules, Path home, Collection<String> only, String path) {
        List<String> lines = new ArrayList<>();
        String dir = quote(home.toString());
        for (JobSchedule s : schedules.all()) {
            if (!only.isEmpty() && !only.contains(s.job())) continue;
            String log = quote(home.resolve("data/logs").resolve(s.job() + ".log").toString());
            for (String project : s.projects()) {
                String env = path == null || path.isBlank() ? "" : "PATH=" + quote(path) + " ";
                String line = s.cron() + " cd " + dir + " && " + env + "scripts/run " + s.job() + " --project " + project
                        + " >> " + log + " 2>&1";
                // in a crontab, % ends the command unless escaped
                lines.add(line.replace("%", "\\%"));
            }
        }
        return lines;
    }

    /** Quotes a word for sh when it holds anything but plain path characters. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_@%+=:,./-]+")) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
