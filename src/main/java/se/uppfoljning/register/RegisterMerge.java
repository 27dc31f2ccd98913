package se.uppfoljning.register;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.uppfoljning.extract.Source;

/**
 * Moves one file's staged rows into the participant register, set-based: the staging tables speak
 * the extract's language (Swedish column names), the register ours.
 *
 * <p>A file at least as large as its table already is goes in with the table's plain indexes
 * dropped and built again after the insert, in the same transaction: building an index whole sorts
 * once and writes each page once, where row by row every index page touched after a checkpoint is
 * logged whole again. At 1,000,000 episodes (the six files into empty tables, each replayed by hand
 * on a fresh copy of the same staged rows, two runs each) the five event tables took 10.3-11.3 s
 * instead of 17.2-17.6 s and wrote 1.57 GB of WAL instead of 2.53 GB, and the episodes 6.5-6.8 s
 * instead of 7.4-7.9 s. (The event tables have kept only a BRIN index on project_id and a btree on
 * file_id since V9; rows go in in file order, which is the order of both.) Episodes always go in
 * line order: their episode_id follows the file; their primary key stays. {@link
 * se.uppfoljning.register.RegisterLoader} gives the index builds their memory.
 *
 * <p>A file that is large next to the rows already in its table goes in with the table's foreign
 * keys dropped and added again after the insert, in the same transaction (since V8 only episode
 * has one, to person): PostgreSQL checks a foreign key with one lookup per
 * inserted row, while adding it back checks the whole table in one join. The keys come back from
 * their own definitions in the catalogue, under their own names, so the schema ends as the
 * migrations made it. Until the commit the table is locked for readers too, as by any ALTER TABLE
 * or DROP INDEX (the dropped indexes above lock it the same way).
 */
@Component
public class RegisterMerge {
    /** Which register table holds each source's rows. */
    public static final Map<Source, String> REGISTER_TABLE = Map.of(
            Source.DELTAGARE, "episode",
            Source.KONTAKTER, "contact",
            Source.BEDOMNING, "assessment",
            Source.INSATSER, "insats",
            Source.BISTAND, "payment",
            Source.AF_STATUS, "af_registration");

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

    private static final Map<Source, String> MERGE = Map.of(
            Source.DELTAGARE, """
                    INSERT INTO episode (episode_key, project_id, file_id, line, person_key, pnr_encrypted, birth_date,
                                         legal_gender, team, area, start_date, end_date, end_reason, status_after,
                                         reported_gender, referrer, education, disability, unemployed_since,
                                         support_start, support_end, consent, protected_identity, raw_codes)
                    SELECT substr(md5(f.project_id || '|' || s.person_key || '|' || s.startdatum
                                      || CASE WHEN s.avslutsanledning = 'FELREG' THEN '|void' ELSE '' END), 1, 16),
                           f.project_id, s.file_id, s.line, s.person_key, s.pnr_encrypted, s.birth_date,
                           s.legal_gender, s.team, s.omrade, s.startdatum, s.slutdatum, s.avslutsanledning,
                           s.sysselsattning_efter, s.kon, s.remittent, s.utbildningsniva,
                           s.funktionsnedsattning = 'J', s.arbetslos_sedan,
                           coalesce(s.ersattning_start, '{}'), coalesce(s.ersattning_slut, '{}'),
                           s.samtycke <> 'N', s.skyddad = 'J', s.raw_codes
                      FROM stg_deltagare s JOIN extract_file f ON f.file_id = s.file_id
                     WHERE s.file_id = :fileId
                     ORDER BY s.line""",
            Source.KONTAKTER, """
                    INSERT INTO contact (project_id, file_id, line, person_key, contact_date, kind, actors, raw_codes)
                    SELECT f.project_id, s.file_id, s.line, s.person_key, s.datum, s.typ, coalesce(s.aktorer, '{}'),
                           s.raw_codes
                      FROM stg_kontakter s JOIN extract_file f ON f.file_id = s.file_id
                     WHERE s.file_id = :fileId""",
            Source.BEDOMNING, """
                    INSERT INTO assessment (project_id, file_id, line, person_key, assessed_on, step, kind, raw_codes)
                    SELECT f.project_id, s.file_id, s.line, s.person_key, s.datum, s.steg, s.typ, s.raw_codes
                      FROM stg_bedomning s JOIN extract_file f ON f.file_id = s.file_id
                     WHERE s.file_id = :fileId""",
            Source.INSATSER, """
                    INSERT INTO insats (project_id, file_id, line, person_key, insats, provider, start_date, end_date,
                                        hours_per_week, raw_codes)
                    SELECT f.project_id, s.file_id, s.line, s.person_key, s.insats, s.anordnare, s.startdatum,
                           s.slutdatum, s.timmar_per_vecka, s.raw_codes
                      FROM stg_insatser s JOIN extract_file f ON f.file_id = s.file_id
                     WHERE s.file_id = :fileId""",
            Source.BISTAND, """
                    INSERT INTO payment (project_id, file_id, line, person_key, month, amount, area, household_type,
                                         raw_codes)
                    SELECT f.project_id, s.file_id, s.line, s.person_key, s.manad, s.belopp, s.omrade, s.hushallstyp,
                           s.raw_codes
                      FROM stg_bistand s JOIN extract_file f ON f.file_id = s.file_id
                     WHERE s.file_id = :fileId""",
            Source.AF_STATUS, """
                    INSERT INTO af_registration (project_id, file_id, line, person_key, registered_on, category,
                                                 deregistered_on, deregistration_status, raw_codes)
                    SELECT f.project_id, s.file_id, s.line, s.person_key, s.inskrivningsdatum,
                           coalesce(s.sokandekategori, 'ARBETSSOKANDE'), s.avaktualiseringsdatum,
                           s.avaktualiseringsorsak, s.raw_codes
                      FROM stg_af_status s JOIN extract_file f ON f.file_id = s.file_id
                     WHERE s.file_id = :fileId""");

