package se.uppfoljning.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.job.ProjectJob;
import se.uppfoljning.schedule.JobSchedule;
import se.uppfoljning.schedule.JobSchedules;

@Command(name = "run-all", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ingests each project's inbox, then runs the reports and exports that are due.",
                "",
                "Projects and inbox: jobs/run-all.yml (or --project, --inbox). The jobs it may run:",
                "its 'jobs' list. A job is due when its own cron expression (jobs/<job>.yml)",
                "fires at some time on the as-of date; it runs for the projects its own file",
                "lists, for the period its rule gives on that date. A due job this build does",
                "not have is reported as not available and does not fail the run.",
                "If the ingest fails (1) or is locked (3), the project's reports are not made.",
                ""},
        footer = {"", "Examples:",
                "  scripts/run run-all                          every project, as of today",
                "  scripts/run run-all --project vasteras --as-of 2026-11-03",
                "", "Exit code: the worst of the parts (1 failed, then 2 bad input, then 3 locked);",
                "nothing to do (4) counts as done (0)."})
class RunAllCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        if (options.period != null) {
            throw new ConfigException("run-all takes no --period: each job it runs has its period rule in jobs/<job>.yml.");
        }
        JobSchedule runAll = JobSchedules.load(CommonOptions.home().resolve("jobs")).runAll();
        List<CommonOptions> perProject = new ArrayList<>();
        if (options.project != null || options.projectFile != null) {
            perProject.add(options);
        } else {
            if (options.inbox != null) {
                throw new ConfigException("--inbox names one project's inbox: give --project too (without it, run-all"
                        + " takes each project's inbox from " + runAll.file() + ").");
            }
            for (String id : runAll.projects()) perProject.add(options.withProject(id));
        }
        List<JobRequest> requests = new ArrayList<>();
        for (CommonOptions o : perProject) requests.add(o.request(JobSchedule.RUN_ALL));

        int worst = ExitCodes.DONE;
        try (ConfigurableApplicationContext context = Contexts.start(options.springProperties())) {
            ProjectJob job = JobCommands.find(context, JobSchedule.RUN_ALL);
            for (JobRequest request : requests) worst = ExitCodes.worst(worst, job.run(request));
        }
        return worst;
    }
}
