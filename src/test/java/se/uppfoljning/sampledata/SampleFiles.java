package se.uppfoljning.sampledata;

import com.opencsv.CSVParser;
import com.opencsv.CSVParserBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the generated extracts back for the tests: header, and rows with their line numbers. */
final class SampleFiles {

    /** One data row: its physical line (XLSX: sheet row) and its cells by column name. */
    record Line(int number, Map<String, String> cells) {
        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    record Extract(String path, List<String> header, List<Line> lines) {
    }

    private static final CSVParser PARSER = new CSVParserBuilder().withSeparator(';').build();

    private SampleFiles() {
    }

    /** All extract files below {@code out}, sorted by path ('/'-separated, relative). */
    static List<String> paths(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".csv") || p.endsWith(".xlsx"))
                    .sorted()
                    .toList();
        }
    }

    static Charset charset(String path) {
        return ("/" + path).contains("/bistand/") ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
    }

    static Extract read(Path out, String path) {
        try {
            return path.endsWith(".xlsx") ? readXlsx(out.resolve(path), path) : readCsv(out.resolve(path), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Extract readCsv(Path file, String path) throws IOException {
        String text = Files.readString(file, charset(path));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] physical = text.split("\r?\n", -1);
        List<String> header = List.of(PARSER.parseLine(physical[0]));
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < physical.length; i++) {
            if (!physical[i].isBlank()) {
                lines.add(new Line(i + 1, cells(header, PARSER.parseLine(physical[i]))));
            }
        }
        return new Extract(path, header, lines);
    }

    private static Extract readXlsx(Path file, String path) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            for (Cell c : sheet.getRow(0)) {
                header.add(c.getStringCellValue());
            }
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String[] values = new String[header.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = text(row.getCell(i));
                }
                lines.add(new Line(row.getRowNum() + 1, cells(header, values)));
            }
            return new Extract(path, header, lines);
        }
    }

    /** An XLSX cell as the CSV would have it: dates ISO, whole numbers without decimals. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double d = cell.getNumericCellValue();
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d).replace('.', ',');
        }
        return cell.getStringCellValue();
    }

    private static Map<String, String> cells(List<String> header, String[] values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            map.put(header.get(i), i < values.length && values[i] != null ? values[i] : "");
        }
        return map;
    }
}
