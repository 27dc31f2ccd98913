package se.uppfoljning.export;

import java.time.LocalDate;
import java.util.List;

/**
 * An episode as the exports see it: the register's own values (so that a missing value is seen as
 * missing, not as the outcome engine's OKAND) beside the outcome facts of the as-of date.
 *
 * @param personProtected some episode of the person in the project has skyddad = J
 * @param gender          K, M or X as reported per R10; null when neither reported nor legal is known
 * @param end             the end date known at the as-of date; null while the episode runs
 * @param exitStatus      EXIT_STATUS of an ended episode (OKAND when no evidence)
 */
public record Participation(String episodeKey, String personKey, byte[] pnrEncrypted, boolean anonymous,
                            boolean personProtected, String gender, int birthYear, String team, LocalDate start,
                            String referrer, List<String> supportStart, String education, Boolean disability,
                            LocalDate end, String endReason, String exitStatus, boolean exitPreliminary,
                            List<String> supportEnd) {

    /**
     * May appear in a file with personnummer: consent, no protected identity (for the person, in any
     * episode of the project), and a stored number.
     */
    public boolean registrable() {
        return !anonymous && !personProtected && pnrEncrypted != null;
    }

    public boolean ended() {
        return end != null;
    }
}
