package se.uppfoljning.config;

/** A configuration file is missing or wrong. The message names the file and what to fix (exit code 2). */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
