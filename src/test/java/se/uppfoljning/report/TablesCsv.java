package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;

/**
 * Reads tables.csv back and checks it as shared/tools/check_tables.py does (SPEC §7, §8, §11): the
 * format of every line, no visible small count, no row with a lone suppressed cell, breakdowns that
 * add up to their total. Where the checker itself is at hand (CI has shared/ beside the clone) and
 * python3 runs, it is run too.
 */
final class TablesCsv {

    static final List<String> HEADER = List.of("report_id", "table_id", "indicator", "breakdown", "breakdown_value",
            "gender", "value", "suppressed", "unit");
    private static final Set<String> GENDERS = Set.of("kvinna", "man", "ickebinar", "totalt");
    private static final Set<String> UNITS = Set.of("persons", "episodes", "share", "years");
    private static final Set<String> BREAKDOWNS = Set.of("total", "age_band", "age_band_fine", "team", "area", "referrer",
            "support_group_start", "education", "long_term_unemployed", "disability");

    /** One line of tables.csv by field name. */
    record Line(Map<String, String> fields) {
        String get(String name) {
            return fields.get(name);
        }

        boolean suppressed() {
            return "true".equals(get("suppressed"));
        }

        List<String> key() {
            return List.of(get("table_id"), get("indicator"), get("breakdown"), get("breakdown_value"), get("gender"));
        }
    }

    private TablesCsv() {
    }

    static List<List<String>> rows(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new CSVParserBuilder().withSeparator(';').build()).build()) {
            List<List<String>> rows = new ArrayList<>();
            for (String[] row : csv.readAll()) {
                rows.add(List.of(row));
            }
            return rows;
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }

    static List<Line> lines(Path file) throws IOException {
        List<List<String>> rows = rows(file);
        assertThat(rows.get(0)).isEqualTo(HEADER);
        List<Line> lines = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(HEADER.size());
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < HEADER.size(); i++) {
                fields.put(HEADER.get(i), row.get(i));
            }
            lines.add(new Line(fields));
        }
        return lines;
    }

    /** The checks of check_tables.py that do not need the project file; returns the problems found. */
    static List<String> problems(Path file, int threshold) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Line> lines = lines(file);
        Set<List<String>> seen = new HashSet<>();
        Map<List<String>, Map<String, Line>> rowsets = new LinkedHashMap<>();
        Map<List<String>, Line> totals = new HashMap<>();
        for (Line l : lines) {
            String where = l.key().toString();
            if (!GENDERS.contains(l.get("gender"))) problems.add(where + ": unknown gender");
            if (!UNITS.contains(l.get("unit"))) problems.add(where + ": unknown unit");
            if (!BREAKDOWNS.contains(l.get("breakdown"))) problems.add(where + ": unknown breakdown");
            if ("total".equals(l.get("breakdown")) && !"total".equals(l.get("breakdown_value"))) problems.add(where + ": total row needs total");
            if (!Set.of("true", "false").contains(l.get("suppressed"))) problems.add(where + ": suppressed must be true/false");
            String value = l.get("value");
            Double v = null;
            if (!value.isEmpty()) {
                try {
                    v = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    problems.add(where + ": not a number: " + value);
                }
                if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) problems.add(where + ": not in the . notation: " + value);
            }
            if (l.suppressed() && !value.isEmpty()) problems.add(where + ": suppressed cell shows a value");
            String unit = l.get("unit");
            if (v != null && "share".equals(unit) && (v < 0 || v > 1 || !value.matches("[01]\\.[0-9]{4}"))) problems.add(where + ": share not a fraction with 4 decimals");
            if (v != null && "years".equals(unit) && !value.matches("[0-9]+\\.[0-9]{2}")) problems.add(where + ": years not with 2 decimals");
            if (v != null && Set.of("persons", "episodes").contains(unit) && !value.matches("[0-9]+")) problems.add(where + ": count not a whole number");
            if (threshold > 0 && v != null && Set.of("persons", "episodes").contains(unit) && v > 0 && v < threshold) problems.add(where + ": visible count below the threshold");
            if (!seen.add(l.key())) problems.add(where + ": duplicate cell");
            rowsets.computeIfAbsent(List.of(l.get("table_id"), l.get("indicator"), l.get("breakdown"), l.get("breakdown_value")),
                    k -> new LinkedHashMap<>()).put(l.get("gender"), l);
            if ("total".equals(l.get("breakdown"))) totals.put(List.of(l.get("indicator"), l.get("gender")), l);
        }
        if (threshold > 0) {
            rowsets.forEach((k, row) -> {
                long suppressed = row.values().stream().filter(Line::suppressed).count();
                if (suppressed == 1) problems.add(k + ": exactly one suppressed cell in the row");
            });
        }
        // breakdowns add up to the total row when nothing in them is suppressed (persons)
        Map<List<String>, List<Line>> columns = new LinkedHashMap<>();
        for (Line l : lines) {
            if (!"total".equals(l.get("breakdown"))) {
                columns.computeIfAbsent(List.of(l.get("indicator"), l.get("breakdown"), l.get("gender")), k -> new ArrayList<>()).add(l);
            }
        }
        columns.forEach((k, column) -> {
            Line total = totals.get(List.of(k.get(0), k.get(2)));
            if (total == null || !"persons".equals(total.get("unit")) || total.suppressed() || total.get("value").isEmpty()) return;
            if (column.stream().anyMatch(l -> l.suppressed() || l.get("value").isEmpty())) return;
            double sum = column.stream().mapToDouble(l -> Double.parseDouble(l.get("value"))).sum();
            if (Math.abs(sum - Double.parseDouble(total.get("value"))) > 1e-9) problems.add(k + ": sums to " + sum + ", total " + total.get("value"));
        });
        return problems;
    }

    /** shared/tools/check_tables.py beside the clone (CI) or above this worktree, if there is one. */
    static Path checker() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/tools/check_tables.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs the checker on {@code outDir}; null when it or python3 is not at hand, else its exit code and output. */
    static String runChecker(Path outDir, int threshold) throws IOException, InterruptedException {
        Path checker = checker();
        if (checker == null) {
            return null;
        }
        Process process;
        try {
            process = new ProcessBuilder("python3", checker.toString(), outDir.toString(), "--threshold",
                    Integer.toString(threshold)).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            return null;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timeout\n" + output;
        }
        return "exit " + process.exitValue() + "\n" + output;
    }
}
