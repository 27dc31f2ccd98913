package se.uppfoljning.cli;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.schedule.JobSchedule;
import se.uppfoljning.schedule.JobSchedules;
import se.uppfoljning.schedule.ScheduleLoop;
import se.uppfoljning.schedule.ScheduledJobs;

@Command(name = "schedule", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stays running and fires every job of jobs/*.yml on its cron schedule.",
                "",
                "The same jobs at the same times (local time) as the crontab lines of",
                "scripts/install-cron, one job at a time, in one process. A job that fails is",
                "logged and the schedule goes on; a firing missed while another job ran",
                "happens right after it. At start it prints each job's next fire time.",
                "Ctrl-C or SIGTERM: no new job starts, a running one stops at its next chunk",
                "(it ends STOPPED; scripts/run restart <id> resumes it).",
                ""},
        footer = {"", "Use either this mode or the crontab lines, not both.", "Log: data/logs/uppfoljning.log."})
class ScheduleCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (EEE)", Locale.ROOT);

    @Option(names = "--only", paramLabel = "<job>", split = ",", description = "Only these jobs (e.g. --only run-all).")
    List<String> only;

    @Mixin
    DatabaseOption database;

    @Option(names = "--stop-wait", paramLabel = "<seconds>", defaultValue = "120",
            description = "On SIGTERM, how long to wait for a running job to stop (default: ${DEFAULT-VALUE}).")
    long stopWaitSeconds;

    @Override
    public Integer call() throws Exception {
        JobSchedules schedules = JobSchedules.load(CommonOptions.home().resolve("jobs"));
        List<JobSchedule> jobs = schedules.all().stream().filter(s -> only == null || only.contains(s.job())).toList();
        if (only != null) {
            for (String j : only) {
                if (schedules.of(j).isEmpty()) throw new ConfigException("--only " + j + ": there is no jobs/" + j + ".yml.");
            }
        }
        if (jobs.isEmpty()) throw new ConfigException("No job to schedule: " + schedules.dir() + " has no job files.");
        new JobSchedules(schedules.dir(), jobs).requireInboxes(CommonOptions.home());

        ConfigurableApplicationContext context = Contexts.start(database.springProperties(), false);
        ScheduledJobs scheduled = context.getBean(ScheduledJobs.class);
        ScheduleLoop loop = new ScheduleLoop(jobs, Clock.systemDefaultZone(), (job, at) -> {
            System.out.printf(Locale.ROOT, "%n=== %s (%s)%n", job.job(), TIME.format(at));
            int code = scheduled.runScheduled(job, at.toLocalDate(), System.out);
            System.out.printf(Locale.ROOT, "=== %s: %d %s; next %s%n", job.job(), code, ExitCodes.describe(code),
                    TIME.format(job.cron().next(ZonedDateTime.now().isAfter(at) ? ZonedDateTime.now() : at)));
        });
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: no new job starts; a running one stops at its next chunk.");
            loop.stop();
            scheduled.requestStop();
            try {
                if (!closed.await(stopWaitSeconds, TimeUnit.SECONDS)) {
                    System.err.println("A job is still running after " + stopWaitSeconds + " s; it is left STARTED and"
                            + " the next run of it (or scripts/run restart) resumes it.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "schedule-stop"));

        printPlan(loop.nextFireTimes());
        log.info("Schedule mode started with {} jobs", jobs.size());
        try {
            loop.run();
        } finally {
            context.close();
            log.info("Schedule mode stopped");
            System.out.println("Stopped.");
            closed.countDown();
        }
        return ExitCodes.DONE;
    }

    private void printPlan(Map<JobSchedule, ZonedDateTime> next) {
        System.out.println("Schemaläge (" + ZonedDateTime.now().getZone() + "). Nästa körning av varje jobb:");
        for (var e : next.entrySet()) {
            JobSchedule s = e.getKey();
            System.out.printf(Locale.ROOT, "  %-16s %-16s %s  %s%n", s.job(), s.cron(), TIME.format(e.getValue()),
                    String.join(", ", s.projects()));
            log.info("{} ({}) fires next at {}", s.job(), s.cron(), e.getValue());
        }
        System.out.println("Stoppa med Ctrl-C eller SIGTERM (kill " + ProcessHandle.current().pid() + ").");
    }
}
