package se.uppfoljning.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An XLSX extract: the header in row 1 of the only sheet, dates as real Excel date cells
 * formatted {@code yyyy-mm-dd}, numbers as numeric cells and the personnummer column as text
 * cells. Streams rows through POI's SXSSF; the zip is rewritten with fixed entry times so the
 * same rows give the same bytes.
 */
final class XlsxSink implements RowSink {

    /** Fixed timestamp for the document properties and the zip entries (reproducible output). */
    private static final LocalDate FIXED_TIME = LocalDate.of(2026, 10, 31);

    private final Path file;
    private final String path;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle textStyle;
    private final int textColumn;
    private int rowIndex;

    /** @param textColumn the column written as text cells whatever its content (the personnummer) */
    XlsxSink(Path root, String path, String sheetName, List<String> header, int textColumn) throws IOException {
        this.file = root.resolve(path);
        this.path = path;
        this.textColumn = textColumn;
        Files.createDirectories(file.getParent());
        sheet = workbook.createSheet(sheetName);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        textStyle = workbook.createCellStyle();
        textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
        write(header.toArray());
    }

    @Override
    public int write(Object... cells) {
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value == null || value.toString().isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (i == textColumn) {
                cell.setCellStyle(textStyle);
                cell.setCellValue(value.toString());
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Integer n) {
                cell.setCellValue(n);
            } else if (value instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (value instanceof YearMonth || value instanceof String) {
                cell.setCellValue(value.toString());
            } else {
                throw new IllegalArgumentException("Unsupported cell " + value.getClass());
            }
        }
        return rowIndex;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public int rows() {
        return rowIndex - 1;
    }

    @Override
    public void close() throws IOException {
        Date fixed = Date.from(FIXED_TIME.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(fixed));
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("uppfoljning sampledata");
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (workbook; OutputStream out = Files.newOutputStream(temp)) {
            workbook.write(out); // close() also deletes SXSSF's temporary sheet files
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            rezip(temp, out);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Copies the zip entries in order with a fixed modification time (SXSSF stamps the clock). */
    private static void rezip(Path zip, OutputStream target) throws IOException {
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(target)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_TIME.atStartOfDay()); // no time zone involved
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
