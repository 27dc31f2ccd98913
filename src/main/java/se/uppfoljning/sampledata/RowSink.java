package se.uppfoljning.sampledata;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One extract file being written, row by row. Cells are a {@link String} (written as it is), a
 * {@link LocalDate}, a {@link YearMonth}, an integer or a {@link BigDecimal}; null is an empty cell.
 */
interface RowSink extends Closeable {

    /** Writes one row and returns its line number (CSV: physical line; XLSX: sheet row; header = 1). */
    int write(Object... cells);

    /** The file's path below the output folder, with '/' separators. */
    String path();

    /** Data rows written so far (the header not counted). */
    int rows();

    @Override
    void close() throws IOException;

    /** How a cell is written into a CSV file: ISO dates, decimal comma. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal d) {
            return d.toPlainString().replace('.', ',');
        }
        return cell.toString(); // String, LocalDate (ISO), YearMonth (YYYY-MM), Integer
    }
}
