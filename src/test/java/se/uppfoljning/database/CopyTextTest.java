package se.uppfoljning.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;

/**
 * The staging and the export history copy their rows in with COPY: whatever a value or a cell holds
 * (it comes from an extract), PostgreSQL must read back exactly what was written.
 */
class CopyTextTest extends DatabaseTest {
    @Autowired
    DataSource dataSource;

    @Test
    void cellsWithQuotesBackslashesTabsLineBreaksBracesAndEmptyStringsComeBackUnchanged() throws Exception {
        List<String> cells = Arrays.asList("plain", "", null, "NULL", "\"quoted\"", "back\\slash", "tab\there",
                "line\nbreak", "carriage\rreturn", "{braces}", "a,b", "  spaced  ", "\\N", "åäö Söder");
        String marker = "tab\tand \\ backslash\nnewline";

        StringBuilder line = new StringBuilder();
        new CopyText().add(marker).add(null).addQuoted(cells).appendTo(line);
        line.append('\n');

        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("CREATE TEMP TABLE copied (marker text, missing text, cells text[])");
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY copied (marker, missing, cells) FROM STDIN", new StringReader(line.toString()));
            try (var rs = c.createStatement().executeQuery("SELECT marker, missing, cells FROM copied")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("marker")).isEqualTo(marker);
                assertThat(rs.getString("missing")).isNull();
                Array array = rs.getArray("cells");
                assertThat(new ArrayList<>(Arrays.asList((String[]) array.getArray()))).isEqualTo(cells);
                assertThat(rs.next()).isFalse();
            }
            c.createStatement().execute("DROP TABLE copied");
        }
    }
}
