package se.uppfoljning.register;

import java.util.List;
import java.util.function.IntSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.uppfoljning.database.ForeignKeys;
import se.uppfoljning.extract.ExtractFile;
import se.uppfoljning.extract.Source;
import se.uppfoljning.extract.StagingTables;

/**
 * Moves one file's staged rows into the participant register.
 *
 * <p>An event file (kontakter, bedomning, insatser, bistand, af_status) was staged into a table of
 * its own in the register table's shape but for project_id ({@link StagingTables}); the merge adds
 * that column and attaches the table as the file's partition of the register table (V11).
 * PostgreSQL skips the check of the partition's bounds because the table's CHECK already says them,
 * and builds the BRIN index on project_id for it (in psql 2.6 s for bistand's 11.7 M rows, now that
 * project_id is the last column; "Twelfth session"), so the rows are written once, by the COPY that
 * staged them. At 1,000,000 episodes the INSERT ... SELECT this replaces took
 * about as long as that COPY again (9.1 s for those 8.7 M rows, plus the emptying of the staging
 * table). A file replaced by a later delivery of its scope loses its partition, which is dropped
 * whole.
 *
 * <p>The deltagare file goes in set-based from stg_deltagare, in the extract's language (Swedish
 * column names), into episode, in ours: each episode's booleans are made here (its key when it
 * was staged), in line order, so that episode_id follows the file. A file at least as large as the
 * table already is goes in with the table's plain indexes dropped and built again after the insert,
 * in the same transaction: building an index whole sorts once and writes each page once, where
 * row by row every index page touched after a checkpoint is logged whole again (6.5-6.8 s instead
 * of 7.4-7.9 s at 1,000,000 episodes). Its primary key stays. {@link RegisterLoader} gives the index
 * builds their memory. A file that is large next to the rows already in episode goes in with
 * episode's foreign key to person dropped and added again after the insert, in the same
 * transaction ({@link ForeignKeys}): PostgreSQL checks a foreign key with one lookup per inserted
 * row, while adding it back checks the whole table in one join. Until the commit
 * the table is locked for readers too, as by any ALTER TABLE or DROP INDEX, and so is an event
 * table whose earlier file's partition is dropped.
 */
@Component
public class RegisterMerge {
    /**
     * The file's persons not yet known. Birth date and legal gender follow from the number, so every
     * row of a person_key has the same ones: grouping (a hash aggregate over the few distinct keys)
     * picks them without sorting the whole file, which DISTINCT ON did, on disk, for every file.
     */
    private static final String PERSONS = """
            INSERT INTO person (person_key, birth_date, legal_gender)
            SELECT person_key, min(birth_date), min(legal_gender)
              FROM %s WHERE file_id = :fileId GROUP BY person_key
            ON CONFLICT (person_key) DO NOTHING""";

    /**
     * The deltagare file's rows as episodes, with the key made when they were staged (EpisodeKey),
     * which stays the same across re-deliveries of the episode.
     */
    private static final String EPISODES = """
            INSERT INTO episode (episode_key, project_id, file_id, line, person_key, pnr_encrypted, birth_date,
                                 legal_gender, team, area, start_date, end_date, end_reason, status_after,
                                 reported_gender, referrer, education, disability, unemployed_since,
                                 support_start, support_end, consent, protected_identity, raw_codes)
            SELECT s.episode_key, f.project_id, s.file_id, s.line, s.person_key, s.pnr_encrypted, s.birth_date,
                   s.legal_gender, s.team, s.omrade, s.startdatum, s.slutdatum, s.avslutsanledning,
                   s.sysselsattning_efter, s.kon, s.remittent, s.utbildningsniva,
                   s.funktionsnedsattning = 'J', s.arbetslos_sedan,
                   coalesce(s.ersattning_start, '{}'), coalesce(s.ersattning_slut, '{}'),
                   s.samtycke <> 'N', s.skyddad = 'J', s.raw_codes
              FROM stg_deltagare s JOIN extract_file f ON f.file_id = s.file_id
             WHERE s.file_id = :fileId
             ORDER BY s.line""";

