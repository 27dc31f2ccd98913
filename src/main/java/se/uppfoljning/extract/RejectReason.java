package se.uppfoljning.extract;

/**
 * Why a row was rejected (SPEC §11 R3). The declaration order is the rule's order: a row with several
 * defects is rejected once, for the first of them.
 */
public enum RejectReason {
    MISSING_VALUE("Värde saknas i det obligatoriska fältet %s.", "Required value missing in %s."),
    INVALID_PNR("Ogiltigt personnummer i %s: %s.", "Invalid personnummer in %s: %s."),
    INVALID_DATE("Ogiltigt datum i %s (ska vara ÅÅÅÅ-MM-DD och finnas i kalendern).",
            "Invalid date in %s (must be YYYY-MM-DD and exist in the calendar)."),
    NOT_A_NUMBER("%s är inte ett tal.", "%s is not a number."),
    UNKNOWN_CODE("Okänd kod i %s. Använd en av kodlistans koder eller lägg till en mappning i källprofilen.",
            "Unknown code in %s. Use a code of the code list or add a mapping to the source profile."),
    OUT_OF_RANGE("Värdet i %s ligger utanför tillåtet intervall (%s).", "The value in %s is out of range (%s)."),
    DATE_AFTER_DELIVERY("Datumet i %s ligger efter filens leveransdatum %s.",
            "The date in %s is after the file's delivery date %s."),
    END_BEFORE_START("Slutdatumet %s ligger före startdatumet.", "The end date %s is before the start date."),
    UNKNOWN_TEAM_OR_AREA("%s finns inte i projektet (eller området hör inte till teamet).",
            "%s is not in the project (or the area does not belong to the team)."),
    MONTH_OUT_OF_RANGE("Månaden i %s ligger mer än ett år utanför projektets löptid.",
            "The month in %s lies more than a year outside the project's lifetime."),
    OVERLAPPING_EPISODE("Deltagandet överlappar ett tidigare startat deltagande för samma person i projektet.",
            "The episode overlaps an earlier-starting episode of the same person in the project.");

    private final String sv;
    private final String en;

    RejectReason(String sv, String en) {
        this.sv = sv;
        this.en = en;
    }

    public String messageSv(Object... args) {
        return String.format(sv, args);
    }

    public String messageEn(Object... args) {
        return String.format(en, args);
    }
}
