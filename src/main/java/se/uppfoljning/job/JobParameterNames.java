package se.uppfoljning.job;

/** The names of the job parameters the command line passes and the steps read. */
public final class JobParameterNames {
    public static final String PROJECT = "project";
    public static final String PROJECT_FILE = "projectFile";
    public static final String INBOX = "inbox";
    public static final String INBOX_FINGERPRINT = "inboxFingerprint";
    public static final String OUT = "out";
    public static final String SOURCES = "sources";
    public static final String AS_OF = "asOf";
    public static final String MAX_REJECT_SHARE = "maxRejectShare";
    /** The period a report or export covers: YYYY-MM, YYYY-T1..T3, YYYY-H1/H2, YYYY or lifetime. */
    public static final String PERIOD = "period";
    /** A fingerprint of the project's loaded extracts: a report is made again when it changes. */
    public static final String DATA_VERSION = "dataVersion";

    private JobParameterNames() {
    }
}