    private final JdbcClient jdbc;

    public RegisterMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The plain indexes of a table, as {@code CREATE INDEX} would make them again (name, columns,
     * method); indexes behind a constraint (primary key, unique) are not among them.
     */
    private static final String INDEXES = """
            SELECT format('DROP INDEX %I.%I', n.nspname, i.relname) AS drop_sql, pg_get_indexdef(i.oid) AS create_sql
              FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
             WHERE x.indrelid = to_regclass(:table)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
             ORDER BY i.relname""";

    private record Index(String dropSql, String createSql) {
    }

    /**
     * Puts the file's staged rows (staged of them) into the register; returns the rows put in. The
     * file's persons must be in person already ({@link #insertPersons}).
     */
    public int merge(ExtractFile file, int staged) {
        if (file.source().event()) {
            // a file without valid rows has no table: there is nothing to attach
            if (!StagingTables.exists(jdbc, StagingTables.of(file))) return 0;
            attach(file);
            return staged;
        }
        return mergeEpisodes(file.fileId(), staged);
    }

    private void attach(ExtractFile file) {
        // The rows were staged without project_id (StagingTables). A column added with a constant
        // default is not written into the rows already there: PostgreSQL keeps the value once, in
        // the catalogue, and reads it for each of them. So no scan and no rewrite, and the NOT NULL
        // holds by the default. (IF NOT EXISTS: a table staged by an earlier version has the
        // column.) The project id comes from a profile: quoted by the server, as a literal.
        // A bistand file's sums per person and month (payment_month, V17) go in beside its rows.
        for (StagingTables.Partition p : StagingTables.partitionsOf(file.source(), file.fileId())) {
            String addProject = jdbc.sql("""
                            SELECT format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS project_id text NOT NULL DEFAULT %L', ?, ?)""")
                    .params(p.table(), file.projectId()).query(String.class).single();
            jdbc.sql(addProject).update();
            jdbc.sql("ALTER TABLE %s ATTACH PARTITION %s FOR VALUES IN (%d)"
                    .formatted(p.registerTable(), p.table(), file.fileId())).update();
        }
    }

    private int mergeEpisodes(long fileId, int staged) {
        long held = ForeignKeys.rowsHeld(jdbc, "episode");
        ForeignKeys keys = ForeignKeys.dropForLargeInsert(jdbc, "episode", staged, held);
        // Building an index costs about half as much per row as the sort and upkeep of inserting into
        // it, but a build covers the rows already held too: so only when the file at least doubles the
        // table; a small file into a large table goes in as before.
        List<Index> indexes = staged >= held ? indexes("episode") : List.of();
        indexes.forEach(i -> jdbc.sql(i.dropSql()).update());
        // The staging table is locked first, so that no other project's staging adds rows to it while
        // the index below is there or between the check of other files and the TRUNCATE: such a
        // staging waits at the chunk it is on, and holds the next one back until this transaction
        // ends (about ten seconds at 1,000,000 episodes). Nothing that chunk's transaction holds is
        // wanted here (its own files' rows of extract_file, stg_person, its event files' tables), so
        // neither waits for the other.
        jdbc.sql("LOCK TABLE stg_deltagare IN ACCESS EXCLUSIVE MODE").update();
        // The rows go in in line order through an index built for this insert: the planner, without
        // statistics for the staging table, sorted the whole rows instead, on disk (13.2 s against
        // 6.6 s and 0.8 s for the index at 1,000,000 episodes). Built here rather than kept up by the
        // staging's COPY, whose two lanes keep both cores busy, while the event files' connection
        // takes longer than this one.
        jdbc.sql("CREATE INDEX stg_deltagare_file_line ON stg_deltagare (file_id, line)").update();
        int rows = withoutSort(() -> jdbc.sql(EPISODES).param("fileId", fileId).update());
        boolean otherFiles = jdbc.sql(OTHER_FILES_STAGED).param("fileId", fileId).query(Boolean.class).single();
        jdbc.sql("DROP INDEX stg_deltagare_file_line").update();
        indexes.forEach(i -> jdbc.sql(i.createSql()).update());
        keys.restore();
        // When the file's rows are all that stg_deltagare holds (one deltagare file, no other project
        // staging), the table is emptied whole: deleting the rows writes each of them again, to its
        // page and to the WAL (1.1-2.6 s at 1,000,000 episodes, the more right after a checkpoint).
        if (otherFiles) {
            jdbc.sql("DELETE FROM stg_deltagare WHERE file_id = ?").param(fileId).update();
        } else {
            jdbc.sql("TRUNCATE stg_deltagare").update();
        }
        return rows;
    }

