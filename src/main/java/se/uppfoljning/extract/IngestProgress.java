package se.uppfoljning.extract;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress of a long ingest on the console: per file, rows so far, rows per second and rejects,
 * at most once every two seconds, plus a line when a file has been read.
 *
 * <p>Files are staged in lanes side by side ({@link StagingLanes}). Each file's counts are touched
 * only by the lane that reads it (its reader counts rows, its writer rejects, on the lane's one
 * thread), so they need no lock per row; only the printing is shared.
 */
public class IngestProgress {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final Map<Long, FileCounts> files = new ConcurrentHashMap<>();

    public IngestProgress(PrintStream out) {
        this.out = out;
    }

    private static final class FileCounts {
        final String name;
        final long startedNanos = System.nanoTime();
        long lastPrintNanos = startedNanos;
        long rows;
        long rejects;

        FileCounts(String name, long rows) {
            this.name = name;
            this.rows = rows;
        }

        double rate(long now) {
            return rows / Math.max((now - startedNanos) / 1e9, 1e-3);
        }
    }

    public void fileStarted(ExtractFile file, int alreadyDone) {
        FileCounts counts = new FileCounts(file.source().id() + "/" + file.fileName(), alreadyDone);
        files.put(file.fileId(), counts);
        if (alreadyDone > 0) print(String.format(Locale.ROOT, "  %s: fortsätter efter rad %d", counts.name, alreadyDone));
    }

    public void row(ExtractFile file) {
        FileCounts counts = files.get(file.fileId());
        if (counts == null) return;
        counts.rows++;
        long now = System.nanoTime();
        if (now - counts.lastPrintNanos >= EVERY_NANOS) {
            counts.lastPrintNanos = now;
            print("  " + counts.name + ": " + n(counts.rows) + " rader (" + n(Math.round(counts.rate(now))) + " rader/s), "
                    + n(counts.rejects) + " avvisade");
        }
    }

    public void rejected(long rejectFileId) {
        FileCounts counts = files.get(rejectFileId);
        if (counts != null) counts.rejects++;
    }

    public void fileRead(ExtractFile file) {
        FileCounts counts = files.remove(file.fileId());
        if (counts == null) return;
        print("  " + counts.name + ": läst, " + n(counts.rows) + " rader (" + n(Math.round(counts.rate(System.nanoTime())))
                + " rader/s)");
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
        }
    }

    /** Swedish digit grouping with a space: 12 345. */
    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v).replace(',', ' ');
    }
}
