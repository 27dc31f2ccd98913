package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * The parser splits lines without quotes itself and leaves the rest to OpenCSV: either way a line
 * gives the fields OpenCSV's own RFC 4180 parser gives, row after row, quoted values over several
 * lines included.
 */
class SemicolonParserTest {
    private static final List<String> LINES = List.of(
            "", ";", ";;", "a", "a;", ";a", "a;;b", " a ; b ", "199001019802;2024-05;1200,50;;",
            "\"quoted;value\";x", "x;\"a \"\"quote\"\" in it\"", "x;\"ends on the next line", "and goes on;y\";z",
            "after;the;quote", "\"\";\"\"", "tab\there;ok", "åäö;ÅÄÖ;é", "a\"b;c", "a;b\"", "\"open",
            "close\"", "last;line");

    @Test
    void everyLineGivesTheFieldsOpenCsvGives() throws Exception {
        assertSameFieldsAsOpenCsv(LINES);
    }

    @Test
    void randomLinesOfSeparatorsQuotesAndTextGiveTheSameFields() throws Exception {
        Random random = new Random(20261125L);
        String alphabet = ";;;;\"ab c1-å";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(random.nextInt(10) == 0 ? 40 : 12);
            for (int j = 0; j < length; j++) {
                // one line in three has no quote at all, as most lines of an extract
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                line.append(i % 3 == 0 && c == '"' ? 'q' : c);
            }
            lines.add(line.toString());
        }
        assertSameFieldsAsOpenCsv(lines);
    }

    @Test
    void aLineWithoutQuotesKeepsEveryEmptyField() {
        assertThat(SemicolonParser.split(";a;;b;")).containsExactly("", "a", "", "b", "");
        assertThat(SemicolonParser.split("")).containsExactly("");
        String wide = "x;".repeat(40) + "y";
        assertThat(SemicolonParser.split(wide)).hasSize(41).endsWith("y");
    }

    /** Feeds both parsers the same lines as CSVReader does: a pending value takes the next line. */
    private static void assertSameFieldsAsOpenCsv(List<String> lines) throws Exception {
        ICSVParser ours = new SemicolonParser();
        ICSVParser openCsv = new RFC4180ParserBuilder().withSeparator(';').build();
        for (String line : lines) {
            String[] expected = openCsv.parseLineMulti(line);
            String[] actual = ours.parseLineMulti(line);
            assertThat(actual).as("line %s", line).containsExactly(expected);
            assertThat(ours.isPending()).as("pending after %s", line).isEqualTo(openCsv.isPending());
            assertThat(ours.getPendingText()).isEqualTo(openCsv.getPendingText());
        }
    }
}
