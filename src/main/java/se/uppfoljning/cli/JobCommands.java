package se.uppfoljning.cli;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import se.uppfoljning.config.ConfigException;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.job.ProjectJob;

/** Runs one {@link ProjectJob} from the command line: options checked first, then the database started. */
final class JobCommands {
    private JobCommands() {
    }

    /** Runs the job for the options' project; what the options leave out comes from jobs/&lt;job&gt;.yml. */
    static int run(String jobName, CommonOptions options) throws Exception {
        JobRequest request = options.request(jobName);
        try (ConfigurableApplicationContext context = Contexts.start(options.springProperties())) {
            return find(context, jobName).run(request);
        }
    }

    static ProjectJob find(ConfigurableApplicationContext context, String jobName) {
        Map<String, ProjectJob> jobs = context.getBeansOfType(ProjectJob.class);
        return jobs.values().stream().filter(j -> j.name().equals(jobName)).findFirst()
                .orElseThrow(() -> new ConfigException("Unknown job '" + jobName + "'."));
    }
}
