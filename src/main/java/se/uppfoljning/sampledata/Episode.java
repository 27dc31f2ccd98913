package se.uppfoljning.sampledata;

import java.time.LocalDate;

/**
 * One participation episode as the team register records it (a row of {@code deltagare}), plus
 * the true status after it, which the agencies' extracts give evidence of.
 */
final class Episode {

    ProjectProfile.Team team;
    String area;
    LocalDate start;
    /** null while the episode is open. */
    LocalDate end;
    String endReason;
    /** What the person really went on to (SPEC §4 sysselsattning); OKAND = no evidence anywhere. */
    String outcome;
    /** Whether the team wrote the outcome into sysselsattning_efter. */
    boolean outcomeWritten;
    String kon = "";
    String referrer;
    String education;
    String disability;
    LocalDate unemployedSince;
    String supportStart;
    String supportEnd = "";
    String consent = "J";
    String protectedId = "N";

    boolean isOpen() {
        return end == null;
    }

    boolean isVoid() {
        return "FELREG".equals(endReason);
    }

    /** The last day the episode's own activity can be dated: its end, or else the delivery date. */
    LocalDate horizon() {
        return end != null ? end : ProjectProfile.DELIVERY;
    }

    long days() {
        return horizon().toEpochDay() - start.toEpochDay();
    }

    boolean exitToWork() {
        return end != null && ("ARBETE".equals(outcome) || "ARBETE_SUBV".equals(outcome) || "EGET_FORETAG".equals(outcome));
    }
}
