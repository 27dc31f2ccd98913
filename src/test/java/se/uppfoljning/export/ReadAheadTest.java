package se.uppfoljning.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import se.uppfoljning.DatabaseTest;

/** The SUS export reads its participations on a second connection, a few batches ahead of the writing. */
class ReadAheadTest extends DatabaseTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    ReadAhead ahead;

    @BeforeEach
    void streaming() {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(Participations.FETCH_SIZE);
        ahead = new ReadAhead(streaming, transactions);
    }

    @Override
    protected boolean emptyBeforeEachTest() {
        return false;
    }

    @Test
    void everyRowArrivesInTheQuerysOrderThoughTheWriterIsManyBatchesBehind() throws Exception {
        List<Integer> seen = new ArrayList<>();

        ahead.query("SELECT g FROM generate_series(1, 25000) g ORDER BY g DESC", (rs, n) -> rs.getInt(1), seen::add);

        assertThat(seen).hasSize(25_000);
        assertThat(seen.get(0)).isEqualTo(25_000);
        assertThat(seen).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void aQueryThatFailsHalfWayFailsTheWriterAfterTheRowsBeforeIt() {
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> ahead.query("SELECT 10 / (g - 4500) FROM generate_series(1, 9000) g",
                (rs, n) -> rs.getInt(1), seen::add))
                .hasMessageContaining("division by zero");
        assertThat(seen.size()).isLessThan(4500);
    }

    @Test
    void aWriterThatFailsStopsTheReading() throws Exception {
        String query = "SELECT g FROM generate_series(1, 50000000) g /* read-ahead stop test */";

        assertThatThrownBy(() -> ahead.query(query, (rs, n) -> rs.getInt(1), g -> {
            if (g == 10) throw new IllegalStateException("the disk is full");
        })).hasMessage("the disk is full");

        // the query of fifty million rows ends long before it could have been read whole
        for (int i = 0; i < 300; i++) {
            if (count("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%read-ahead stop test%'"
                    + " AND pid <> pg_backend_pid() AND state <> 'idle'") == 0) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the read-ahead query still runs after the writer failed");
    }
}
