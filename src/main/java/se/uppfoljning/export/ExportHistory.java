package se.uppfoljning.export;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import se.uppfoljning.database.CopyText;
import se.uppfoljning.database.ForeignKeys;

/**
 * The export history (export_run, export_row): what each export wrote, the state the next delta is
 * measured against, and everything needed to write an export again byte for byte.
 */
@Component
public class ExportHistory {
    public static final String FILE = "file";
    public static final String REMOVED = "removed";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final JdbcTemplate streaming;

    public ExportHistory(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(Participations.FETCH_SIZE);
    }

    /** Records an export and its rows; returns its id. */
    public long record(ExportRun run, List<ExportRow> fileRows, List<ExportRow> removedRows) {
        long id = jdbc.sql("""
                        INSERT INTO export_run (kind, project_id, period, version, reason, as_of, outcome_run_id,
                                                job_execution_id, file_name, header, pnr_column, file_sha256,
                                                row_count, worklist_count, anonymous_count)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING export_id""")
                .params(run.kind(), run.projectId(), run.period(), run.version(), run.reason(), run.asOf(),
                        run.outcomeRunId(), run.jobExecutionId(), run.fileName(), run.header().toArray(String[]::new),
                        run.pnrColumn(), run.sha256(), run.rowCount(), run.worklistCount(), run.anonymousCount())
                .query(Long.class).single();
        insertRows(id, FILE, fileRows);
        insertRows(id, REMOVED, removedRows);
        return id;
    }

    /**
     * Copies rows that are already in the database (a temporary table of the export's transaction)
     * into a started export's part, so that they never pass through memory: the query gives the
     * columns {@code position, episode_key, event, person_key, row_hash, marker, cells}.
     */
    void insertSelected(long exportId, String part, String rows, Object... args) {
        Object[] params = new Object[args.length + 2];
        params[0] = exportId;
        params[1] = part;
        System.arraycopy(args, 0, params, 2, args.length);
        template.update("""
                INSERT INTO export_row (export_id, part, position, episode_key, event, person_key, row_hash, marker,
                                        cells)
                SELECT ?, ?, q.* FROM (%s) q""".formatted(rows), params);
    }

    /**
     * Starts recording an export whose rows are written as they come ({@link #rowWriter}); its
     * SHA-256 and row count are set by {@link #finish} once the file is complete, in the same transaction.
     */
    public long start(ExportRun run) {
        return record(run, List.of(), List.of());
    }

    /**
     * Adds a started export's rows as they come, position by position, with COPY in chunks (an
     * INSERT per row cost more than the rest of the export); call {@link RowWriter#flush} at the end.
     */
    RowWriter rowWriter(long exportId, String part) {
        return new RowWriter(template.getDataSource(), exportId, part, 0, false);
    }

    /** The same, going on after the part's first {@code position} rows. */
    RowWriter rowWriter(long exportId, String part, int position) {
        return new RowWriter(template.getDataSource(), exportId, part, position, false);
    }

    /**
     * Adds a started export's rows with one COPY kept open from the first row until {@link
     * RowWriter#flush}, so that PostgreSQL takes in the rows while the export makes the next ones:
     * for an export whose transaction's connection runs nothing else meanwhile (no cursor on it); a
     * statement in between needs a flush first, and the next row opens a new COPY.
     */
    RowWriter streamingRowWriter(long exportId, String part) {
        return new RowWriter(template.getDataSource(), exportId, part, 0, true);
    }

    /** The rows of one export and part, in file order, given position by position. */
    static final class RowWriter {
        /** Characters of COPY text sent at a time. */
        private static final int CHUNK = 1 << 20;
        private static final String COPY = """
                COPY export_row (export_id, part, position, episode_key, event, person_key, row_hash, marker,
                                 cells) FROM STDIN""";

        private final DataSource dataSource;
        private final long exportId;
        private final String part;
        private final boolean streaming;
        private final StringBuilder pending = new StringBuilder(CHUNK + 4096);
        private int position;
        /** Streaming: the COPY open on the transaction's connection, from a row until {@link #flush}. */
        private PGCopyOutputStream copy;
        private Connection connection;

