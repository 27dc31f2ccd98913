package se.uppfoljning;

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
@SpringBootTest(classes = UppfoljningApplication.class)
public abstract class DatabaseTest {
    static {
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

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
