package se.uppfoljning.extract;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses a file's records on a thread of its own, a few batches ahead of the step that checks and
 * copies them. The step's thread was the bottleneck of stageRows (the JVM busy on one core, the
 * COPY's backend on a third of the other), and reading and splitting the CSV was a fifth of its
 * samples. Records, the end and a failure reach the step in the file's order, exactly as the file's
 * own reader would hand them on; the reader is closed only after its thread has stopped.
 */
final class ReadAheadTableReader implements TableReader {
    private static final int BATCH = 500;
    private static final int BATCHES_AHEAD = 8;

    /** A run of records, then possibly how the file ended: null, a failure of the file, or an error. */
    private record Batch(RawRecord[] rows, int size, boolean end, Exception failure, Error error) {
    }

    private final TableReader file;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private Batch current;
    private int position;

    ReadAheadTableReader(TableReader file) {
        this.file = file;
        this.thread = new Thread(this::readAhead, "uppfoljning:read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public List<String> header() {
        return file.header();
    }

    @Override
    public RawRecord next() throws ExtractFileException {
        while (current == null || position == current.size()) {
            if (current != null && current.end()) return ended(current);
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading ahead", e);
            }
            position = 0;
        }
        return current.rows()[position++];
    }

    private static RawRecord ended(Batch last) throws ExtractFileException {
        if (last.error() != null) throw last.error();
        if (last.failure() instanceof ExtractFileException e) throw e;
        if (last.failure() instanceof RuntimeException e) throw e;
        return null;
    }

    private void readAhead() {
        RawRecord[] rows = new RawRecord[BATCH];
        int n = 0;
        try {
            RawRecord r;
            while (!closed && (r = file.next()) != null) {
                rows[n++] = r;
                if (n == BATCH) {
                    if (!put(new Batch(rows, n, false, null, null))) return;
                    rows = new RawRecord[BATCH];
                    n = 0;
                }
            }
            put(new Batch(rows, n, true, null, null));
        } catch (ExtractFileException | RuntimeException e) {
            put(new Batch(rows, n, true, e, null));
        } catch (Error e) {
            put(new Batch(rows, n, true, null, e));
        }
    }

    /** Hands a batch on, waiting while the step is behind; false once the reader is closed. */
    private boolean put(Batch batch) {
        try {
            while (!closed) {
                if (queue.offer(batch, 50, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        queue.clear(); // a producer waiting to put sees closed within its next wait
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            file.close();
        }
    }
}
