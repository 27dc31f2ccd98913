package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The read-ahead hands on exactly what the file's own reader gives, in order, and stops on close. */
class ReadAheadTableReaderTest {

    /** n records, then the end, or a failure of the file when failAfter is not null. */
    static final class Source implements TableReader {
        final int n;
        final Integer failAfter;
        final AtomicInteger read = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile boolean readAfterClose;

        Source(int n, Integer failAfter) {
            this.n = n;
            this.failAfter = failAfter;
        }

        @Override
        public List<String> header() {
            return List.of("a", "b");
        }

        @Override
        public RawRecord next() throws ExtractFileException {
            if (closed.get()) readAfterClose = true;
            int i = read.get();
            if (failAfter != null && i == failAfter) throw new ExtractFileException("trasig rad " + (i + 2), "broken row " + (i + 2));
            if (i == n) return null;
            read.incrementAndGet();
            return new RawRecord(i + 2, new String[] {"x" + i, "y"});
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void everyRecordComesInTheFilesOrderThenTheEndAndTheEndAgain() throws Exception {
        for (int n : new int[] {0, 1, 499, 500, 501, 12_345}) {
            Source file = new Source(n, null);
            try (ReadAheadTableReader reader = new ReadAheadTableReader(file)) {
                assertThat(reader.header()).containsExactly("a", "b");
                List<Integer> lines = new ArrayList<>();
                RawRecord r;
                while ((r = reader.next()) != null) {
                    assertThat(r.cells()[0]).isEqualTo("x" + (r.line() - 2));
                    lines.add(r.line());
                }
                assertThat(lines).hasSize(n);
                for (int i = 0; i < n; i++) assertThat(lines.get(i)).isEqualTo(i + 2);
                assertThat(reader.next()).isNull();
            }
            assertThat(file.closed).isTrue();
        }
    }

    @Test
    void aFailureOfTheFileComesAfterTheRecordsBeforeIt() throws Exception {
        Source file = new Source(10_000, 1_234);
        try (ReadAheadTableReader reader = new ReadAheadTableReader(file)) {
            for (int i = 0; i < 1_234; i++) assertThat(reader.next().line()).isEqualTo(i + 2);
            assertThatThrownBy(reader::next).isInstanceOf(ExtractFileException.class).hasMessageContaining("1236");
        }
    }

    @Test
    void closingBeforeTheEndStopsTheReadingBeforeTheFileIsClosed() throws Exception {
        Source file = new Source(1_000_000, null);
        ReadAheadTableReader reader = new ReadAheadTableReader(file);
        for (int i = 0; i < 10; i++) reader.next();
        reader.close();
        int readWhenClosed = file.read.get();
        assertThat(file.closed).isTrue();
        assertThat(readWhenClosed).isLessThan(1_000_000);
        Thread.sleep(100);
        assertThat(file.read.get()).isEqualTo(readWhenClosed);
        assertThat(file.readAfterClose).isFalse();
    }
}
