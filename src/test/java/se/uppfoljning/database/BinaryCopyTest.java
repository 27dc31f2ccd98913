package se.uppfoljning.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;

/**
 * The staging sends its rows in COPY's binary format: every value must arrive as the text format
 * (CopyText, which PostgreSQL parses itself) would have delivered it, for each column type the
 * staging tables have.
 */
class BinaryCopyTest extends DatabaseTest {
    private static final String COLUMNS = """
            id int8, line int4, step int2, person_key bytea, gender char(1), name text,
            day date, amount numeric(12,2), hours numeric(6,2), exact numeric, secret bytea, raw_codes jsonb,
            actors text[]""";
    private static final List<String> NAMES = List.of("id", "line", "step", "person_key", "gender", "name", "day",
            "amount", "hours", "exact", "secret", "raw_codes", "actors");

    @Autowired
    DataSource dataSource;

    @Test
    void everyColumnTypeOfTheStagingArrivesAsTheTextFormatWouldHaveDeliveredIt() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        List<String> numbers = List.of("0", "1442", "1442.5", "-0.01", "0.0001", "12345.678", "9999999999.99",
                "100000", "0.5", "1E+3", "-87654.3210", "10000.0001", "0.00010000", "-1",
                "123456789012345678901234.5678", "-0.000000000000000001", "9223372036854775807", "0.1234567890123456");
        List<LocalDate> days = List.of(LocalDate.of(2000, 1, 1), LocalDate.of(1999, 12, 31), LocalDate.of(1900, 2, 28),
                LocalDate.of(2024, 2, 29), LocalDate.of(2099, 12, 31), LocalDate.of(1970, 1, 1));
        List<String> names = List.of("", "Söder", "tab\there", "back\\slash", "line\nbreak", "\\N", "Ensamstående med barn",
                "emoji \uD83D\uDE00", "plain");
        for (int i = 0; i < numbers.size(); i++) {
            BigDecimal n = new BigDecimal(numbers.get(i));
            Map<String, String> raw = new LinkedHashMap<>();
            if (i % 3 == 0) raw.put("insats", i % 2 == 0 ? "Arbetsträning" : "quote \" and \\ backslash");
            rows.add(new Object[] {(long) i * 1_000_000_007L, i, i % 8, HexFormat.of().parseHex("%064x".formatted(i * 7919L)), i % 2 == 0 ? "K" : "M",
                    names.get(i % names.size()), days.get(i % days.size()),
                    n.abs().compareTo(new BigDecimal("1E10")) < 0 ? n : null,
                    n.abs().compareTo(new BigDecimal("1E4")) < 0 ? n : null, n,
                    i % 4 == 0 ? null : new byte[] {(byte) i, 0, (byte) 0xff, '\\'}, raw.isEmpty() ? null : raw,
                    switch (i % 4) {
                        case 0 -> List.of();
                        case 1 -> List.of("AF");
                        case 2 -> List.of("AF", "SOC", "Jobbtorg Söder");
                        default -> null;
                    }});
        }

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE as_text (" + COLUMNS + ")");
            s.execute("CREATE TEMP TABLE as_binary (" + COLUMNS + ")");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();

            StringBuilder text = new StringBuilder();
            for (Object[] row : rows) {
                CopyText line = new CopyText();
                for (Object v : row) line.add(v);
                line.appendTo(text);
                text.append('\n');
            }
            copy.copyIn("COPY as_text (" + String.join(", ", NAMES) + ") FROM STDIN", new StringReader(text.toString()));

            BinaryCopy binary = BinaryCopy.forTable(c, "as_binary", NAMES).header();
            rows.forEach(binary::row);
            binary.trailer();
            long written = copy.copyIn(binary.copySql("as_binary"),
                    new ByteArrayInputStream(Arrays.copyOf(binary.bytes(), binary.length())));

            assertThat(written).isEqualTo(rows.size());
            assertThat(rowsOf(s, "as_binary")).hasSize(rows.size()).isEqualTo(rowsOf(s, "as_text"));
            // and not only equal to each other: the rounding to the column's scale is the server's
            try (var rs = s.executeQuery("SELECT amount::text, day::text FROM as_binary WHERE id = 5000000035")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("12345.68");
                assertThat(rs.getString(2)).isEqualTo("1970-01-01");
            }
        }
    }

    @Test
    void aColumnOfATypeItCannotWriteIsRefusedBeforeTheFirstRow() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE odd (id int8, at timestamptz)");
            assertThatThrownBy(() -> BinaryCopy.forTable(c, "odd", List.of("id", "at")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("odd.at");
            BinaryCopy ids = BinaryCopy.forTable(c, "odd", List.of("id"));
            assertThatThrownBy(() -> ids.row(new Object[] {"not a number"}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column id");
        }
    }

    private static List<String> rowsOf(Statement s, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (var rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY id")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
