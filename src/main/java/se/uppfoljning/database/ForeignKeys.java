package se.uppfoljning.database;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table's foreign keys, dropped before a large insert and added back after it, in the same
 * transaction. PostgreSQL checks a foreign key with one lookup (and a row lock on the referenced
 * row) per inserted row, while adding it back checks the whole table in one join: on 1,750,416 rows
 * 23-29 s of per-row checks of a key to extract_file against 2.9 s to add it back, and 7.2-7.6 s
 * against 4.5 s for COPY of a first SUS export's 923,123 history rows, whose key to export_run was
 * added back in 0.2 s (issue 9, docs/performance.md). The key comes back from its own definition in
 * the catalogue, under its own name, so the schema ends as the migrations made it. Until the commit
 * the table is locked for readers too, as by any ALTER TABLE, and the referenced table for writers.
 */
public final class ForeignKeys {
    /**
     * Checking the whole table when a key is added back costs about an eighth of checking a row as it
     * is inserted or less, so the keys go when an insert brings at least an eighth of the rows the
     * table already holds.
     */
    private static final int CHECK_RATIO = 8;

    /**
     * The foreign keys of a table, as {@code ALTER TABLE ... ADD CONSTRAINT} would make them again,
     * with the lock that dropping one takes on the table it references.
     */
    private static final String OF_TABLE = """
            SELECT format('LOCK TABLE %I IN SHARE ROW EXCLUSIVE MODE', r.relname) AS lock_sql,
                   format('ALTER TABLE %I DROP CONSTRAINT %I', c.relname, k.conname) AS drop_sql,
                   format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.relname, k.conname, pg_get_constraintdef(k.oid)) AS add_sql
              FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
             WHERE k.conrelid = to_regclass(:table) AND k.contype = 'f'
             ORDER BY k.conname""";

    private record Key(String lockSql, String dropSql, String addSql) {
    }

    private final JdbcClient jdbc;
    private final List<Key> dropped;

    private ForeignKeys(JdbcClient jdbc, List<Key> dropped) {
        this.jdbc = jdbc;
        this.dropped = dropped;
    }

    /**
     * Drops the table's foreign keys when {@code rows} rows are about to go in and that is at least an
     * eighth of what the table holds (as its last ANALYZE counted them); otherwise keeps them.
     * {@link #restore} adds back what was dropped.
     */
    public static ForeignKeys dropForLargeInsert(JdbcClient jdbc, String table, long rows) {
        return dropForLargeInsert(jdbc, table, rows, rowsHeld(jdbc, table));
    }

    /** The same, with the rows the table holds already known ({@link #rowsHeld}). */
    public static ForeignKeys dropForLargeInsert(JdbcClient jdbc, String table, long rows, long held) {
        if (rows * CHECK_RATIO < held) return new ForeignKeys(jdbc, List.of());
        List<Key> keys = jdbc.sql(OF_TABLE).param("table", table)
                .query((rs, n) -> new Key(rs.getString("lock_sql"), rs.getString("drop_sql"), rs.getString("add_sql")))
                .list();
        // Dropping a key locks the table, then the table it references. Taken in that order, a
        // transaction that has written to the referenced table (an ESF export has entered its
        // export_run row) and goes on to write to this one would wait for this transaction while it
        // waits for that one's lock on the referenced table: a deadlock. The referenced table first,
        // this transaction waits for that one to commit instead.
        keys.forEach(k -> jdbc.sql(k.lockSql()).update());
        keys.forEach(k -> jdbc.sql(k.dropSql()).update());
        return new ForeignKeys(jdbc, keys);
    }

    /** The rows a table holds, as estimated by its last ANALYZE (0 before one). */
    public static long rowsHeld(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)")
                .param(table).query(Long.class).single();
    }

    /** No key dropped: {@link #restore} does nothing. */
    public static ForeignKeys none() {
        return new ForeignKeys(null, List.of());
    }

    /** Adds back the keys that were dropped, each checking the whole table once. */
    public void restore() {
        dropped.forEach(k -> jdbc.sql(k.addSql()).update());
    }
}
