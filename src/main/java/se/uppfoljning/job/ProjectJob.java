package se.uppfoljning.job;

/**
 * A job that runs for one project (ingest, the reports, the exports). Each is a Spring bean; the
 * command line, run-all and the scheduler find them by name and get an exit code of SPEC §10 back.
 */
public interface ProjectJob {

    /** The job's name on the command line and in jobs/&lt;name&gt;.yml. */
    String name();

    /** Runs the job, prints its summary to standard output and returns its exit code. */
    int run(JobRequest request) throws Exception;
}