        private RowWriter(DataSource dataSource, long exportId, String part, int position, boolean streaming) {
            this.dataSource = dataSource;
            this.exportId = exportId;
            this.part = part;
            this.position = position;
            this.streaming = streaming;
        }

        void add(ExportRow row) {
            CopyText line = new CopyText().add(exportId).add(part).add(++position).add(row.episodeKey())
                    .add(row.event()).add(row.personKey()).add(row.hash()).add(row.marker()).addQuoted(row.cells());
            if (streaming) {
                send(line);
                return;
            }
            line.appendTo(pending);
            pending.append('\n');
            if (pending.length() >= CHUNK) flush();
        }

        /**
         * Sends what is pending, on the transaction's connection (between two fetches of a cursor on
         * it); streaming, ends the open COPY, so that the connection can run other statements.
         */
        void flush() {
            if (streaming) {
                endCopy();
                return;
            }
            if (pending.isEmpty()) return;
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(pending.toString()));
                pending.setLength(0);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Could not add the export's rows to the history", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        /** After a failure: an open COPY is abandoned, so that the transaction can roll back. */
        void cancel() {
            if (copy == null) return;
            try {
                if (copy.isActive()) copy.cancelCopy();
            } catch (SQLException | RuntimeException e) {
                // the connection is broken or the COPY has ended; the rollback reports what matters
            } finally {
                copy = null;
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        private void send(CopyText line) {
            try {
                if (copy == null) {
                    connection = DataSourceUtils.getConnection(dataSource);
                    copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY),
                            1 << 16);
                }
                copy.write(line.toString().getBytes(StandardCharsets.UTF_8));
                copy.write('\n');
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Could not add the export's rows to the history", e);
            }
        }

        private void endCopy() {
            if (copy == null) return;
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not add the export's rows to the history", e);
            } finally {
                copy = null;
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** Sets a started export's SHA-256 and row count. */
    public void finish(long exportId, String sha256, int rows) {
        jdbc.sql("UPDATE export_run SET file_sha256 = ?, row_count = ? WHERE export_id = ?")
                .params(sha256, rows, exportId).update();
    }

    /** Sets a started export's SHA-256, row count and the counts only known once every participation was read. */
    public void finish(long exportId, String sha256, int rows, int worklist, int anonymous) {
        jdbc.sql("""
                        UPDATE export_run SET file_sha256 = ?, row_count = ?, worklist_count = ?, anonymous_count = ?
                         WHERE export_id = ?""")
                .params(sha256, rows, worklist, anonymous, exportId).update();
    }

    /**
     * Before a project's first SUS export, whose rows are all new (up to one per participation):
     * export_row's key to export_run is dropped when those rows are at least an eighth of the history
     * ({@link ForeignKeys}) and must be {@link ForeignKeys#restore restored} after the export's last
     * row, in the same transaction. Checked row by row the key took about 3 of the 7.2-7.6 s the
     * server spent on a first export's 923,123 rows at 1,000,000 episodes. Until the commit
     * export_row is locked for readers too: the export's own read-ahead connection must not read it.
     */
    public ForeignKeys dropRowKeyForFirstExport(long participations) {
        return ForeignKeys.dropForLargeInsert(jdbc, "export_row", participations);
    }

    /**
     * Whether any SUS export of the project has carried a row (its first export is NEW, the rest
     * DELTA). A SUS export is recorded at its first row or removal, never empty, so export_run alone
     * tells; and it must: export_row is not read before {@link #dropRowKeyForFirstExport}, since two
     * first exports that had both read it would each wait for the other's read to end before
     * dropping the key (a deadlock).
     */
    public boolean susRegistered(String projectId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM export_run WHERE project_id = ? AND kind = 'SUS')""")
                .param(projectId).query(Boolean.class).single();
    }

    /**
     * The latest registered state of every episode the project's SUS exports have carried (its last
     * row, or the BORTTAGEN row that took it out again), as SQL to join against: columns
     * {@code episode_key, person_key, row_hash, marker, cells, export_id, position, file_name}; one
     * parameter, the project id.
     */
    static final String SUS_STATE = """
            SELECT DISTINCT ON (r.episode_key) r.episode_key, r.person_key, r.row_hash, r.marker, r.cells,
                   r.export_id, r.position, x.file_name
              FROM export_row r JOIN export_run x ON x.export_id = r.export_id
             WHERE x.project_id = ? AND x.kind = 'SUS'
             ORDER BY r.episode_key, r.export_id DESC, r.part""";

    private void insertRows(long exportId, String part, List<ExportRow> rows) {
        if (rows.isEmpty()) return;
        template.batchUpdate("""
                        INSERT INTO export_row (export_id, part, position, episode_key, event, person_key, row_hash,
                                                marker, cells)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ExportRow row = rows.get(i);
                        ps.setLong(1, exportId);
                        ps.setString(2, part);
                        ps.setInt(3, i + 1);
                        ps.setString(4, row.episodeKey());
                        ps.setString(5, row.event());
                        ps.setString(6, row.personKey());
                        ps.setString(7, row.hash());
                        ps.setString(8, row.marker());
                        ps.setArray(9, ps.getConnection().createArrayOf("text", row.cells().toArray()));
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
    }

