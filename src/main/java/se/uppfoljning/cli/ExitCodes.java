package se.uppfoljning.cli;

/** Exit codes of every command (SPEC §10), for cron and for people. */
public final class ExitCodes {
    /** Done. */
    public static final int DONE = 0;
    /** Failed; the run is recorded and can be restarted. */
    public static final int FAILED = 1;
    /** Bad input or configuration: fix the file or setting the message names. */
    public static final int BAD_INPUT = 2;
    /** Another run of the same job and project holds the lock. */
    public static final int LOCKED = 3;
    /** Nothing to do (nothing new in the inbox, nothing changed since the last export). */
    public static final int NOTHING_TO_DO = 4;

    private ExitCodes() {
    }
}
