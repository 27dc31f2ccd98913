package se.uppfoljning.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audit line per file with personal rows written or re-created, in the log file: job, project,
 * export id, file name, rows and SHA-256. Never a personnummer, a person key or a row's content.
 */
public final class ExportAudit {
    private static final Logger AUDIT = LoggerFactory.getLogger("se.uppfoljning.audit");

    private ExportAudit() {
    }

    public static void written(String job, String project, long exportId, String fileName, int rows, String sha256) {
        AUDIT.info("export job={} project={} export={} file={} rows={} sha256={}", job, project, exportId, fileName,
                rows, sha256);
    }

    public static void recreated(String job, String project, long exportId, String fileName, int rows, String sha256) {
        AUDIT.info("recreate job={} project={} export={} file={} rows={} sha256={}", job, project, exportId, fileName,
                rows, sha256);
    }
}
