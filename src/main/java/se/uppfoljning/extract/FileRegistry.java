package se.uppfoljning.extract;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The file registry: every extract ever seen, with its checksum, status and counts. It is how a
 * re-delivery is recognised and how each number can be traced to the files it rests on.
 */
@Repository
public class FileRegistry {
    public enum Registration { NEW, UNCHANGED, RETRY }

    public record Registered(ExtractFile file, Registration registration) {
    }

    /** One file's line of the run summary. */
    public record FileSummary(long fileId, String source, String fileName, String status, Integer rowsRead,
                              Integer rowsLoaded, Integer rowsRejected, String messageSv, String messageEn,
                              String sha256) {
    }

    private final JdbcClient jdbc;

    public FileRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers a file unless the same bytes were already loaded for this project and source. A file
     * that failed before is tried again (the profile or project may have been corrected since).
     */
    public Registered register(String projectId, InboxFile f, FileInspector.Inspection inspection, long executionId) {
        Optional<ExtractFile> earlier = jdbc.sql("""
                        SELECT * FROM extract_file WHERE project_id = ? AND source = ? AND sha256 = ?""")
                .params(projectId, f.source().id(), inspection.sha256())
                .query(FileRegistry::extractFile).optional();
        if (earlier.isPresent()) {
            String status = status(earlier.get().fileId());
            if (status.equals("LOADED") || status.equals("SUPERSEDED")) {
                return new Registered(earlier.get(), Registration.UNCHANGED);
            }
            if (status.equals("FAILED")) {
                jdbc.sql("DELETE FROM reject WHERE file_id = ?").param(earlier.get().fileId()).update();
                jdbc.sql("""
                        UPDATE extract_file SET status = 'PENDING', rows_read = NULL, rows_loaded = NULL,
                               rows_rejected = NULL, message_sv = NULL, message_en = NULL, finished_at = NULL,
                               file_name = ?, file_path = ?, scope = ?, delivery_date = ?, job_execution_id = ?
                         WHERE file_id = ?""")
                        .params(f.fileName(), f.path().toString(), f.scope(), f.deliveryDate(), executionId,
                                earlier.get().fileId())
                        .update();
            }
            if (status.equals("PENDING")) claim(earlier.get().fileId(), executionId);
            return new Registered(byId(earlier.get().fileId()), Registration.RETRY);
        }
        long id = jdbc.sql("""
                        INSERT INTO extract_file (project_id, source, scope, file_name, file_path, delivery_date,
                                                  sha256, size_bytes, encoding, job_execution_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING file_id""")
                .params(projectId, f.source().id(), f.scope(), f.fileName(), f.path().toString(), f.deliveryDate(),
                        inspection.sha256(), inspection.size(), inspection.encoding(), executionId)
                .query(Long.class).single();
        return new Registered(byId(id), Registration.NEW);
    }

    /**
     * A pending file left by an earlier run is taken over by this one: the run that loads it is the
     * one the file is recorded under (scripts/run status counts its rows there).
     */
    public void claim(long fileId, long executionId) {
        jdbc.sql("UPDATE extract_file SET job_execution_id = ? WHERE file_id = ? AND status = 'PENDING'")
                .params(executionId, fileId).update();
    }

    public ExtractFile byId(long fileId) {
        return jdbc.sql("SELECT * FROM extract_file WHERE file_id = ?").param(fileId)
                .query(FileRegistry::extractFile).single();
    }

    public String status(long fileId) {
        return jdbc.sql("SELECT status FROM extract_file WHERE file_id = ?").param(fileId).query(String.class).single();
    }

    /** Files registered but not yet loaded or failed, in processing order. */
    public List<ExtractFile> pending(String projectId) {
        return jdbc.sql("""
                        SELECT * FROM extract_file WHERE project_id = ? AND status = 'PENDING'
                         ORDER BY CASE source %s END, delivery_date, file_name, file_id""".formatted(sourceOrder()))
                .param(projectId).query(FileRegistry::extractFile).list();
    }

    /**
     * A fingerprint of what the project's register holds: the loaded files and their checksums. A report
     * is made again when it changes, and is "nothing to do" when it has not.
     */
    public String dataVersion(String projectId) {
        return jdbc.sql("""
                        SELECT coalesce(md5(string_agg(file_id || ':' || sha256, ',' ORDER BY file_id)), 'empty')
                          FROM extract_file WHERE project_id = ? AND status = 'LOADED'""")
                .param(projectId).query(String.class).single();
    }

    /** The whole file fails: nothing of it is loaded, and its counts still add up. */
    public void fail(long fileId, int rowsRead, String messageSv, String messageEn) {
        fail(byId(fileId), rowsRead, messageSv, messageEn);
    }

    /**
     * Only the file's own staging is touched: the register load's two transactions must each keep to
     * their own tables (RegisterLoader says why).
     */
    public void fail(ExtractFile file, int rowsRead, String messageSv, String messageEn) {
        StagingTables.clear(jdbc, file);
        markFailed(file.fileId(), rowsRead, messageSv, messageEn);
    }

    private void markFailed(long fileId, int rowsRead, String messageSv, String messageEn) {
        jdbc.sql("""
                        UPDATE extract_file SET status = 'FAILED', rows_read = ?, rows_loaded = 0, rows_rejected = ?,
                               message_sv = ?, message_en = ?, finished_at = now()
                         WHERE file_id = ?""")
                .params(rowsRead, rowsRead, messageSv, messageEn, fileId).update();
    }

    public List<FileSummary> summaries(List<Long> fileIds) {
        if (fileIds.isEmpty()) return List.of();
        return jdbc.sql("""
                        SELECT file_id, source, file_name, status, rows_read, rows_loaded, rows_rejected,
                               message_sv, message_en, sha256
                          FROM extract_file WHERE file_id IN (:ids)
                         ORDER BY CASE source %s END, delivery_date, file_name, file_id""".formatted(sourceOrder()))
                .param("ids", fileIds)
                .query((rs, n) -> new FileSummary(rs.getLong("file_id"), rs.getString("source"),
                        rs.getString("file_name"), rs.getString("status"), (Integer) rs.getObject("rows_read"),
                        (Integer) rs.getObject("rows_loaded"), (Integer) rs.getObject("rows_rejected"),
                        rs.getString("message_sv"), rs.getString("message_en"), rs.getString("sha256")))
                .list();
    }

    private static String sourceOrder() {
        StringBuilder b = new StringBuilder();
        for (Source s : Source.values()) b.append(" WHEN '").append(s.id()).append("' THEN ").append(s.ordinal());
        return b.toString();
    }

    static ExtractFile extractFile(ResultSet rs, int row) throws SQLException {
        return new ExtractFile(rs.getLong("file_id"), rs.getString("project_id"),
                Source.byId(rs.getString("source")).orElseThrow(), rs.getString("scope"), rs.getString("file_name"),
                Path.of(rs.getString("file_path")), rs.getDate("delivery_date").toLocalDate(),
                rs.getString("sha256"), rs.getString("encoding"));
    }
}
