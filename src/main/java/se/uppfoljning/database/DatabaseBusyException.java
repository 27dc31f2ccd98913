package se.uppfoljning.database;

/** The embedded database stayed in use by another process for longer than a run may wait (exit 3). */
public class DatabaseBusyException extends RuntimeException {
    public DatabaseBusyException(String message) {
        super(message);
    }
}
