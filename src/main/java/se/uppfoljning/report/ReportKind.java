package se.uppfoljning.report;

import java.util.List;
import java.util.Optional;

/**
 * The reports of SPEC §7, with the job that makes each and the breakdowns its tables.csv carries
 * (R28: monthly and ESF exactly total, age_band and team; the Finsam reports also area, referrer and
 * support_group_start).
 */
public enum ReportKind {
    MONTHLY("manadsrapport", "monthly-report", false, false),
    TERTIAL("tertialrapport", "tertial-report", true, false),
    HALF_YEAR("halvarsrapport", "halfyear-report", true, false),
    ANNUAL("helarsrapport", "annual-report", true, false),
    ESF("esf-indikatorer", "esf-report", false, true);

    public static final List<String> BASIC_BREAKDOWNS = List.of("total", "age_band", "team");
    public static final List<String> FINSAM_BREAKDOWNS =
            List.of("total", "age_band", "team", "area", "referrer", "support_group_start");

    private final String reportId;
    private final String jobName;
    private final boolean finsamBreakdowns;
    private final boolean esf;

    ReportKind(String reportId, String jobName, boolean finsamBreakdowns, boolean esf) {
        this.reportId = reportId;
        this.jobName = jobName;
        this.finsamBreakdowns = finsamBreakdowns;
        this.esf = esf;
    }

    public String reportId() {
        return reportId;
    }

    public String jobName() {
        return jobName;
    }

    /** The breakdowns of this report's tables.csv, in their order. */
    public boolean finsamBreakdowns() {
        return finsamBreakdowns;
    }

    public List<String> breakdowns() {
        return finsamBreakdowns ? FINSAM_BREAKDOWNS : BASIC_BREAKDOWNS;
    }

    /** Whether the ESF+ common indicators are part of it (R25: only esf-report). */
    public boolean esf() {
        return esf;
    }

    /** The management report may run unsuppressed (SPEC §8); the others leave the project. */
    public boolean management() {
        return this == MONTHLY;
    }

    /** Whether its PDF charts the active participants per month (PdfReportModel: all but ESF's). */
    public boolean activeByMonth() {
        return !esf;
    }

    /**
     * Whether its PDF shows the process measures and the data quality section (eligibility
     * findings): the management report only (PdfReportModel).
     */
    public boolean processAndQuality() {
        return this == MONTHLY;
    }

    public static Optional<ReportKind> byJob(String jobName) {
        for (ReportKind k : values()) if (k.jobName.equals(jobName)) return Optional.of(k);
        return Optional.empty();
    }
}
