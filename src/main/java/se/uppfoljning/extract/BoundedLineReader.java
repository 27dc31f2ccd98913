package se.uppfoljning.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The line source under OpenCSV's reader: lines end at LF, CRLF or a lone CR (old Mac files), a
 * byte-order mark at the start is dropped, and no row may grow past {@code maxRecordChars}
 * characters over all of its physical lines, so an unclosed quote in a large file, or a line of
 * gigabytes, fails after a few megabytes instead of filling the memory. The caller marks where each
 * row begins with {@link #startRecord()}.
 */
final class BoundedLineReader extends BufferedReader {
    /** A row grew past the limit: it began on the line {@link CsvTableReader} knows, spanning {@link #lines} lines. */
    static final class RecordTooLong extends IOException {
        final int lines;

        RecordTooLong(int lines) {
            super("row longer than the limit");
            this.lines = lines;
        }
    }

    private final Reader in;
    private final int maxRecordChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean started;
    private long recordChars;
    private int recordLines;

    BoundedLineReader(Reader in, int maxRecordChars) {
        super(in, 1);
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    void startRecord() {
        recordChars = 0;
        recordLines = 0;
    }

    /** How many physical lines the current row has taken so far. */
    int recordLines() {
        return recordLines;
    }

    /** Whether every character has been read. */
    boolean atEnd() throws IOException {
        return !fill();
    }

    private boolean fill() throws IOException {
        if (pos < lim) return true;
        if (eof) return false;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        lim = n;
        if (!started) {
            started = true;
            if (buf[0] == '\uFEFF') pos = 1;
            return fill();
        }
        return true;
    }

    @Override
    public String readLine() throws IOException {
        if (!fill()) return null;
        recordLines++;
        // Most lines end within the buffer: their String is made from it directly, one copy instead
        // of two through a StringBuilder, which only a line across a refill needs (issue 9).
        StringBuilder across = null;
        while (fill()) {
            int start = pos;
            while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') pos++;
            recordChars += pos - start;
            if (recordChars > maxRecordChars) throw new RecordTooLong(recordLines);
            if (pos < lim) {
                // made before the fill below, which may refill the buffer
                String line = across == null ? new String(buf, start, pos - start)
                        : across.append(buf, start, pos - start).toString();
                char end = buf[pos++];
                if (end == '\r' && fill() && buf[pos] == '\n') pos++;
                return line;
            }
            if (across == null) across = new StringBuilder(128);
            across.append(buf, start, pos - start);
        }
        return across.toString(); // the last line, without a line break; the loop ran at least once
    }

    @Override
    public int read() throws IOException {
        return fill() ? buf[pos++] : -1;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, cbuf, off, n);
        pos += n;
        return n;
    }

    @Override
    public boolean ready() throws IOException {
        return pos < lim || in.ready();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
