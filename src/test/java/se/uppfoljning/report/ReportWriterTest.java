package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end through {@link ReportWriter}: the half-year dataset of {@link ReportDatasetFixture}
 * written once into a temporary out folder, then every file read back: tables.csv against the
 * format and the checker, the XLSX against tables.csv cell for cell, the PDF's text, run.json.
 */
class ReportWriterTest {

    @TempDir
    static Path out;
    static ReportDataset dataset;
    static ReportWriter.ReportFiles files;

    @BeforeAll
    static void writeOnce() throws IOException {
        dataset = ReportDatasetFixture.halfYear();
        files = new ReportWriter().write(dataset, ReportWriter.reportDir(out, dataset));
    }

    @Test
    void writesTheFourFilesIntoTheReportFolderAndNothingElse() throws IOException {
        Path dir = out.resolve("stockholmskraften/halvarsrapport/2026-H1");
        assertThat(files.tablesCsv()).isEqualTo(dir.resolve("tables.csv"));
        assertThat(files.xlsx()).isEqualTo(dir.resolve("halvarsrapport.xlsx"));
        assertThat(files.pdf()).isEqualTo(dir.resolve("halvarsrapport.pdf"));
        assertThat(files.runJson()).isEqualTo(dir.resolve("run.json"));
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("halvarsrapport.pdf", "halvarsrapport.xlsx", "run.json", "tables.csv");
        }
    }

    @Test
    void aFailedRunLeavesThePreviousFilesAsTheyWere(@TempDir Path dir) throws IOException {
        ReportWriter.ReportFiles first = new ReportWriter().write(dataset, dir);
        byte[] before = Files.readAllBytes(first.tablesCsv());
        ReportDataset broken = PdfReportRendererTest.copyWithReport(ReportDatasetFixture.monthly(), "halvarsrapport");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReportWriter().write(
                new ReportDataset("halvarsrapport", broken.job(), broken.executionId(), broken.projectId(), broken.projectName(),
                        broken.period(), broken.periodStart(), broken.periodEnd(), broken.asOf(), broken.specVersion(),
                        broken.suppressionThreshold(), List.of(new ReportCell("t", "PART_NEW", "total", "total", "totalt",
                        new java.math.BigDecimal("2.5"), false, "persons")), List.of(), null, List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), List.of()), dir))
                .hasMessageContaining("whole number");
        assertThat(Files.readAllBytes(first.tablesCsv())).isEqualTo(before);
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    // ---- tables.csv ---------------------------------------------------------------------------

    @Test
    void tablesCsvHasOneLinePerCellInTheDatasetsOrder() throws IOException {
        List<TablesCsv.Line> lines = TablesCsv.lines(files.tablesCsv());
        assertThat(lines).hasSize(dataset.cells().size());
        for (int i = 0; i < lines.size(); i++) {
            ReportCell cell = dataset.cells().get(i);
            TablesCsv.Line line = lines.get(i);
            assertThat(line.get("report_id")).isEqualTo("halvarsrapport");
            assertThat(line.get("table_id")).isEqualTo(cell.tableId());
            assertThat(line.get("indicator")).isEqualTo(cell.indicator());
            assertThat(line.get("gender")).isEqualTo(cell.gender());
            assertThat(line.get("suppressed")).isEqualTo(Boolean.toString(cell.suppressed()));
            assertThat(line.get("unit")).isEqualTo(cell.unit());
            if (cell.suppressed() || cell.value() == null) {
                assertThat(line.get("value")).isEmpty();
            } else {
                assertThat(new java.math.BigDecimal(line.get("value"))).isEqualByComparingTo(cell.value());
            }
        }
    }

    @Test
    void tablesCsvPassesTheChecksOfCheckTables() throws Exception {
        assertThat(TablesCsv.problems(files.tablesCsv(), 5)).isEmpty();
        String checker = TablesCsv.runChecker(out, 5);
        if (checker != null) {
            assertThat(checker).startsWith("exit 0").contains(" 0 problems");
        }
    }

    @Test
    void tablesCsvWritesNumbersAsSpecSevenSays() throws IOException {
        String csv = Files.readString(files.tablesCsv(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("report_id;table_id;indicator;breakdown;breakdown_value;gender;value;suppressed;unit\n")
                .doesNotContain("\r").doesNotStartWith("\uFEFF");
        List<TablesCsv.Line> lines = TablesCsv.lines(files.tablesCsv());
        assertThat(lines).anySatisfy(l -> assertThat(l.get("unit")).isEqualTo("share"));
        assertThat(lines).filteredOn(l -> l.get("unit").equals("share") && !l.get("value").isEmpty())
                .allSatisfy(l -> assertThat(l.get("value")).matches("0\\.\\d{4}|1\\.0000"));
        assertThat(lines).filteredOn(l -> l.get("unit").equals("years"))
                .isNotEmpty().allSatisfy(l -> assertThat(l.get("value")).matches("\\d+\\.\\d{2}"));
        assertThat(lines).filteredOn(l -> l.get("unit").equals("persons") && !l.get("value").isEmpty())
                .allSatisfy(l -> assertThat(l.get("value")).matches("\\d+"));
        assertThat(lines).filteredOn(TablesCsv.Line::suppressed).isNotEmpty()
                .allSatisfy(l -> assertThat(l.get("value")).isEmpty());
        assertThat(lines).filteredOn(l -> l.get("breakdown_value").contains("Hässelby")).isNotEmpty();
    }

    @Test
    void sameDatasetTwiceGivesByteIdenticalTablesCsv(@TempDir Path again) throws IOException {
        Path second = again.resolve("tables.csv");
        new TablesCsvWriter().write(ReportDatasetFixture.halfYear(), second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(files.tablesCsv()));
    }

    @Test
    void formulaInTheDataIsNeutralisedInTablesCsv() throws IOException {
        List<TablesCsv.Line> area = TablesCsv.lines(files.tablesCsv()).stream()
                .filter(l -> l.get("breakdown").equals("area") && l.get("breakdown_value").contains("HYPERLINK")).toList();
        assertThat(area).isNotEmpty().allSatisfy(l ->
                assertThat(l.get("breakdown_value")).isEqualTo("'" + ReportDatasetFixture.EVIL_AREA));
        // the raw line quotes the field (it holds quotes and a comma) and starts it with the apostrophe
        assertThat(Files.readString(files.tablesCsv())).contains(";\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Älvsjö\"\")\";");
    }

    // ---- XLSX ---------------------------------------------------------------------------------

    @Test
    void xlsxEqualsTablesCsvCellForCell() throws IOException {
        Map<String, String> sheetOfTable = new HashMap<>();
        try (Workbook workbook = openXlsx()) {
            Sheet about = workbook.getSheet(XlsxReportWriter.ABOUT_SHEET);
            assertThat(about).isNotNull();
            boolean inIndex = false;
            for (int r = 0; r <= about.getLastRowNum(); r++) {
                Row row = about.getRow(r);
                Cell first = row == null ? null : row.getCell(0);
                if (first == null || first.getStringCellValue().isEmpty()) {
                    inIndex = false;
                } else if (first.getStringCellValue().equals("Blad")) {
                    inIndex = true;
                } else if (inIndex) {
                    sheetOfTable.put(row.getCell(1).getStringCellValue(), first.getStringCellValue());
                }
            }
            int compared = 0;
            ReportLabels labels = ReportLabels.swedish();
            for (TablesCsv.Line line : TablesCsv.lines(files.tablesCsv())) {
                String sheetName = sheetOfTable.get(line.get("table_id"));
                assertThat(sheetName).as("sheet of table %s", line.get("table_id")).isNotNull();
                Sheet sheet = workbook.getSheet(sheetName);
                Row header = sheet.getRow(XlsxReportWriter.HEADER_ROW);
                int genderColumn = column(header, labels.gender(line.get("gender")));
                int indicatorId = column(header, "Indikator-ID");
                Row row = findRow(sheet, indicatorId, line);
                assertThat(row).as("row of %s", line.key()).isNotNull();
                assertThat(xlsxValue(row.getCell(genderColumn), line.get("unit")))
                        .as("cell %s", line.key())
                        .isEqualTo(line.suppressed() ? ".." : line.get("value"));
                compared++;
            }
            assertThat(compared).isEqualTo(dataset.cells().size());
            assertThat(workbook.getNumberOfSheets()).isEqualTo(sheetOfTable.size() + 1);
        }
    }

    @Test
    void xlsxNeutralisesFormulasAndWritesNoFormulaCell() throws IOException {
        try (Workbook workbook = openXlsx()) {
            int evil = 0;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            String text = cell.getStringCellValue();
                            assertThat(text).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                    .doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
                            if (text.contains("HYPERLINK")) {
                                assertThat(text).startsWith("'=");
                                evil++;
                            }
                        }
                    }
                }
            }
            assertThat(evil).isGreaterThan(0);
        }
    }

    @Test
    void xlsxSheetsAreNamedTitledFrozenAndNumeric() throws IOException {
        try (Workbook workbook = openXlsx()) {
            Set<String> names = new HashSet<>();
            for (Sheet sheet : workbook) {
                assertThat(sheet.getSheetName().length()).isLessThanOrEqualTo(31);
                assertThat(names.add(sheet.getSheetName().toLowerCase())).isTrue();
            }
            Sheet ages = workbook.getSheet("part_new_age_band");
            assertThat(ages.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Nya deltagare efter åldersgrupp");
            assertThat(ages.getPaneInformation().isFreezePane()).isTrue();
            assertThat(ages.getColumnWidth(0)).isGreaterThan(8 * 256);
            Row header = ages.getRow(XlsxReportWriter.HEADER_ROW);
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Kvinnor");
            Row thirties = ages.getRow(XlsxReportWriter.HEADER_ROW + 3);
            assertThat(thirties.getCell(2).getStringCellValue()).isEqualTo("30–54 år");
            Cell total = thirties.getCell(6);
            assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            // the previous period beside the period's figures
            assertThat(ages.getRow(2).getCell(7).getStringCellValue()).isEqualTo("Andra halvåret 2025");

            Sheet progression = workbook.getSheet("progression");
            Cell share = progression.getRow(XlsxReportWriter.HEADER_ROW + 1).getCell(6);
            assertThat(share.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            Cell years = workbook.getSheet("participant_years_total").getRow(XlsxReportWriter.HEADER_ROW + 1).getCell(6);
            assertThat(years.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @Test
    void xlsxMetadataSheetHasTheLineage() throws IOException {
        try (Workbook workbook = openXlsx()) {
            String about = text(workbook.getSheet(XlsxReportWriter.ABOUT_SHEET));
            assertThat(about).contains("Stockholmskraften (stockholmskraften)", "Första halvåret 2026 (2026-H1)",
                    "2026-07-15", "halfyear-report #42", "1.2", "Celler med 1–4 personer visas som ..",
                    dataset.extracts().get(0).sha256(), "bistånd_socialtjänsten_2026-06-30.xlsx",
                    "PROGRESSION", "Inget försörjningsstöd de tre kalendermånaderna efter avslutsmånaden.");
        }
    }

    // ---- PDF ----------------------------------------------------------------------------------

    @Test
    void pdfShowsTheHeadlineNumbersAndSwedishLetters() throws IOException {
        String text = PdfText.of(files.pdf());
        String newTotal = value("PART_NEW", "total", "total", "totalt");
        String activeTotal = value("PART_ACTIVE", "total", "total", "totalt");
        String endedWomen = value("PART_ENDED", "total", "total", "kvinna");
        assertThat(text).contains("Halvårsrapport", "Stockholmskraften", "Första halvåret 2026", "Andra halvåret 2025",
                "Nya deltagare", "Aktiva deltagare", "Kvinnor", "Män", "Icke-binära", "efter åldersgrupp", "efter försörjning vid start",
                "stadsdel/område", "Hässelby-Vällingby", "Arbetsförmedlingen", "Till arbete", "Utfall mot projektets mål",
                "Uppföljning Finsam", "Om rapporten", "Datauttag per 2026-07-15", "ej mätbar än", "..",
                dataset.extracts().get(0).sha256());
        assertThat(text).contains(newTotal, activeTotal, endedWomen);
        assertThat(text).contains("Sida 1 av");
    }

    @Test
    void pdfEmbedsDejaVuSansAndNoOtherFont() throws IOException {
        List<PdfText.Font> fonts = PdfText.fonts(files.pdf());
        assertThat(fonts).isNotEmpty();
        assertThat(fonts).anySatisfy(f -> assertThat(f.name()).contains("DejaVuSans"));
        assertThat(fonts).allSatisfy(f -> {
            assertThat(f.name()).contains("DejaVuSans");
            assertThat(f.embedded()).as("%s embedded", f.name()).isTrue();
        });
    }

    // ---- run.json -----------------------------------------------------------------------------

    @Test
    void runJsonHasTheLineageInAFixedOrder() throws IOException {
        String json = Files.readString(files.runJson());
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = root.propertyNames().iterator(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertThat(keys).startsWith("job", "execution_id", "project").contains("period", "as_of", "spec_version",
                "extracts", "suppression_threshold", "period_start", "period_end", "definitions", "outputs");
        assertThat(root.get("job").asString()).isEqualTo("halfyear-report");
        assertThat(root.get("execution_id").asLong()).isEqualTo(42);
        assertThat(root.get("as_of").asString()).isEqualTo("2026-07-15");
        JsonNode first = root.get("extracts").get(0);
        assertThat(first.get("source").asString()).isEqualTo("deltagare");
        assertThat(first.get("sha256").asString()).isEqualTo(dataset.extracts().get(0).sha256());
        assertThat(first.get("rows_read").asInt()).isEqualTo(first.get("rows_loaded").asInt() + first.get("rows_rejected").asInt());
        Map<String, String> outputs = new HashMap<>();
        root.get("outputs").forEach(o -> outputs.put(o.get("file").asString(), o.get("sha256").asString()));
        assertThat(outputs).containsEntry("tables.csv", ReportWriter.sha256(files.tablesCsv()))
                .containsEntry("halvarsrapport.xlsx", ReportWriter.sha256(files.xlsx()))
                .containsEntry("halvarsrapport.pdf", ReportWriter.sha256(files.pdf()));
        assertThat(json).doesNotContain("\r").endsWith("}\n");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Workbook openXlsx() throws IOException {
        try (InputStream in = Files.newInputStream(files.xlsx())) {
            return new XSSFWorkbook(in);
        }
    }

    /** The value of a cell in Swedish notation as the PDF shows it. */
    private static String value(String indicator, String breakdown, String breakdownValue, String gender) {
        ReportCell cell = dataset.cells().stream().filter(c -> c.indicator().equals(indicator)
                && c.breakdown().equals(breakdown) && c.breakdownValue().equals(breakdownValue)
                && c.gender().equals(gender)).findFirst().orElseThrow();
        return CellValues.display(cell, ReportLabels.swedish());
    }

    private static int column(Row header, String heading) {
        for (Cell cell : header) {
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(heading)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + heading);
    }

    private static Row findRow(Sheet sheet, int indicatorId, TablesCsv.Line line) {
        for (int r = XlsxReportWriter.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(indicatorId) != null
                    && row.getCell(indicatorId).getStringCellValue().equals(line.get("indicator"))
                    && row.getCell(indicatorId + 1).getStringCellValue().equals(line.get("breakdown"))
                    && row.getCell(indicatorId + 2).getStringCellValue().equals(line.get("breakdown_value"))) {
                return row;
            }
        }
        return null;
    }

    /** An XLSX cell written back in tables.csv's notation. */
    private static String xlsxValue(Cell cell, String unit) {
        if (cell.getCellType() == CellType.STRING) {
            String text = cell.getStringCellValue();
            return text.equals(DisclosureControl.SUPPRESSED_MARK) ? text : "";
        }
        return CellValues.csv(java.math.BigDecimal.valueOf(cell.getNumericCellValue()),
                DisclosureControl.Unit.fromCode(unit));
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                text.append(cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
                        : cell.getStringCellValue()).append('\t');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
