package se.uppfoljning.export;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts rows in batches of a fixed size as they come, so that what an export writes to the
 * database is never held whole in memory. A value that is a {@code List} is sent as a text array.
 */
final class RowBatch {
    static final int SIZE = 1000;

    private final JdbcTemplate template;
    private final String sql;
    private final List<Object[]> pending = new ArrayList<>(SIZE);

    /** Run before each batch goes in, e.g. to end a COPY open on the same connection. */
    private final Runnable beforeEachBatch;

    RowBatch(JdbcTemplate template, String sql, Runnable beforeEachBatch) {
        this.template = template;
        this.sql = sql;
        this.beforeEachBatch = beforeEachBatch;
    }

    void add(Object... values) {
        pending.add(values);
        if (pending.size() >= SIZE) flush();
    }

    void flush() {
        if (pending.isEmpty()) return;
        List<Object[]> rows = List.copyOf(pending);
        pending.clear();
        beforeEachBatch.run();
        template.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    if (row[c] instanceof List<?> list) {
                        ps.setArray(c + 1, ps.getConnection().createArrayOf("text", list.toArray()));
                    } else {
                        ps.setObject(c + 1, row[c]);
                    }
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }
}
