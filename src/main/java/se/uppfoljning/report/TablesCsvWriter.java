package se.uppfoljning.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * Writes tables.csv (SPEC §7): every number of the report in tidy form, one line per
 * {@link ReportCell} in the dataset's order. {@code ;}-separated UTF-8 without BOM, {@code \n} line
 * ends, a field quoted only when it holds a separator, quote or line break. The bytes depend on the
 * dataset alone, so the same dataset always gives the same file (DESIGN invariant 2). Text fields
 * go through {@link FormulaGuard}.
 */
public final class TablesCsvWriter {

    public static final String FILE_NAME = "tables.csv";

    static final String[] HEADER = {"report_id", "table_id", "indicator", "breakdown", "breakdown_value", "gender",
            "value", "suppressed", "unit"};

    public void write(ReportDataset dataset, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(dataset, out);
        }
    }

    public void write(ReportDataset dataset, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ICSVWriter csv = new CSVWriterBuilder(writer).withSeparator(';').withLineEnd("\n").build();
        csv.writeNext(HEADER, false);
        for (ReportCell cell : dataset.cells()) {
            csv.writeNext(line(dataset.reportId(), cell), false);
        }
        csv.flush();
        if (csv.checkError()) {
            throw new IOException("writing tables.csv failed", csv.getException());
        }
    }

    /** One line of tables.csv for {@code cell}; a suppressed cell never shows its value. */
    static String[] line(String reportId, ReportCell cell) {
        return new String[] {
                text(reportId), text(cell.tableId()), text(cell.indicator()), text(cell.breakdown()),
                text(cell.breakdownValue()), text(cell.gender()), CellValues.csv(cell),
                Boolean.toString(cell.suppressed()), text(cell.unit())};
    }

    static List<String> header() {
        return List.of(HEADER);
    }

    private static String text(String value) {
        return value == null ? "" : FormulaGuard.neutralise(value);
    }
}
