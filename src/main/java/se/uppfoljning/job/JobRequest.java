package se.uppfoljning.job;

import java.nio.file.Path;
import java.time.LocalDate;

import se.uppfoljning.config.ProjectConfig;

/**
 * What one run of a job for one project is asked to do (SPEC §10 options, resolved).
 *
 * @param inbox  the project's inbox (ingest and run-all), else null
 * @param period YYYY-MM, YYYY-T1..T3, YYYY-H1/H2, YYYY or lifetime (report and export jobs), else null
 * @param rerun  run again even if the same parameters already completed
 */
public record JobRequest(ProjectConfig project, Path projectFile, Path inbox, Path out, Path sources,
                         LocalDate asOf, String period, boolean rerun) {
}
