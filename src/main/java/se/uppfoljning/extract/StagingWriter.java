package se.uppfoljning.extract;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

import se.uppfoljning.database.CopyText;

/**
 * Checks and writes a chunk with PostgreSQL COPY: valid rows into their file's staging table
 * ({@link StagingTables}), rejected rows into the reject table. It runs on the chunk's own transaction, so the rows and the reader's saved
 * position are committed together, and a restart neither loses nor doubles a row.
 *
 * <p>The rows are checked here, one by one, while the COPY of the chunk is open, and each valid row
 * is sent as soon as it is checked: PostgreSQL parses the rows already sent (on the other core)
 * while this thread checks the next ones. Checking in a processor, before the writer, would make
 * PostgreSQL wait for the whole chunk and then this thread wait for PostgreSQL.
 */
public class StagingWriter implements ItemWriter<ExtractItem> {
    private final DataSource dataSource;
    private final FileRegistry registry;
    private final IngestProgress progress;
    private final ExtractRowProcessor processor;
    private final JdbcClient jdbc;

    public StagingWriter(DataSource dataSource, FileRegistry registry, IngestProgress progress,
                         ExtractRowProcessor processor) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.registry = registry;
        this.progress = progress;
        this.processor = processor;
    }

    @Override
    public void write(Chunk<? extends ExtractItem> chunk) throws Exception {
        StringBuilder rejects = new StringBuilder();
        List<FileFailure> failures = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        PGCopyOutputStream copy = null;
        try {
            CopyManager api = connection.unwrap(PGConnection.class).getCopyAPI();
            String copying = null;
            for (ExtractItem item : chunk) {
                CheckedRow row = processor.process(item);
                if (row instanceof StagedRow s) {
                    String table = StagingTables.of(s.file());
                    if (copy == null || !table.equals(copying)) {
                        // a chunk that crosses from one file to the next: one COPY per staging table in turn
                        if (copy != null) endCopy(copy);
                        copy = null;
                        StagingTables.ensure(jdbc, s.file());
                        copy = new PGCopyOutputStream(api.copyIn("COPY " + table + " ("
                                + String.join(", ", StagingRows.columns(s.file().source())) + ") FROM STDIN"), 1 << 16);
                        copying = table;
                    }
                    copy.write(s.copyLine().getBytes(StandardCharsets.UTF_8));
                    copy.write('\n');
                } else if (row instanceof RejectedRow r) {
                    rejects.append(new CopyText().add(r.fileId()).add(r.line()).add(r.field()).add(r.value())
                            .add(r.reason().name()).add(r.messageSv()).add(r.messageEn())).append('\n');
                    progress.rejected(r.fileId());
                } else if (row instanceof FileFailure f) {
                    failures.add(f);
                }
            }
            if (copy != null) endCopy(copy);
            copy = null;
            if (!rejects.isEmpty()) {
                try (Reader in = new StringReader(rejects.toString())) {
                    api.copyIn("COPY reject (file_id, line, field, value, reason, message_sv, message_en) FROM STDIN", in);
                }
            }
        } finally {
            if (copy != null) cancelQuietly(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // a failure comes after the rows of its file that were read before it, so it removes them too
        for (FileFailure f : failures) registry.fail(f.fileId(), f.rowsSeen(), f.messageSv(), f.messageEn());
    }

    private static void endCopy(PGCopyOutputStream copy) throws SQLException {
        copy.endCopy();
    }

    /** After a failure mid-chunk: the COPY is abandoned so that the transaction can roll back. */
    private static void cancelQuietly(PGCopyOutputStream copy) {
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException | RuntimeException e) {
            // the connection is broken or the COPY already ended; the rollback reports what matters
        }
    }
}
