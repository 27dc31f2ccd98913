package se.uppfoljning.extract;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a file's valid rows wait between staging and the register load.
 *
 * <p>The deltagare rows wait in the shared table stg_deltagare, in the extract's own columns and
 * with their episode_key ({@link se.uppfoljning.identity.EpisodeKey}): the register load derives
 * each episode from its row (the booleans) and checks overlaps across files first.
 *
 * <p>An event file's rows (kontakter, bedomning, insatser, bistand, af_status) wait in a table of
 * their own, {@code <register table>_file_<file id>}, that already has the register table's shape:
 * its columns, types and NOT NULLs ({@code LIKE}), and a CHECK that every row is of this file. The
 * register load attaches that table as the file's partition of the register table (V11), which
 * takes no copy of the rows: loading them once, by COPY, is all the writing they cost. A later
 * delivery of the same scope drops the earlier file's partition instead of deleting its rows. A
 * bistand file's sums per person and month wait beside its rows, in {@code payment_month_file_<id>},
 * and go with them ({@link PaymentMonths}). The
 * file's persons wait in stg_person, each chunk's once, and the rows staged are counted in
 * extract_file.rows_staged as each chunk commits (V12).
 *
 * <p>Only project_id is missing until then: every row of a file is of the file's project, so the
 * register load adds the column with the project as its default, which PostgreSQL keeps once in
 * its catalogue for the rows already there instead of in each row ({@link
 * se.uppfoljning.register.RegisterMerge}). The text and its alignment took about a fifth of a
 * bistand row.
 *
 * <p>The table is made by the first chunk that stages a row of the file, on that chunk's
 * transaction, so a chunk rolled back takes it away too; a file without valid rows has none. The
 * tables are logged like the register: a staged chunk survives a crash of the server, as the
 * reader's saved position does.
 */
public final class StagingTables {
    private StagingTables() {
    }

    /** The table a file's staged rows are in. */
    public static String of(Source source, long fileId) {
        return source.event() ? source.registerTable() + "_file_" + fileId : "stg_deltagare";
    }

    public static String of(ExtractFile file) {
        return of(file.source(), file.fileId());
    }

    /** Makes an event file's table unless it is there. The deltagare rows go into stg_deltagare. */
    static void ensure(JdbcClient jdbc, ExtractFile file) {
        if (!file.source().event() || exists(jdbc, of(file))) return;
        // beside a bistand file's rows, its sums per person and month (PaymentMonths)
        for (Partition p : partitionsOf(file.source(), file.fileId())) {
            jdbc.sql("""
                    CREATE TABLE %1$s (LIKE %2$s, CONSTRAINT %1$s_file CHECK (file_id = %3$d))"""
                    .formatted(p.table(), p.registerTable(), file.fileId())).update();
            jdbc.sql("ALTER TABLE " + p.table() + " DROP COLUMN project_id").update();
        }
    }

    /** A table an event file's rows wait in, and the register table it becomes a partition of. */
    public record Partition(String registerTable, String table) {
    }

    /**
     * The tables an event file's rows are in, staged or attached: its own, and beside a bistand
     * file's its sums per person and month (payment_month, V17).
     */
    public static List<Partition> partitionsOf(Source source, long fileId) {
        if (!source.event()) return List.of();
        Partition rows = new Partition(source.registerTable(), of(source, fileId));
        if (source != Source.BISTAND) return List.of(rows);
        return List.of(rows, new Partition("payment_month", PaymentMonths.tableOf(fileId)));
    }

    /** The rows staged for a file that is not yet in the register. */
    public static int count(JdbcClient jdbc, ExtractFile file) {
        if (!file.source().event()) {
            return jdbc.sql("SELECT count(*) FROM stg_deltagare WHERE file_id = ?").param(file.fileId())
                    .query(Integer.class).single();
        }
        return jdbc.sql("SELECT coalesce(rows_staged, 0) FROM extract_file WHERE file_id = ?").param(file.fileId())
                .query(Integer.class).single();
    }

    /** Counts rows a chunk's COPY wrote into an event file's table, on the chunk's transaction. */
    static void addStaged(JdbcClient jdbc, ExtractFile file, long rows) {
        if (!file.source().event()) return;
        jdbc.sql("UPDATE extract_file SET rows_staged = coalesce(rows_staged, 0) + ? WHERE file_id = ?")
                .params(rows, file.fileId()).update();
    }

    /**
     * Removes what is staged for a file: its rows in stg_deltagare, or its own table. Only for a file
     * not in the register (a loaded event file's table is its partition; RegisterMerge removes that).
     */
    public static void clear(JdbcClient jdbc, ExtractFile file) {
        if (file.source().event()) {
            drop(jdbc, file.source(), file.fileId());
            jdbc.sql("DELETE FROM stg_person WHERE file_id = ?").param(file.fileId()).update();
            jdbc.sql("UPDATE extract_file SET rows_staged = NULL WHERE file_id = ?").param(file.fileId()).update();
        } else {
            jdbc.sql("DELETE FROM stg_deltagare WHERE file_id = ?").param(file.fileId()).update();
        }
    }

    /** Drops an event file's tables, staged or attached as partitions ({@link #partitionsOf}). */
    public static void drop(JdbcClient jdbc, Source source, long fileId) {
        for (Partition p : partitionsOf(source, fileId)) jdbc.sql("DROP TABLE IF EXISTS " + p.table()).update();
    }

    /** Whether a table of that name is on the search path. */
    public static boolean exists(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single();
    }
}
