package se.uppfoljning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where tests keep their database, keys and logs. By default a throwaway embedded PostgreSQL under
 * target/; with UPPFOLJNING_DB_URL set (the second pass of .ci/run) the external server instead.
 */
public final class TestDatabase {
    public static final Path ROOT;

    static {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            ROOT = Files.createTempDirectory(target, "test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("uppfoljning.db.embedded-dir", ROOT.resolve("postgres").toString());
        // a throw-away folder: no fsync, as zonky starts it for tests (the program's default is durable)
        System.setProperty("uppfoljning.db.embedded-durable", "false");
        System.setProperty("uppfoljning.keys.dir", ROOT.resolve("keys").toString());
        System.setProperty("uppfoljning.data-dir", ROOT.toString());
        System.setProperty("uppfoljning.home", Path.of("").toAbsolutePath().toString());
    }

    private TestDatabase() {
    }

    /** Call from a static initializer (or touch) before the Spring context starts. */
    public static void init() {
        // the static block above does the work
    }

    /** Empties every table of the register and of Spring Batch, so each test starts from nothing. */
    public static void reset(JdbcClient jdbc) {
        // the event files' tables, staged or attached as partitions (StagingTables), and the runs' facts
        // (RunFactTable): file and run ids are not reset, so a table left behind would never be used
        // again, only make every later ANALYZE longer
        jdbc.sql("""
                DO $$
                DECLARE t text;
                BEGIN
                    FOR t IN SELECT relname FROM pg_class
                              WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'
                                AND (relname ~ '^(contact|assessment|insats|payment|payment_month|af_registration)_file_[0-9]+$'
                                     OR relname ~ '^episode_fact_run_[0-9]+$') LOOP
                        EXECUTE format('DROP TABLE %I', t);
                    END LOOP;
                END
                $$""").update();
        jdbc.sql("""
                TRUNCATE extract_file, reject, person, episode, contact, assessment, insats, payment, payment_month,
                         af_registration, stg_deltagare, batch_step_execution_context, batch_job_execution_context,
                         batch_step_execution, batch_job_execution_params, batch_job_execution, batch_job_instance,
                         outcome_run, export_run, export_row
                         CASCADE""").update();
    }

    /**
     * The rows staged and not yet in the register for a register table: in stg_deltagare for
     * episode, in the event files' own tables not (yet) attached as partitions for the others.
     */
    public static long staged(JdbcClient jdbc, String registerTable) {
        if (registerTable.equals("episode")) {
            return jdbc.sql("SELECT count(*) FROM stg_deltagare").query(Long.class).single();
        }
        List<String> tables = jdbc.sql("""
                        SELECT relname FROM pg_class
                         WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND NOT relispartition
                           AND relname ~ ('^' || ? || '_file_[0-9]+$')""")
                .param(registerTable).query(String.class).list();
        long rows = 0;
        for (String t : tables) rows += jdbc.sql("SELECT count(*) FROM " + t).query(Long.class).single();
        return rows;
    }
}
