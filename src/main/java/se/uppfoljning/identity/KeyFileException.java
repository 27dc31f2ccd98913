package se.uppfoljning.identity;

/** A key file or configured key cannot be used. The message says where and what to do; it never holds key material. */
public class KeyFileException extends RuntimeException {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
