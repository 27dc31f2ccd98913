package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.uppfoljning.config.SourceProfile;

/** A row keeps only the cells of the source's columns, however wide the file. */
class ExtractRowTest {
    static final SourceProfile NO_ALIASES = new SourceProfile("bistand", Map.of(), Map.of(), Map.of());

    @Test
    void aRowOfTenThousandCellsKeepsTheFiveOfItsSource() throws Exception {
        List<String> header = new ArrayList<>();
        String[] cells = new String[10_000];
        for (int i = 0; i < cells.length; i++) {
            header.add("x" + i);
            cells[i] = "v" + i;
        }
        header.set(9_997, "belopp");
        header.set(42, "personnummer");
        header.set(7, "manad");
        HeaderMapping mapping = HeaderMapping.resolve("b.csv", header, Source.BISTAND, NO_ALIASES);

        ExtractRow row = ExtractRow.of(null, mapping, new RawRecord(2, cells));

        assertThat(row.values()).containsExactly("v42", "v7", "v9997", null, null);
        assertThat(row.beyond()).isNull();
        assertThat(mapping.position(2)).isEqualTo(9_997);
    }

    @Test
    void nonBlankCellsBeyondTheHeaderAreNotedBlankOnesAreNot() throws Exception {
        HeaderMapping mapping = HeaderMapping.resolve("b.csv", List.of("personnummer", "manad", "belopp"), Source.BISTAND, NO_ALIASES);

        assertThat(ExtractRow.of(null, mapping, new RawRecord(2, new String[] {"p", "2025-03", "1", "", " "})).beyond()).isNull();
        assertThat(ExtractRow.of(null, mapping, new RawRecord(2, new String[] {"p", "2025-03", "1", "", "x", "", "y"})).beyond())
                .isEqualTo(new ExtractRow.Beyond(7, 4, "x"));
    }
}
