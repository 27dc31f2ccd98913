package se.uppfoljning.extract;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import com.github.pjfanning.xlsx.StreamingReader;

/**
 * The first sheet of an XLSX extract through excel-streaming-reader (POI's streaming SAX parsing
 * behind a row iterator), so a large sheet is never held in memory. POI's zip-bomb limits apply.
 * Date cells become ISO dates and numbers plain digits (a personnummer typed as a number must not
 * turn into 1.9121212E11).
 */
public final class XlsxTableReader implements TableReader {
    private final String fileName;
    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final List<String> header;
    private final int width;

    public XlsxTableReader(Path file) throws ExtractFileException {
        this.fileName = file.getFileName().toString();
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(file.toFile());
            if (workbook.getNumberOfSheets() == 0) throw new ExtractFileException(
                    fileName + " har inget kalkylblad. Leverera filen igen.",
                    fileName + " has no sheet. Deliver the file again.");
            this.rows = workbook.getSheetAt(0).iterator();
            Row first = null;
            while (rows.hasNext() && first == null) {
                Row r = rows.next();
                if (!TableReader.blank(cells(r, r.getLastCellNum()))) first = r;
            }
            if (first == null) throw new ExtractFileException(
                    fileName + " är tom: första bladet saknar rubrikrad. Leverera filen igen med rubrikrad och rader.",
                    fileName + " is empty: its first sheet has no header row. Deliver the file again with a header and rows.");
            String[] names = cells(first, first.getLastCellNum());
            List<String> h = new ArrayList<>();
            for (String n : names) h.add(n == null ? "" : n.strip());
            this.header = List.copyOf(h);
            this.width = names.length;
        } catch (ExtractFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRecord next() throws ExtractFileException {
        try {
            while (rows.hasNext()) {
                Row r = rows.next();
                String[] cells = cells(r, Math.max(width, r.getLastCellNum()));
                if (!TableReader.blank(cells) && !TableReader.repeatsHeader(header, cells)) {
                    return new RawRecord(r.getRowNum() + 1, cells);
                }
            }
            return null;
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static String[] cells(Row row, int width) {
        String[] out = new String[Math.max(width, 0)];
        for (Cell cell : row) {
            int i = cell.getColumnIndex();
            if (i < out.length) out[i] = text(cell);
        }
        return out;
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            // PostgreSQL text cannot hold NUL, which a cell can (_x0000_ in the sheet's XML)
            case STRING -> cell.getStringCellValue().replace("\u0000", "");
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> null;
        };
    }

    private ExtractFileException unreadable(RuntimeException e) {
        if (zipBomb(e)) return new ExtractFileException(
                fileName + " avvisades: den packas upp till mångdubbelt sin storlek (som en zip-bomb) och lästes därför inte"
                        + " (POI:s gräns för packningsgrad). Öppna och spara den i Excel som .xlsx, eller som CSV UTF-8, och"
                        + " leverera den igen.",
                fileName + " was refused: it unpacks to many times its size (like a zip bomb), so it was not read"
                        + " (POI's limit on the compression ratio). Open and save it in Excel as .xlsx, or as CSV UTF-8,"
                        + " and deliver it again.");
        return new ExtractFileException(
                fileName + " kan inte läsas som XLSX (" + e.getClass().getSimpleName()
                        + "). Filen kan vara lösenordsskyddad, skadad, för stor uppackad eller en annan filtyp med ändelsen .xlsx."
                        + " Spara den som en vanlig .xlsx utan lösenord (eller som CSV) och leverera den igen.",
                fileName + " cannot be read as XLSX (" + e.getClass().getSimpleName()
                        + "). It may be password-protected, damaged, too large when unpacked, or another file type named .xlsx."
                        + " Save it as a plain .xlsx without password (or as CSV) and deliver it again.", e);
    }

    /** POI's ZipSecureFile refused an entry: too high a compression ratio or too large unpacked. */
    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb detected") || m.contains("ZipSecureFile"))) return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        if (workbook != null) workbook.close();
    }
}