    /**
     * Whether stg_deltagare holds rows of another file: the lowest and highest file_id, one step into
     * each end of the index built for the insert. Asked with EXISTS, the planner, without statistics
     * for the table, scanned it whole (0.5 s at 1,000,000 rows).
     */
    private static final String OTHER_FILES_STAGED = """
            SELECT coalesce(min(file_id) <> :fileId OR max(file_id) <> :fileId, false) FROM stg_deltagare""";

    /**
     * stg_deltagare is never analysed, so the planner takes a file for a few thousand rows and groups
     * them by sorting (4-5 s for insatser, when they were staged the same way, at 1,000,000 episodes)
     * rather than hashing the few distinct keys (about 1 s); sorts are off for this one statement.
     */
    public void insertPersons(ExtractFile file) {
        if (file.source().event()) {
            // a few rows per chunk, staged beside the file's rows (StagingWriter)
            jdbc.sql(PERSONS.formatted("stg_person")).param("fileId", file.fileId()).update();
            jdbc.sql("DELETE FROM stg_person WHERE file_id = ?").param(file.fileId()).update();
            return;
        }
        withoutSort(() -> jdbc.sql(PERSONS.formatted("stg_deltagare")).param("fileId", file.fileId()).update());
    }

    /** Runs one statement with sorts off, on the transaction only, and puts the setting back. */
    private int withoutSort(IntSupplier statement) {
        String sort = jdbc.sql("SELECT current_setting('enable_sort')").query(String.class).single();
        jdbc.sql("SELECT set_config('enable_sort', 'off', true)").query(String.class).single();
        int rows = statement.getAsInt();
        jdbc.sql("SELECT set_config('enable_sort', ?, true)").param(sort).query(String.class).single();
        return rows;
    }

    private List<Index> indexes(String table) {
        return jdbc.sql(INDEXES).param("table", table)
                .query((rs, n) -> new Index(rs.getString("drop_sql"), rs.getString("create_sql"))).list();
    }

    /**
     * Fresh statistics for a register table after a load, so that the outcome SQL run right after is
     * planned for the rows just merged rather than for an empty or much smaller table. For an event
     * table this analyses its partitions too: one per loaded file, one file per scope of each project.
     */
    public void analyze(Source source) {
        jdbc.sql("ANALYZE " + source.registerTable()).update();
        if (source == Source.BISTAND) jdbc.sql("ANALYZE payment_month").update();
    }

    public int countStaged(ExtractFile file) {
        return StagingTables.count(jdbc, file);
    }

    /** Removes what was staged for a file that does not go into the register. */
    public void dropStaged(ExtractFile file) {
        StagingTables.clear(jdbc, file);
    }

    /**
     * Removes a replaced file's rows from the register; the file stays in the history. An event
     * file's rows are its partition, dropped whole.
     */
    public void removeFromRegister(Source source, long fileId) {
        if (source.event()) {
            StagingTables.drop(jdbc, source, fileId);
        } else {
            jdbc.sql("DELETE FROM episode WHERE file_id = ?").param(fileId).update();
        }
    }
}