    public Optional<ExportRun> run(long exportId) {
        return jdbc.sql("SELECT * FROM export_run WHERE export_id = ?").param(exportId).query(ExportHistory::run)
                .optional();
    }

    /** The latest export of a kind for a project (and period, when given). */
    public Optional<ExportRun> latest(String projectId, String kind, String period) {
        return jdbc.sql("""
                        SELECT * FROM export_run
                         WHERE project_id = ? AND kind = ? AND (CAST(? AS text) IS NULL OR period = ?)
                         ORDER BY export_id DESC LIMIT 1""")
                .params(projectId, kind, period, period).query(ExportHistory::run).optional();
    }

    /** The periods a kind of export has been made for, in order, each with its latest export. */
    public Map<String, ExportRun> latestPerPeriod(String projectId, String kind) {
        Map<String, ExportRun> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (period) * FROM export_run
                         WHERE project_id = ? AND kind = ? ORDER BY period, export_id DESC""")
                .params(projectId, kind).query(ExportHistory::run).list()
                .forEach(r -> out.put(r.period(), r));
        return out;
    }

    /** The latest as-of date of any export of the kind: a later export may not look at an earlier one. */
    public Optional<LocalDate> latestAsOf(String projectId, String kind) {
        return jdbc.sql("SELECT max(as_of) FROM export_run WHERE project_id = ? AND kind = ?")
                .params(projectId, kind).query(LocalDate.class).optional();
    }

    /** The rows of an export's part in file order, one at a time (read with a cursor inside a transaction). */
    public void forEachRow(long exportId, String part, Consumer<ExportRow> each) {
        streaming.query("""
                        SELECT episode_key, event, person_key, row_hash, marker, cells FROM export_row
                         WHERE export_id = ? AND part = ? ORDER BY position""",
                (RowCallbackHandler) rs -> each.accept(new ExportRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        null, rs.getString(4), rs.getString(5), cells(rs.getArray(6)))),
                exportId, part);
    }

    private static ExportRun run(ResultSet rs, int n) throws SQLException {
        long outcomeRun = rs.getLong("outcome_run_id");
        Long outcome = rs.wasNull() ? null : outcomeRun;
        long execution = rs.getLong("job_execution_id");
        Long exec = rs.wasNull() ? null : execution;
        int pnr = rs.getInt("pnr_column");
        Integer pnrColumn = rs.wasNull() ? null : pnr;
        return new ExportRun(rs.getLong("export_id"), rs.getString("kind"), rs.getString("project_id"),
                rs.getString("period"), rs.getInt("version"), rs.getString("reason"),
                rs.getObject("as_of", LocalDate.class), outcome, exec, rs.getString("file_name"),
                cells(rs.getArray("header")), pnrColumn, rs.getString("file_sha256"), rs.getInt("row_count"),
                rs.getInt("worklist_count"), rs.getInt("anonymous_count"));
    }

    private static List<String> cells(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
