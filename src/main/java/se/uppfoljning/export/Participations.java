package se.uppfoljning.export;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The episodes of an outcome run with what the export files need. The run already leaves out void
 * (FELREG) episodes and episodes starting after the as-of date, and knows an end only when it is on
 * or before the as-of date (SPEC §5, R13).
 *
 * <p>They are read with a cursor and handed over one at a time, never as a list: an export's memory
 * does not grow with the number of episodes (issue 9). PostgreSQL's driver uses a cursor only inside
 * a transaction (auto-commit off), which every export runs in.
 */
@Component
public class Participations {
    /** Rows fetched per round trip. */
    static final int FETCH_SIZE = 1000;

    /**
     * The columns of a {@link Participation}, in the order {@link #map} reads them; over {@link #FROM}.
     * The person key comes as its hex digits, as the export history keeps it (V14).
     */
    public static final String COLUMNS = """
            f.episode_key, encode(f.person_key, 'hex'), e.pnr_encrypted, f.anonymous,
                   EXISTS (SELECT 1 FROM episode p
                            WHERE p.project_id = e.project_id AND p.person_key = e.person_key
                              AND p.protected_identity) AS person_protected,
                   CASE f.gender WHEN 'kvinna' THEN 'K' WHEN 'man' THEN 'M' WHEN 'ickebinar' THEN 'X' END,
                   CAST(extract(year FROM e.birth_date) AS integer), f.team, f.start_date, e.referrer,
                   e.support_start, e.education, e.disability, f.end_date, f.end_reason, f.exit_status,
                   coalesce(f.exit_preliminary, false), e.support_end""";
    /** The tables {@link #COLUMNS} come from: {@code f} the run's facts, {@code e} the register's episode. */
    public static final String FROM = "episode_fact f JOIN episode e ON e.episode_id = f.episode_id";
    /** The first column a query may add after {@link #COLUMNS}. */
    public static final int NEXT_COLUMN = 19;
    /** The order files list participations in: start date, then team and episode key. */
    public static final String ORDER = "f.start_date, f.team, f.episode_key";

    /** One participation with the row it came from (for the columns a query adds after {@link #COLUMNS}). */
    @FunctionalInterface
    public interface Handler {
        void accept(Participation p, ResultSet rs) throws SQLException;
    }

    private final JdbcTemplate streaming;
    private final ReadAhead ahead;

    public Participations(JdbcTemplate template, PlatformTransactionManager transactions) {
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.ahead = new ReadAhead(streaming, transactions);
    }

    /** Every participation of the run, in file order (start date, team, episode key). */
    public void forEach(long outcomeRun, Handler each) {
        query("SELECT " + COLUMNS + " FROM " + FROM + " WHERE f.run_id = ? ORDER BY " + ORDER, each, outcomeRun);
    }

    /**
     * Runs a query whose first columns are {@link #COLUMNS} and hands each row over as it comes.
     * Call it inside a transaction, else the driver reads the whole result first.
     */
    public void query(String sql, Handler each, Object... args) {
        streaming.query(sql, (RowCallbackHandler) rs -> each.accept(map(rs), rs), args);
    }

    /**
     * Like {@link #query}, but read on a second connection a few batches ahead ({@link ReadAhead}),
     * for a query over committed data only; the handler gets the {@code extraColumns} values the
     * query adds after {@link #COLUMNS}.
     */
    void queryAhead(String sql, int extraColumns, AheadHandler each, Object... args) throws Exception {
        ahead.query(sql, (rs, n) -> {
            Object[] extra = new Object[extraColumns];
            for (int c = 0; c < extraColumns; c++) extra[c] = rs.getObject(NEXT_COLUMN + c);
            return new Ahead(map(rs), extra);
        }, a -> each.accept(a.participation(), a.extra()), args);
    }

    /** A participation read ahead, with the values of the columns its query added after {@link #COLUMNS}. */
    private record Ahead(Participation participation, Object[] extra) {
    }

    @FunctionalInterface
    interface AheadHandler {
        void accept(Participation p, Object[] extra) throws Exception;
    }

    /** Any query's rows, one at a time, with the same cursor (for rows that are not participations). */
    public void rows(String sql, RowCallbackHandler each, Object... args) {
        streaming.query(sql, each, args);
    }

    static Participation map(ResultSet rs) throws SQLException {
        return new Participation(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBoolean(4),
                rs.getBoolean(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                rs.getObject(9, LocalDate.class), rs.getString(10), list(rs.getArray(11)), rs.getString(12),
                (Boolean) rs.getObject(13), rs.getObject(14, LocalDate.class), rs.getString(15),
                rs.getString(16), rs.getBoolean(17), list(rs.getArray(18)));
    }

    static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
