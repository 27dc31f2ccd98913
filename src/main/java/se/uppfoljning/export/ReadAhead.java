package se.uppfoljning.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows (participations) read on a second connection, on a thread of their own, some batches ahead of
 * the thread that writes them. With one connection the export takes turns: PostgreSQL makes the next
 * thousand rows while Java waits, then Java writes them (and copies their history rows in on the
 * same connection) while PostgreSQL waits. Here the query, the writing and the history's COPY run at
 * the same time (issue 9: the SUS export of 921,264 rows at 1,000,000 episodes).
 *
 * <p>Only for queries over committed data: the second connection has its own read-only transaction
 * and does not see what the export's transaction wrote. The memory held is bounded: at most
 * {@value #BATCHES_AHEAD} batches of {@link Participations#FETCH_SIZE} rows wait.
 */
final class ReadAhead {
    @FunctionalInterface
    interface Handler<T> {
        void accept(T row) throws Exception;
    }

    private static final int BATCHES_AHEAD = 8;

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    ReadAhead(JdbcTemplate streaming, PlatformTransactionManager transactions) {
        this.streaming = streaming;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readOnly.setReadOnly(true);
    }

    <T> void query(String sql, RowMapper<T> mapper, Handler<T> each, Object... args) throws Exception {
        List<T> end = new ArrayList<>(0);
        BlockingQueue<List<T>> ready = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        AtomicBoolean stop = new AtomicBoolean();
        Exception[] failure = new Exception[1];
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "export-read-ahead");
            t.setDaemon(true);
            return t;
        });
        reader.submit(() -> {
            try {
                readOnly.executeWithoutResult(status -> {
                    List<T> batch = new ArrayList<>(Participations.FETCH_SIZE);
                    streaming.query(sql, (RowCallbackHandler) rs -> {
                        if (stop.get()) throw new IllegalStateException("the export stopped reading");
                        batch.add(mapper.mapRow(rs, 0));
                        if (batch.size() == Participations.FETCH_SIZE) {
                            hand(ready, new ArrayList<>(batch), stop);
                            batch.clear();
                        }
                    }, args);
                    if (!batch.isEmpty()) hand(ready, batch, stop);
                });
            } catch (Throwable e) {
                failure[0] = e instanceof Exception x ? x
                        : new IllegalStateException("reading the participations failed", e);
            } finally {
                try {
                    hand(ready, end, stop);
                } catch (RuntimeException stopped) {
                    // the consumer has gone; nobody waits for the end
                }
            }
        });
        try {
            for (List<T> batch = ready.take(); batch != end; batch = ready.take()) {
                for (T row : batch) each.accept(row);
            }
            // the reader set failure[0] before it queued the end: the queue makes that visible here
            if (failure[0] != null) throw failure[0];
        } finally {
            stop.set(true);
            ready.clear();
            reader.shutdown();
        }
    }

    /** Queues a batch, waiting while the writer is behind, unless the writer has stopped. */
    private static <T> void hand(BlockingQueue<List<T>> ready, List<T> batch, AtomicBoolean stop) {
        try {
            while (!ready.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (stop.get()) throw new IllegalStateException("the export stopped reading");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
