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

    /**
     * The exit code of several parts (run-all, a job for several projects): the worst of them, where
     * a failure (1) is worse than bad input (2), which is worse than a lock held elsewhere (3); nothing
     * to do (4) counts as done.
     */
    public static int worst(int a, int b) {
        return rank(a) >= rank(b) ? successIfNothing(a) : successIfNothing(b);
    }

    private static int successIfNothing(int code) {
        return code == NOTHING_TO_DO ? DONE : code;
    }

    private static int rank(int code) {
        return switch (code) {
            case FAILED -> 3;
            case BAD_INPUT -> 2;
            case LOCKED -> 1;
            case DONE, NOTHING_TO_DO -> 0;
            default -> 4; // anything unexpected is worse than a known failure
        };
    }

    /** A few words for a code, as run summaries show it. */
    public static String describe(int code) {
        return switch (code) {
            case DONE -> "klart";
            case FAILED -> "misslyckades (kan startas om)";
            case BAD_INPUT -> "fel i indata eller konfiguration";
            case LOCKED -> "en annan körning håller låset";
            case NOTHING_TO_DO -> "inget att göra";
            default -> "slutkod " + code;
        };
    }
}
