package se.uppfoljning.extract;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk with PostgreSQL COPY: valid rows into their staging tables, rejected rows into the
 * reject table. It runs on the chunk's own transaction, so the rows and the reader's saved position
 * are committed together, and a restart neither loses nor doubles a row.
 */
public class StagingWriter implements ItemWriter<CheckedRow> {
    private final DataSource dataSource;
    private final FileRegistry registry;
    private final IngestProgress progress;

    public StagingWriter(DataSource dataSource, FileRegistry registry, IngestProgress progress) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) throws Exception {
        Map<Source, StringBuilder> staged = new EnumMap<>(Source.class);
        StringBuilder rejects = new StringBuilder();
        List<FileFailure> failures = new ArrayList<>();
        for (CheckedRow row : chunk) {
            if (row instanceof StagedRow s) {
                staged.computeIfAbsent(s.source(), k -> new StringBuilder()).append(s.copyLine()).append('\n');
            } else if (row instanceof RejectedRow r) {
                rejects.append(new CopyText().add(r.fileId()).add(r.line()).add(r.field()).add(r.value())
                        .add(r.reason().name()).add(r.messageSv()).add(r.messageEn())).append('\n');
                progress.rejected(r.fileId());
            } else if (row instanceof FileFailure f) {
                failures.add(f);
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            for (var e : staged.entrySet()) {
                copy(connection, e.getKey().stagingTable(), String.join(", ", StagingRows.columns(e.getKey())), e.getValue());
            }
            if (!rejects.isEmpty()) {
                copy(connection, "reject", "file_id, line, field, value, reason, message_sv, message_en", rejects);
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // a failure comes after the rows of its file that were read before it, so it removes them too
        for (FileFailure f : failures) registry.fail(f.fileId(), f.rowsSeen(), f.messageSv(), f.messageEn());
    }

    private static void copy(Connection connection, String table, String columns, CharSequence rows)
            throws SQLException, IOException {
        try (Reader in = new StringReader(rows.toString())) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", in);
        }
    }
}
