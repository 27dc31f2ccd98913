package se.uppfoljning.identity;

/**
 * A value is not a valid personnummer or samordningsnummer.
 *
 * <p>The message is a fixed reason and never contains the value itself: these exceptions end up in
 * logs and reject files, where a personnummer must not appear.
 */
public class InvalidPersonnummerException extends Exception {

    /** Why a value was rejected, with the text shown to English and Swedish readers. */
    public enum Reason {
        MISSING("no value", "värde saknas"),
        FORMAT("wrong length or format", "fel format"),
        NO_SUCH_DATE("no such date", "datumet finns inte"),
        CHECK_DIGIT("wrong check digit", "fel kontrollsiffra"),
        BORN_AFTER_REFERENCE_DATE("birth date after the delivery date", "födelsedatumet är efter leveransdatumet");

        private final String english;
        private final String swedish;

        Reason(String english, String swedish) {
            this.english = english;
            this.swedish = swedish;
        }
    }

    private final Reason reason;

    public InvalidPersonnummerException(Reason reason) {
        super(reason.english);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason in Swedish, for reject files read by the teams. */
    public String reasonSv() {
        return reason.swedish;
    }
}
