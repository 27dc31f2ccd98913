package se.uppfoljning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where this test run keeps what it leaves behind, so the privacy check at the end can find it:
 * outputs (every {@code @TempDir}) under {@code target/test-output/run-…}, the program's log in
 * {@code target/test-logs/uppfoljning.log} (surefire sets {@code uppfoljning.log-dir}), the console
 * in {@code target/test-logs/console.log}, and the exception messages the tests saw.
 */
public final class TestRun {
    /** A message of an exception (or a stored failure message) and where it was seen. */
    public record Seen(String where, String message) {
    }

    public static final Path OUTPUT_ROOT;
    /** This run's output folder; earlier runs' folders are removed when the run starts. */
    public static final Path OUTPUT;
    public static final Path LOG_DIR;
    public static final Path LOG_FILE;
    public static final Path CONSOLE_FILE;
    /** When the run started: only log lines written since are checked (to the second). */
    public static final LocalDateTime STARTED = LocalDateTime.now().withNano(0);

    private static final List<Seen> SEEN = new ArrayList<>();

    static {
        Path target = Path.of("target").toAbsolutePath();
        OUTPUT_ROOT = Path.of(System.getProperty("uppfoljning.test-output", target.resolve("test-output").toString()));
        String logDir = System.getProperty("uppfoljning.log-dir");
        if (logDir == null) {
            // run from an IDE without surefire's settings: the same place, set before logback starts
            logDir = target.resolve("test-logs").toString();
            System.setProperty("uppfoljning.log-dir", logDir);
        }
        LOG_DIR = Path.of(logDir);
        LOG_FILE = LOG_DIR.resolve("uppfoljning.log");
        CONSOLE_FILE = LOG_DIR.resolve("console.log");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        OUTPUT = OUTPUT_ROOT.resolve("run-" + stamp + "-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(OUTPUT);
            Files.createDirectories(LOG_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestRun() {
    }

    /** Touch to fix the run's folders and the log offset before any test writes. */
    public static void init() {
        // the static block does the work
    }

    /**
     * Marks a folder as test input: extracts hold personnummer by design, so the privacy check skips
     * it (and everything under it). Returns the folder.
     */
    public static Path markInput(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(INPUT_MARKER), "test input: extracts with personnummer\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file that marks a folder as test input for the privacy check. */
    public static final String INPUT_MARKER = ".test-input";

    public static void seen(String where, String message) {
        if (message == null || message.isEmpty()) return;
        synchronized (SEEN) {
            SEEN.add(new Seen(where, message));
        }
    }

    /** Every message of {@code t}, its causes and suppressed exceptions. */
    public static void seen(String where, Throwable t) {
        List<Throwable> todo = new ArrayList<>(List.of(t));
        for (int i = 0; i < todo.size() && i < 100; i++) {
            Throwable x = todo.get(i);
            seen(where, x.getClass().getName() + ": " + x.getMessage());
            if (x.getCause() != null && !todo.contains(x.getCause())) todo.add(x.getCause());
            for (Throwable s : x.getSuppressed()) if (!todo.contains(s)) todo.add(s);
        }
    }

    public static List<Seen> seen() {
        synchronized (SEEN) {
            return List.copyOf(SEEN);
        }
    }
}
