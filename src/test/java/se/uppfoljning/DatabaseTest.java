package se.uppfoljning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of every test that needs the real PostgreSQL: one Spring context (and one database) shared by
 * all such test classes, emptied before each test.
 */
@Tag("database")
// The restart tests (IngestRestartTest, RestartTest, CrashDrillTest) count committed chunks of 5,000
// rows, so the tests run with that chunk size rather than the program's default.
@SpringBootTest(classes = UppfoljningApplication.class, properties = "uppfoljning.ingest.chunk-size=" + DatabaseTest.CHUNK_SIZE)
public abstract class DatabaseTest {
    /** The stageRows chunk size of every test context (and of RestartTest's child process). */
    public static final int CHUNK_SIZE = 5_000;

    static {
        TestRun.init();
        TestDatabase.init();
    }

    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        if (emptyBeforeEachTest()) TestDatabase.reset(jdbc);
    }

    /** A class whose tests share one expensive register (set up once) answers false. */
    protected boolean emptyBeforeEachTest() {
        return true;
    }

    /**
     * Before the next test empties the database: every failure message the test's runs stored (file
     * failures, reject messages and values, Spring Batch's exit messages with their stack traces) is
     * handed to the privacy check that ends the test run.
     */
    @AfterEach
    void keepStoredMessagesForThePrivacyCheck() {
        jdbc.sql("""
                        SELECT 'extract_file ' || file_name, concat_ws(' | ', message_sv, message_en) FROM extract_file
                        UNION ALL SELECT 'reject ' || file_id || ':' || line, concat_ws(' | ', value, message_sv, message_en) FROM reject
                        UNION ALL SELECT 'batch_job_execution ' || job_execution_id, exit_message FROM batch_job_execution
                        UNION ALL SELECT 'batch_step_execution ' || step_execution_id, exit_message FROM batch_step_execution""")
                .query((rs, n) -> {
                    TestRun.seen(getClass().getSimpleName() + " " + rs.getString(1), rs.getString(2));
                    return null;
                }).list();
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
