package se.uppfoljning.extract;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long ingest on the console: per file, rows so far, rows per second and rejects,
 * at most once every two seconds, plus a line when a file has been read.
 */
public class IngestProgress {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private long fileId = -1;
    private String fileName;
    private long rows;
    private long rejects;
    private long startedNanos;
    private long lastPrintNanos;

    public IngestProgress(PrintStream out) {
        this.out = out;
    }

    public synchronized void fileStarted(ExtractFile file, int alreadyDone) {
        fileId = file.fileId();
        fileName = file.source().id() + "/" + file.fileName();
        rows = alreadyDone;
        rejects = 0;
        startedNanos = System.nanoTime();
        lastPrintNanos = startedNanos;
        if (alreadyDone > 0) out.printf(Locale.ROOT, "  %s: fortsätter efter rad %d%n", fileName, alreadyDone);
    }

    public synchronized void row(ExtractFile file) {
        rows++;
        long now = System.nanoTime();
        if (now - lastPrintNanos >= EVERY_NANOS) {
            lastPrintNanos = now;
            out.println("  " + fileName + ": " + n(rows) + " rader (" + n(Math.round(rate(now))) + " rader/s), "
                    + n(rejects) + " avvisade");
        }
    }

    public synchronized void rejected(long rejectFileId) {
        if (rejectFileId == fileId) rejects++;
    }

    public synchronized void fileRead(ExtractFile file) {
        long now = System.nanoTime();
        out.println("  " + fileName + ": läst, " + n(rows) + " rader (" + n(Math.round(rate(now))) + " rader/s)");
    }

    /** Swedish digit grouping with a space: 12 345. */
    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v).replace(',', ' ');
    }

    private double rate(long now) {
        double seconds = Math.max((now - startedNanos) / 1e9, 1e-3);
        return rows / seconds;
    }
}
