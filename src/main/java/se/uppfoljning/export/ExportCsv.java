package se.uppfoljning.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

/**
 * The bytes of an export file: {@code ;}-separated UTF-8 without BOM, {@code \n} line ends, quotes
 * only where a cell needs them. The same header and rows always give the same bytes, which is what
 * lets an export be re-created and checked against its recorded SHA-256.
 */
public final class ExportCsv {
    private ExportCsv() {
    }

    /**
     * @param pnrColumn where the personnummer goes in each row (0-based), or null for a file without one
     * @param pnr       the 12 digits of a row; called only when {@code pnrColumn} is set
     */
    public static byte[] render(List<String> header, Integer pnrColumn, List<ExportRow> rows,
                                Function<ExportRow, String> pnr) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriter(out, ';', ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                     ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            csv.writeNext(header.toArray(String[]::new), false);
            for (ExportRow row : rows) {
                List<String> cells = new ArrayList<>(row.cells());
                if (pnrColumn != null) cells.add(pnrColumn, pnr.apply(row));
                csv.writeNext(cells.toArray(String[]::new), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A file without personnummer. */
    public static byte[] render(List<String> header, List<List<String>> rows) {
        List<ExportRow> plain = rows.stream().map(c -> new ExportRow(null, null, null, null, null, null, c)).toList();
        return render(header, null, plain, r -> null);
    }
}
