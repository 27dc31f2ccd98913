package se.uppfoljning.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import se.uppfoljning.job.IngestJobConfiguration;
import se.uppfoljning.job.IngestProjectJob;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.job.IngestSummary;
import se.uppfoljning.job.JobParameterNames;
import se.uppfoljning.job.JobStarter;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restarts a failed, stopped or interrupted run from its last committed chunk.",
                "",
                "Same job, project and parameters. A run left STARTED by a killed process is",
                "first marked failed, and only while this command holds the job-and-project",
                "lock, so a run that is really going on is never touched. Execution ids are in",
                "scripts/run status.",
                ""},
        footer = {"", "Exit codes: 0 done, 1 failed again (restart again), 2 no such run or it cannot",
                "be restarted, 3 another run of the job and project holds the lock, 4 the run",
                "had already completed."})
class RestartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<execution-id>", description = "The run to restart (first column of scripts/run status).")
    long executionId;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = Contexts.start(database.springProperties())) {
            return restart(context.getBean(JobStarter.class), context.getBean(IngestRunner.class), executionId);
        }
    }

    /** Restarts the execution and reports it like the job's own command does. */
    static int restart(JobStarter starter, IngestRunner ingest, long executionId) throws Exception {
        JobStarter.Outcome outcome = starter.restart(executionId);
        if (outcome instanceof JobStarter.NotRestartable no) {
            System.err.println("Cannot restart: " + no.reason() + ".");
            return ExitCodes.BAD_INPUT;
        }
        if (outcome instanceof JobStarter.Locked locked) {
            System.err.println("Locked: " + locked.heldBy() + " holds the lock; wait for it to end.");
            return ExitCodes.LOCKED;
        }
        if (outcome instanceof JobStarter.AlreadyComplete done) {
            System.err.println("Nothing to do: " + done.describe() + "; run " + executionId + " needs no restart.");
            return ExitCodes.NOTHING_TO_DO;
        }
        JobExecution execution = ((JobStarter.Ran) outcome).execution();
        String job = execution.getJobInstance().getJobName();
        String project = execution.getJobParameters().getString(JobParameterNames.PROJECT, "");
        System.out.println("Körning " + executionId + " (" + job + ", " + project + ") startades om som körning "
                + execution.getId() + ": " + execution.getStatus());
        if (job.equals(IngestJobConfiguration.JOB_NAME)) {
            IngestRunner.Result result = ingest.result(execution);
            IngestSummary.print(System.out, project, result,
                    Path.of(execution.getJobParameters().getString(JobParameterNames.OUT, "out")));
            return IngestProjectJob.exitCode(result);
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) return ExitCodes.DONE;
        System.err.println("Failed again: " + execution.getExitStatus().getExitDescription()
                + ". Restart again with scripts/run restart " + execution.getId() + ".");
        return ExitCodes.FAILED;
    }
}
