package se.uppfoljning.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import se.uppfoljning.TestRun;

/**
 * Registered in META-INF/services for the whole test run: when the run starts it removes earlier
 * runs' outputs and copies everything written to the console into {@link TestRun#CONSOLE_FILE};
 * when a test fails it keeps the exception's messages. {@link PrivacyScanTest} reads all of it.
 */
public class TestRunCapture implements LauncherSessionListener, TestExecutionListener {
    private static boolean installed;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    static synchronized void install() {
        if (installed) return;
        installed = true;
        TestRun.init();
        removeEarlierRuns();
        try {
            OutputStream file = Files.newOutputStream(TestRun.CONSOLE_FILE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            System.setOut(new PrintStream(new Tee(System.out, file), true));
            System.setErr(new PrintStream(new Tee(System.err, file), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        result.getThrowable().ifPresent(t -> TestRun.seen("test " + test.getDisplayName(), t));
    }

    private static void removeEarlierRuns() {
        try (Stream<Path> runs = Files.list(TestRun.OUTPUT_ROOT)) {
            for (Path run : runs.filter(p -> !p.equals(TestRun.OUTPUT)).toList()) deleteTree(run);
        } catch (IOException e) {
            // an earlier run's folder that cannot be removed is only scanned again
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Writes to the console as before and to the capture file. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream file;

        Tee(OutputStream console, OutputStream file) {
            this.console = console;
            this.file = file;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            console.write(b);
            file.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            file.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            console.flush();
            file.flush();
        }
    }
}
