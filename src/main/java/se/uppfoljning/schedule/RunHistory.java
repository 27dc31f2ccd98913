package se.uppfoljning.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of runs, read from Spring Batch's JobRepository tables: what ran, for which project and
 * period, when, how long, how it ended and how many rows it handled. Plain SQL, newest first.
 */
@Component
public class RunHistory {
    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");

    /**
     * One execution.
     *
     * @param rowsRead     ingest: rows of the files this execution loaded (from the file registry);
     *                     other jobs: items read by its steps
     * @param rowsLoaded   ingest: rows loaded; other jobs: items written
     * @param rowsRejected ingest: rows rejected; other jobs: items filtered or skipped
     * @param interrupted  left STARTED while nobody holds its lock: the JVM running it was killed
     * @param latest       the newest execution of its job instance (only that one can be restarted)
     */
    public record Run(long executionId, String job, String project, String period, String asOf,
                      LocalDateTime start, LocalDateTime end, String status, String exitMessage,
                      Long rowsRead, Long rowsLoaded, Long rowsRejected, boolean interrupted, boolean latest) {

        public Duration duration() {
            if (start == null) return null;
            return end == null ? null : Duration.between(start, end);
        }

        /** Whether {@code scripts/run restart <id>} applies. */
        public boolean restartable() {
            return latest && (status.equals("FAILED") || status.equals("STOPPED") || interrupted);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public RunHistory(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The last {@code limit} executions, newest first, optionally of one project and/or job. */
    public List<Run> last(int limit, String project, String job) throws SQLException {
        List<Run> runs = jdbc.sql("""
                        WITH ex AS (
                            SELECT e.job_execution_id, e.job_instance_id, i.job_name, e.start_time, e.end_time,
                                   e.status, e.exit_message,
                                   max(p.parameter_value) FILTER (WHERE p.parameter_name = 'project') AS project,
                                   max(p.parameter_value) FILTER (WHERE p.parameter_name = 'period')  AS period,
                                   max(p.parameter_value) FILTER (WHERE p.parameter_name = 'asOf')    AS as_of
                              FROM batch_job_execution e
                              JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                              LEFT JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                             GROUP BY e.job_execution_id, i.job_name)
                        SELECT ex.*,
                               ex.job_execution_id = (SELECT max(x.job_execution_id) FROM batch_job_execution x
                                                       WHERE x.job_instance_id = ex.job_instance_id) AS latest,
                               f.rows_read AS file_rows_read, f.rows_loaded AS file_rows_loaded,
                               f.rows_rejected AS file_rows_rejected,
                               s.read_count, s.write_count, s.dropped_count
                          FROM ex
                          LEFT JOIN LATERAL (
                               SELECT sum(rows_read) AS rows_read, sum(rows_loaded) AS rows_loaded,
                                      sum(rows_rejected) AS rows_rejected
                                 FROM extract_file ef
                                WHERE ex.status = 'COMPLETED'
                                  AND ef.job_execution_id IN (SELECT x.job_execution_id FROM batch_job_execution x
                                                               WHERE x.job_instance_id = ex.job_instance_id)) f ON true
                          LEFT JOIN LATERAL (
                               SELECT sum(read_count) AS read_count, sum(write_count) AS write_count,
                                      sum(filter_count + read_skip_count + process_skip_count + write_skip_count)
                                          AS dropped_count
                                 FROM batch_step_execution st WHERE st.job_execution_id = ex.job_execution_id) s ON true
                         WHERE (cast(:project AS text) IS NULL OR ex.project = cast(:project AS text))
                           AND (cast(:job AS text) IS NULL OR ex.job_name = cast(:job AS text))
                         ORDER BY ex.job_execution_id DESC
                         LIMIT :limit""")
                .param("project", project)
                .param("job", job)
                .param("limit", limit)
                .query(RunHistory::run)
                .list();
        List<Run> checked = new ArrayList<>();
        for (Run r : runs) {
            boolean interrupted = RUNNING.contains(r.status())
                    && !RunLock.isHeld(dataSource, r.job(), r.project() == null ? "" : r.project());
            checked.add(interrupted ? new Run(r.executionId(), r.job(), r.project(), r.period(), r.asOf(), r.start(),
                    r.end(), r.status(), r.exitMessage(), r.rowsRead(), r.rowsLoaded(), r.rowsRejected(), true,
                    r.latest()) : r);
        }
        return checked;
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        boolean ingest = rs.getString("job_name").equals(JobSchedule.INGEST);
        return new Run(rs.getLong("job_execution_id"), rs.getString("job_name"), rs.getString("project"),
                rs.getString("period"), rs.getString("as_of"), time(rs.getTimestamp("start_time")),
                time(rs.getTimestamp("end_time")), rs.getString("status"), rs.getString("exit_message"),
                number(rs, ingest ? "file_rows_read" : "read_count"),
                number(rs, ingest ? "file_rows_loaded" : "write_count"),
                number(rs, ingest ? "file_rows_rejected" : "dropped_count"),
                false, rs.getBoolean("latest"));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    private static Long number(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
