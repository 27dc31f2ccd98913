package se.uppfoljning.export;

import java.util.List;

/**
 * What an export run did, for the console and the exit code.
 *
 * @param changed   false when nothing had changed since the last export: no file was written (exit 4)
 * @param exportIds the exports recorded, in the order written
 * @param summary   lines for the console: counts and paths, never personal data
 */
public record ExportResult(boolean changed, List<Long> exportIds, List<String> summary) {
}
