package se.uppfoljning.export;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The episodes of an outcome run with what the export files need. The run already leaves out void
 * (FELREG) episodes and episodes starting after the as-of date, and knows an end only when it is on
 * or before the as-of date (SPEC §5, R13).
 */
@Component
public class Participations {
    private final JdbcClient jdbc;

    public Participations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In start-date order, then team and episode key, so that files list them the same way every time. */
    public List<Participation> of(long outcomeRun) {
        return jdbc.sql("""
                        SELECT f.episode_key, f.person_key, e.pnr_encrypted, f.anonymous,
                               EXISTS (SELECT 1 FROM episode p
                                        WHERE p.project_id = e.project_id AND p.person_key = e.person_key
                                          AND p.protected_identity) AS person_protected,
                               CASE f.gender WHEN 'kvinna' THEN 'K' WHEN 'man' THEN 'M' WHEN 'ickebinar' THEN 'X' END,
                               CAST(extract(year FROM e.birth_date) AS integer), f.team, f.start_date, e.referrer,
                               e.support_start, e.education, e.disability, f.end_date, f.end_reason, f.exit_status,
                               coalesce(f.exit_preliminary, false), e.support_end
                          FROM episode_fact f JOIN episode e ON e.episode_id = f.episode_id
                         WHERE f.run_id = ?
                         ORDER BY f.start_date, f.team, f.episode_key""")
                .param(outcomeRun)
                .query((rs, n) -> new Participation(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                        rs.getObject(9, LocalDate.class), rs.getString(10), list(rs.getArray(11)), rs.getString(12),
                        (Boolean) rs.getObject(13), rs.getObject(14, LocalDate.class), rs.getString(15),
                        rs.getString(16), rs.getBoolean(17), list(rs.getArray(18))))
                .list();
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
