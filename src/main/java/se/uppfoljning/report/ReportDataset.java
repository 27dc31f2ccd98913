package se.uppfoljning.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one report shows, computed once and suppressed once; the PDF, the XLSX, tables.csv and
 * run.json are all rendered from it, so they cannot disagree (DESIGN "Reporting").
 *
 * @param reportId     manadsrapport, tertialrapport, halvarsrapport, helarsrapport or esf-indikatorer
 * @param job          the job that made it (monthly-report, ...)
 * @param cells        the report period's numbers: exactly the lines of tables.csv, in their order
 * @param previous     the previous period's numbers, shown beside each figure (PDF/XLSX only)
 * @param cumulative   numbers of a longer span up to the as-of date, shown beside the period's (PDF/XLSX
 *                     only): the project lifetime for the ESF report, the calendar year so far for the
 *                     monthly report ("hittills i år"); empty for the other reports
 */
public record ReportDataset(
        String reportId,
        String job,
        long executionId,
        String projectId,
        String projectName,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate asOf,
        String specVersion,
        int suppressionThreshold,
        List<ReportCell> cells,
        List<ReportCell> previous,
        String previousPeriod,
        List<ReportCell> cumulative,
        List<MonthPoint> activeByMonth,
        List<TargetProgress> targets,
        List<ProcessMeasure> processMeasures,
        List<ExtractLineage> extracts,
        List<FindingCount> eligibilityFindings,
        List<Definition> definitions) {

    /** Active participants in one month (line chart), by gender. */
    public record MonthPoint(String month, String gender, BigDecimal value) {
    }

    /** A project target (SPEC §2 targets) against the outcome so far. */
    public record TargetProgress(String key, String labelSv, BigDecimal target, BigDecimal actual, String unit) {
    }

    /** Days from start to joint assessment / coordinated plan: median and share within 30 days. */
    public record ProcessMeasure(String key, String labelSv, BigDecimal medianDays, BigDecimal shareWithin30,
                                 long episodes) {
    }

    /** One extract the numbers rest on (run.json "extracts"), with its top reject reasons. */
    public record ExtractLineage(String source, String file, String sha256, int rowsRead, int rowsLoaded,
                                 int rowsRejected, String status, List<ReasonCount> topRejectReasons) {
    }

    public record ReasonCount(String reason, long rows) {
    }

    /** Eligibility findings (SPEC §2), counted, never listing persons. */
    public record FindingCount(String rule, String labelSv, long episodes) {
    }

    /** A definition used, by its SPEC ID, in plain Swedish and English (docs/definitions.md). */
    public record Definition(String id, String textSv, String textEn) {
    }
}
