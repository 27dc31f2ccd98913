package se.uppfoljning;

import java.nio.file.Path;
import java.time.LocalDate;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.ProjectConfigLoader;
import se.uppfoljning.job.IngestRunner;

/** Runs the ingest job on a test inbox for one of the shipped sample projects. */
public final class IngestFixture {
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private final IngestRunner runner;
    private final Path out;

    public IngestFixture(IngestRunner runner, Path out) {
        this.runner = runner;
        this.out = out;
    }

    public static Path projectFile(String id) {
        return Path.of("jobs/projects", id + ".yml").toAbsolutePath();
    }

    public static ProjectConfig project(String id) {
        return ProjectConfigLoader.load(projectFile(id));
    }

    public IngestRunner.Result ingest(String projectId, Path inbox) throws Exception {
        return runner.run(project(projectId), projectFile(projectId), inbox, out,
                Path.of("jobs/sources").toAbsolutePath(), AS_OF);
    }

    public Path out() {
        return out;
    }
}