    private final JdbcClient jdbc;

    public RegisterMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Checking the whole table when a foreign key is added back costs about an eighth of checking
     * a row as it is inserted or less (measured on 1,750,416 rows: 23-29 s of per-row checks of a
     * key to extract_file, 2.9 s to add it back; episode's two keys at 1,000,000 episodes: 1.7 s),
     * so the keys go when the file brings at least an eighth of the rows the table already holds.
     */
    static final int FOREIGN_KEY_CHECK_RATIO = 8;

    /** The foreign keys of a table, as {@code ALTER TABLE ... ADD CONSTRAINT} would make them again. */
    private static final String FOREIGN_KEYS = """
            SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', c.relname, k.conname) AS drop_sql,
                   format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.relname, k.conname, pg_get_constraintdef(k.oid)) AS add_sql
              FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
             WHERE k.conrelid = to_regclass(:table) AND k.contype = 'f'
             ORDER BY k.conname""";

    private record ForeignKey(String dropSql, String addSql) {
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
     * Inserts the file's staged rows (staged of them) into the register and empties its staging;
     * returns the rows moved. The file's persons must be in person already ({@link #insertPersons}).
     */
    public int merge(Source source, long fileId, int staged) {
        String table = REGISTER_TABLE.get(source);
        long held = rowsHeld(table);
        List<ForeignKey> keys = (long) staged * FOREIGN_KEY_CHECK_RATIO >= held ? foreignKeys(table) : List.of();
        // Building an index costs about half as much per row as the sort and upkeep of inserting into
        // it (insats at 1,000,000: 2.5-3 s to build both for 1.75 M rows against 3-5 s), but a build
        // covers the rows already held too: so only when the file at least doubles the table; a small
        // file into a large table goes in as before.
        List<Index> indexes = staged >= held ? indexes(table) : List.of();
        keys.forEach(k -> jdbc.sql(k.dropSql()).update());
        indexes.forEach(i -> jdbc.sql(i.dropSql()).update());
        int rows = jdbc.sql(MERGE.get(source)).param("fileId", fileId).update();
        indexes.forEach(i -> jdbc.sql(i.createSql()).update());
        keys.forEach(k -> jdbc.sql(k.addSql()).update());
        dropStaged(source, fileId);
        return rows;
    }

    /**
     * The staging tables are never analysed, so the planner takes a file for a few thousand rows
     * and groups them by sorting (4-5 s for insatser at 1,000,000 episodes) rather than hashing the
     * few distinct keys (about 1 s); sorts are off for this one statement.
     */
    public void insertPersons(Source source, long fileId) {
        String sort = jdbc.sql("SELECT current_setting('enable_sort')").query(String.class).single();
        jdbc.sql("SELECT set_config('enable_sort', 'off', true)").query(String.class).single();
        jdbc.sql(PERSONS.formatted(source.stagingTable())).param("fileId", fileId).update();
        jdbc.sql("SELECT set_config('enable_sort', ?, true)").param(sort).query(String.class).single();
    }

    /** The rows a table holds, as estimated by its last ANALYZE (0 before one). */
    private long rowsHeld(String table) {
        return jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)")
                .param(table).query(Long.class).single();
    }

    private List<Index> indexes(String table) {
        return jdbc.sql(INDEXES).param("table", table)
                .query((rs, n) -> new Index(rs.getString("drop_sql"), rs.getString("create_sql"))).list();
    }

    private List<ForeignKey> foreignKeys(String table) {
        return jdbc.sql(FOREIGN_KEYS).param("table", table)
                .query((rs, n) -> new ForeignKey(rs.getString("drop_sql"), rs.getString("add_sql"))).list();
    }

    /**
     * Fresh statistics for a register table after a load, so that the outcome SQL run right after is
     * planned for the rows just merged rather than for an empty or much smaller table.
     */
    public void analyze(Source source) {
        jdbc.sql("ANALYZE " + REGISTER_TABLE.get(source)).update();
    }

    public int countStaged(Source source, long fileId) {
        return jdbc.sql("SELECT count(*) FROM " + source.stagingTable() + " WHERE file_id = ?")
                .param(fileId).query(Integer.class).single();
    }

    public void dropStaged(Source source, long fileId) {
        jdbc.sql("DELETE FROM " + source.stagingTable() + " WHERE file_id = ?").param(fileId).update();
    }

    /** Removes a replaced file's rows from the register; the file stays in the history. */
    public void removeFromRegister(Source source, long fileId) {
        jdbc.sql("DELETE FROM " + REGISTER_TABLE.get(source) + " WHERE file_id = ?").param(fileId).update();
    }
}
