package se.uppfoljning.schedule;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * While run-all runs parts side by side, what each part prints is kept apart and printed whole, in
 * the parts' order, by the thread that started them: the jobs print their summaries and errors on
 * System.out and System.err, and lines of two jobs mixed together would leave the operator guessing
 * which line belongs to which job. So the output reads exactly as a run of one part after the other.
 *
 * <p>{@link #install()} puts a stream on System.out and System.err that sends each thread's printing
 * where {@link #capture} directed it, and everything else on to the streams that were there before;
 * {@link #close()} puts those back.
 */
final class PartOutput implements AutoCloseable {
    /** What a part printed, and what it returned. */
    record Captured<T>(T result, String out, String err) {
        void printTo(PrintStream out, PrintStream err) {
            out.print(this.out);
            out.flush();
            err.print(this.err);
            err.flush();
        }
    }

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final Routed out;
    private final Routed err;

    private PartOutput() {
        this.originalOut = System.out;
        this.originalErr = System.err;
        this.out = new Routed(originalOut);
        this.err = new Routed(originalErr);
    }

    static PartOutput install() {
        PartOutput o = new PartOutput();
        System.setOut(o.out);
        System.setErr(o.err);
        return o;
    }

    /** Runs the part on this thread with its printing kept in memory (UTF-8, so nothing is lost). */
    <T> Captured<T> capture(Supplier<T> part) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        out.own.set(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        err.own.set(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            T result = part.get();
            return new Captured<>(result, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            out.own.remove();
            err.own.remove();
        }
    }

    PrintStream originalOut() {
        return originalOut;
    }

    PrintStream originalErr() {
        return originalErr;
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /**
     * A PrintStream that hands every call to the current thread's own stream, if it has one, else to
     * the shared one. Every printing method is passed on whole, so that the characters are encoded
     * once, by the stream that finally receives them.
     */
    private static final class Routed extends PrintStream {
        private final PrintStream shared;
        private final ThreadLocal<PrintStream> own = new ThreadLocal<>();

        Routed(PrintStream shared) {
            super(shared, true);
            this.shared = shared;
        }

        private PrintStream target() {
            PrintStream p = own.get();
            return p == null ? shared : p;
        }

        @Override public void write(int b) { target().write(b); }
        @Override public void write(byte[] b, int off, int len) { target().write(b, off, len); }
        @Override public void write(byte[] b) { target().write(b, 0, b.length); }
        @Override public void writeBytes(byte[] b) { target().write(b, 0, b.length); }
        @Override public void flush() { target().flush(); }
        @Override public void close() { target().flush(); } // the shared stream is not ours to close
        @Override public boolean checkError() { return target().checkError(); }
        @Override public void print(boolean b) { target().print(b); }
        @Override public void print(char c) { target().print(c); }
        @Override public void print(int i) { target().print(i); }
        @Override public void print(long l) { target().print(l); }
        @Override public void print(float f) { target().print(f); }
        @Override public void print(double d) { target().print(d); }
        @Override public void print(char[] s) { target().print(s); }
        @Override public void print(String s) { target().print(s); }
        @Override public void print(Object o) { target().print(o); }
        @Override public void println() { target().println(); }
        @Override public void println(boolean b) { target().println(b); }
        @Override public void println(char c) { target().println(c); }
        @Override public void println(int i) { target().println(i); }
        @Override public void println(long l) { target().println(l); }
        @Override public void println(float f) { target().println(f); }
        @Override public void println(double d) { target().println(d); }
        @Override public void println(char[] s) { target().println(s); }
        @Override public void println(String s) { target().println(s); }
        @Override public void println(Object o) { target().println(o); }
        @Override public PrintStream printf(String format, Object... args) { target().printf(format, args); return this; }
        @Override public PrintStream printf(Locale l, String format, Object... args) { target().printf(l, format, args); return this; }
        @Override public PrintStream format(String format, Object... args) { target().format(format, args); return this; }
        @Override public PrintStream format(Locale l, String format, Object... args) { target().format(l, format, args); return this; }
        @Override public PrintStream append(CharSequence csq) { target().append(csq); return this; }
        @Override public PrintStream append(CharSequence csq, int start, int end) { target().append(csq, start, end); return this; }
        @Override public PrintStream append(char c) { target().append(c); return this; }
    }
}
