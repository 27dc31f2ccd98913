package se.uppfoljning.extract;

/**
 * A whole file cannot be loaded (unreadable, a required column missing, wrong delimiter, ...).
 * Both messages say what to do; neither ever contains a personnummer.
 */
public class ExtractFileException extends Exception {
    private final String messageSv;

    public ExtractFileException(String messageSv, String messageEn) {
        super(messageEn);
        this.messageSv = messageSv;
    }

    public ExtractFileException(String messageSv, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.messageSv = messageSv;
    }

    public String messageSv() {
        return messageSv;
    }

    public String messageEn() {
        return getMessage();
    }
}
