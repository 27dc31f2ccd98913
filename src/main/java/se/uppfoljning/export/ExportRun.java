package se.uppfoljning.export;

import java.time.LocalDate;
import java.util.List;

/**
 * One export as the history keeps it (table export_run): which file, for what, and its SHA-256.
 *
 * @param kind      SUS, ESF or FINSAM
 * @param period    ESF: the month; FINSAM: the period; SUS: null
 * @param version   ESF: 1 for the month's first delivery, 2.. for its re-deliveries; else 1
 * @param reason    NEW (first file), DELTA (SUS changes), CORRECTION (an exported month changed),
 *                  REISSUE (re-sent after an earlier month's correction)
 * @param pnrColumn the personnummer's column (0-based), null in a file without one
 */
public record ExportRun(long exportId, String kind, String projectId, String period, int version, String reason,
                        LocalDate asOf, Long outcomeRunId, Long jobExecutionId, String fileName,
                        List<String> header, Integer pnrColumn, String sha256, int rowCount, int worklistCount,
                        int anonymousCount) {
    public static final String SUS = "SUS";
    public static final String ESF = "ESF";
    public static final String FINSAM = "FINSAM";
}
