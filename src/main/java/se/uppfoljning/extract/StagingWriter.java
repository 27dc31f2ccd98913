package se.uppfoljning.extract;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

import se.uppfoljning.database.BinaryCopy;
import se.uppfoljning.database.CopyText;

/**
 * Checks and writes a chunk with PostgreSQL COPY: valid rows into their file's staging table
 * ({@link StagingTables}), an event file's distinct persons into stg_person and its staged rows'
 * count into extract_file, a bistand file's sums per person and month into its payment_month table
 * ({@link PaymentMonths}), rejected rows into the reject table. It runs on the chunk's own
 * transaction, so the rows, their counts and the reader's saved position are committed together,
 * and a restart neither loses nor doubles a row.
 *
 * <p>The rows are checked here, one by one, while the COPY of the chunk is open, and the valid rows
 * are sent in COPY's binary format ({@link BinaryCopy}) every 32 KB or so: PostgreSQL stores the rows
 * already sent (on the other core) while this thread checks the next ones. Checking in a processor,
 * before the writer, would make PostgreSQL wait for the whole chunk and then this thread wait for
 * PostgreSQL.
 */
public class StagingWriter implements ItemWriter<ExtractItem> {
    /** The encoded rows go to the COPY in pieces of about this many bytes. */
    private static final int SEND_AT = 1 << 15;
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
        ChunkPersons persons = new ChunkPersons();
        PaymentMonths months = new PaymentMonths();
        Map<ExtractFile, Long> staged = new LinkedHashMap<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        PGCopyOutputStream copy = null;
        BinaryCopy encoded = null;
        try {
            CopyManager api = connection.unwrap(PGConnection.class).getCopyAPI();
            ExtractFile copying = null;
            for (ExtractItem item : chunk) {
                CheckedRow row = processor.process(item);
                if (row instanceof StagedRow s) {
                    if (copy == null || s.file().fileId() != copying.fileId()) {
                        // a chunk that crosses from one file to the next: one COPY per staging table in turn
                        if (copy != null) staged.merge(copying, endCopy(copy, encoded), Long::sum);
                        copy = null;
                        StagingTables.ensure(jdbc, s.file());
                        String table = StagingTables.of(s.file());
                        encoded = BinaryCopy.forTable(connection, table, StagingRows.columns(s.file().source()));
                        copy = new PGCopyOutputStream(api.copyIn(encoded.copySql(table)), 1 << 16);
                        encoded.header();
                        copying = s.file();
                    }
                    encoded.row(s.values());
                    if (encoded.length() >= SEND_AT) {
                        copy.write(encoded.bytes(), 0, encoded.length());
                        encoded.clear();
                    }
                    if (s.file().source().event()) persons.add(s.file().fileId(), s.person());
                    if (s.file().source() == Source.BISTAND) months.add(s);
                } else if (row instanceof RejectedRow r) {
                    rejects.append(new CopyText().add(r.fileId()).add(r.line()).add(r.field()).add(r.value())
                            .add(r.reason().name()).add(r.messageSv()).add(r.messageEn())).append('\n');
                    progress.rejected(r.fileId());
                } else if (row instanceof FileFailure f) {
                    failures.add(f);
                }
            }
            if (copy != null) staged.merge(copying, endCopy(copy, encoded), Long::sum);
            copy = null;
            if (!persons.isEmpty()) {
                try (Reader in = new StringReader(persons.copyText())) {
                    api.copyIn("COPY stg_person (file_id, person_key, birth_date, legal_gender) FROM STDIN", in);
                }
            }
            if (!months.isEmpty()) months.copy(connection, api);
            if (!rejects.isEmpty()) {
                try (Reader in = new StringReader(rejects.toString())) {
                    api.copyIn("COPY reject (file_id, line, field, value, reason, message_sv, message_en) FROM STDIN", in);
                }
            }
        } finally {
            if (copy != null) cancelQuietly(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        staged.forEach((file, rows) -> StagingTables.addStaged(jdbc, file, rows));
        // a failure comes after the rows of its file that were read before it, so it removes them too
        for (FileFailure f : failures) registry.fail(f.fileId(), f.rowsSeen(), f.messageSv(), f.messageEn());
    }

    /**
     * The distinct persons of a chunk's event rows, per file, as COPY text for stg_person. Extracts
     * list a person's rows together, so most rows are the person of the row before (the same key
     * array, from PersonKeyHasher) and cost one comparison; the set holds at most a chunk's keys.
     */
    private static final class ChunkPersons {
        private final StringBuilder text = new StringBuilder();
        private final Set<ByteBuffer> seen = new HashSet<>();
        private long lastFile = -1;
        private byte[] lastKey;

        void add(long fileId, StagedRow.Person person) {
            if (fileId == lastFile && Arrays.equals(person.key(), lastKey)) return;
            if (fileId != lastFile) seen.clear(); // a chunk's files come one after the other
            lastFile = fileId;
            lastKey = person.key();
            if (seen.add(ByteBuffer.wrap(person.key()))) {
                text.append(new CopyText().add(fileId).add(person.key()).add(person.birthDate())
                        .add(person.legalGender())).append('\n');
            }
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        String copyText() {
            return text.toString();
        }
    }

    /** Sends the rows still in the buffer and the trailer, ends the COPY; returns the rows it wrote. */
    private static long endCopy(PGCopyOutputStream copy, BinaryCopy encoded) throws SQLException, IOException {
        encoded.trailer();
        copy.write(encoded.bytes(), 0, encoded.length());
        encoded.clear();
        return copy.endCopy();
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
