package se.uppfoljning.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.uppfoljning.report.DisclosureControl.Unit;
import se.uppfoljning.report.TableLayout.Table;

/**
 * Writes {@code <report-id>.xlsx}: one sheet per table of tables.csv (named by its {@code table_id}),
 * with the Swedish title in the first row, the period's figures by gender, the comparison figures
 * (previous period, year so far or lifetime; see {@link Comparison}) beside them, and the IDs of
 * tables.csv in the last columns; then an "Om rapporten" sheet. Numbers are numeric cells (counts
 * {@code #,##0}, shares {@code 0.0%}, years {@code #,##0.00}: Excel shows them in Swedish notation
 * on a Swedish machine); a suppressed cell is the text {@code ..}, a value without a base is
 * "ej mätbar än". Every text cell goes through {@link FormulaGuard}.
 *
 * <p>XSSF rather than SXSSF: a report has hundreds of cells, not millions, and XSSF keeps
 * everything in memory, so there are no temporary files to share or clean up.
 */
public final class XlsxReportWriter {

    public static final String ABOUT_SHEET = "Om rapporten";
    /** Row index of the column headings in a table sheet; data starts on the next row. */
    static final int HEADER_ROW = 3;

    private final ReportLabels labels;

    public XlsxReportWriter(ReportLabels labels) {
        this.labels = labels;
    }

    public static String fileName(ReportDataset dataset) {
        return dataset.reportId() + ".xlsx";
    }

    public void write(ReportDataset dataset, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(dataset, out);
        }
    }

    public void write(ReportDataset dataset, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Comparison comparison = Comparison.of(dataset, labels);
            Set<String> usedNames = new HashSet<>();
            usedNames.add(ABOUT_SHEET.toLowerCase(Locale.ROOT));
            List<String[]> index = new ArrayList<>();
            for (Table table : TableLayout.tables(dataset.cells())) {
                String name = sheetName(table.tableId(), usedNames);
                String title = TableLayout.title(table, labels);
                writeTable(workbook.createSheet(name), table, title, dataset, comparison, styles);
                index.add(new String[] {name, table.tableId(), title});
            }
            writeAbout(workbook.createSheet(ABOUT_SHEET), dataset, index, styles);
            workbook.getProperties().getCoreProperties().setTitle(labels.report(dataset.reportId()) + " "
                    + dataset.projectName() + " " + dataset.period());
            workbook.write(out);
        }
    }

    /** A sheet name from the table id: Excel's forbidden characters replaced, ≤ 31 characters, unique. */
    static String sheetName(String tableId, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(tableId == null || tableId.isBlank() ? "tabell" : tableId, '_');
        String name = base;
        for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "~" + n;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private void writeTable(Sheet sheet, Table table, String title, ReportDataset dataset, Comparison comparison,
                            Styles styles) {
        List<String> genders = table.genders();
        boolean compare = !comparison.isEmpty();
        int currentFirst = 3;
        int otherFirst = currentFirst + genders.size();
        int idFirst = otherFirst + (compare ? genders.size() : 0) + 1;
        Widths widths = new Widths();

        text(sheet, 0, 0, title, styles.title, widths, false);
        text(sheet, 1, 0, subtitle(dataset, table.tableId()), styles.plain, widths, false);

        text(sheet, 2, currentFirst, labels.period(dataset.period()), styles.blockHeader, widths, false);
        if (genders.size() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(2, 2, currentFirst, otherFirst - 1));
        }
        if (compare) {
            text(sheet, 2, otherFirst, comparison.heading(), styles.blockHeader, widths, false);
            if (genders.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(2, 2, otherFirst, otherFirst + genders.size() - 1));
            }
        }
        List<String> headings = new ArrayList<>(List.of(labels.text("column.indicator", "Indikator"),
                labels.text("column.breakdown", "Indelning"), labels.text("column.group", "Grupp")));
        for (String gender : genders) {
            headings.add(labels.gender(gender));
        }
        if (compare) {
            for (String gender : genders) {
                headings.add(labels.gender(gender));
            }
        }
        headings.addAll(List.of(labels.text("column.unit", "Enhet"), labels.text("column.indicator_id", "Indikator-ID"),
                labels.text("column.breakdown_id", "Indelning-ID"), labels.text("column.group_id", "Grupp-ID")));
        for (int c = 0; c < headings.size(); c++) {
            text(sheet, HEADER_ROW, c, headings.get(c), c >= currentFirst && c < idFirst - 1 ? styles.headerRight
                    : styles.header, widths, true);
        }

        int r = HEADER_ROW + 1;
        boolean anySuppressed = false;
        for (TableLayout.Row row : table.rows()) {
            text(sheet, r, 0, labels.indicator(row.indicator()), styles.plain, widths, true);
            text(sheet, r, 1, labels.breakdown(row.breakdown()), styles.plain, widths, true);
            text(sheet, r, 2, labels.breakdownValue(row.breakdown(), row.breakdownValue()), styles.plain, widths, true);
            for (int g = 0; g < genders.size(); g++) {
                ReportCell cell = row.cell(genders.get(g));
                anySuppressed |= cell != null && cell.suppressed();
                value(sheet, r, currentFirst + g, cell, styles, widths);
                if (compare) {
                    ReportCell other = comparison.find(row.indicator(), row.breakdown(), row.breakdownValue(), genders.get(g));
                    value(sheet, r, otherFirst + g, other, styles, widths);
                }
            }
            text(sheet, r, idFirst - 1, labels.unit(row.unit()), styles.plain, widths, true);
            text(sheet, r, idFirst, row.indicator(), styles.code, widths, true);
            text(sheet, r, idFirst + 1, row.breakdown(), styles.code, widths, true);
            text(sheet, r, idFirst + 2, row.breakdownValue(), styles.code, widths, true);
            r++;
        }
        if (anySuppressed) {
            text(sheet, r + 1, 0, labels.text("about.legend_text", ""), styles.note, widths, false);
        }
        sheet.createFreezePane(3, HEADER_ROW + 1);
        widths.apply(sheet, idFirst + 3);
    }

    private String subtitle(ReportDataset dataset, String tableId) {
        return dataset.projectName() + " · " + labels.report(dataset.reportId()) + " · "
                + labels.period(dataset.period()) + " (" + dataset.periodStart() + "–" + dataset.periodEnd() + ") · "
                + labels.text("about.as_of", "Datauttag per") + " " + dataset.asOf() + " · "
                + labels.text("about.table_id", "Tabell-ID") + " " + tableId;
    }

    private void value(Sheet sheet, int r, int c, ReportCell cell, Styles styles, Widths widths) {
        if (cell == null || cell.suppressed() || cell.value() == null) {
            text(sheet, r, c, CellValues.display(cell, labels), styles.mark, widths, true);
            return;
        }
        Unit unit = Unit.fromCode(cell.unit());
        Cell out = row(sheet, r).createCell(c);
        out.setCellValue(cell.value().doubleValue());
        out.setCellStyle(switch (unit) {
            case PERSONS, EPISODES -> styles.count;
            case SHARE -> styles.share;
            case YEARS -> styles.years;
        });
        widths.see(c, CellValues.swedish(cell.value(), unit).length() + 2);
    }

    private void writeAbout(Sheet sheet, ReportDataset dataset, List<String[]> index, Styles styles) {
        Widths widths = new Widths();
        int r = 0;
        text(sheet, r++, 0, labels.text("page.about", "Om rapporten") + ": " + labels.report(dataset.reportId()),
                styles.title, widths, false);
        r++;
        for (String[] line : AboutFacts.facts(dataset, labels)) {
            text(sheet, r, 0, line[0], styles.header, widths, true);
            text(sheet, r++, 1, line[1], styles.plain, widths, false);
        }
        r++;
        text(sheet, r++, 0, labels.text("about.tables", "Tabeller"), styles.section, widths, false);
        r = grid(sheet, r, List.of(labels.text("about.sheet", "Blad"), labels.text("about.table_id", "Tabell-ID"),
                labels.text("about.contents", "Innehåll")), index, styles, widths);
        r++;
        text(sheet, r++, 0, labels.text("about.extracts", "Extrakt"), styles.section, widths, false);
        List<String[]> extracts = new ArrayList<>();
        for (ReportDataset.ExtractLineage e : dataset.extracts()) {
            extracts.add(new String[] {e.source(), e.file(), e.sha256(), Integer.toString(e.rowsRead()),
                    Integer.toString(e.rowsLoaded()), Integer.toString(e.rowsRejected()), e.status()});
        }
        r = grid(sheet, r, List.of(labels.text("about.source", "Källa"), labels.text("about.file", "Fil"),
                labels.text("about.sha256", "SHA-256"), labels.text("column.rows_read", "Lästa"),
                labels.text("column.rows_loaded", "Inlästa"), labels.text("column.rows_rejected", "Avvisade"),
                labels.text("column.status", "Status")), extracts, styles, widths);
        r++;
        text(sheet, r++, 0, labels.text("about.definitions", "Definitioner"), styles.section, widths, false);
        List<String[]> definitions = new ArrayList<>();
        for (ReportDataset.Definition d : dataset.definitions()) {
            definitions.add(new String[] {d.id(), d.textSv(), d.textEn()});
        }
        grid(sheet, r, List.of("ID", labels.text("about.definition_sv", "Svenska"),
                labels.text("about.definition_en", "English")), definitions, styles, widths);
        widths.apply(sheet, 7);
    }

    private int grid(Sheet sheet, int r, List<String> headings, List<String[]> lines, Styles styles, Widths widths) {
        for (int c = 0; c < headings.size(); c++) {
            text(sheet, r, c, headings.get(c), styles.header, widths, true);
        }
        r++;
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                text(sheet, r, c, line[c], styles.wrap, widths, true);
            }
            r++;
        }
        return r;
    }

    /** A text cell; the text is neutralised so that no spreadsheet reads it as a formula. */
    private static void text(Sheet sheet, int r, int c, String text, CellStyle style, Widths widths, boolean sized) {
        Cell cell = row(sheet, r).createCell(c);
        String safe = text == null ? "" : FormulaGuard.neutralise(text);
        cell.setCellValue(safe);
        cell.setCellStyle(style);
        if (sized) {
            widths.see(c, safe.length() + 2);
        }
    }

    private static Row row(Sheet sheet, int r) {
        Row row = sheet.getRow(r);
        return row != null ? row : sheet.createRow(r);
    }

    /** Column widths from the longest text seen, between 8 and 60 characters. */
    private static final class Widths {
        private final Map<Integer, Integer> chars = new HashMap<>();

        void see(int column, int length) {
            chars.merge(column, length, Math::max);
        }

        void apply(Sheet sheet, int columns) {
            for (int c = 0; c < columns; c++) {
                int width = Math.max(8, Math.min(60, chars.getOrDefault(c, 8)));
                sheet.setColumnWidth(c, width * 256);
            }
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle section;
        final CellStyle plain;
        final CellStyle wrap;
        final CellStyle note;
        final CellStyle header;
        final CellStyle headerRight;
        final CellStyle blockHeader;
        final CellStyle code;
        final CellStyle count;
        final CellStyle share;
        final CellStyle years;
        final CellStyle mark;

        Styles(XSSFWorkbook workbook) {
            DataFormat format = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = workbook.createFont();
            grey.setColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_50_PERCENT.getIndex());
            Font italic = workbook.createFont();
            italic.setItalic(true);

            title = workbook.createCellStyle();
            title.setFont(big);
            section = workbook.createCellStyle();
            section.setFont(bold);
            plain = workbook.createCellStyle();
            wrap = workbook.createCellStyle();
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            wrap.setWrapText(true);
            note = workbook.createCellStyle();
            note.setFont(italic);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            headerRight = workbook.createCellStyle();
            headerRight.cloneStyleFrom(header);
            headerRight.setAlignment(HorizontalAlignment.RIGHT);
            blockHeader = workbook.createCellStyle();
            blockHeader.setFont(bold);
            blockHeader.setAlignment(HorizontalAlignment.CENTER);
            code = workbook.createCellStyle();
            code.setFont(grey);
            count = numeric(workbook, format.getFormat("#,##0"));
            share = numeric(workbook, format.getFormat("0.0%"));
            years = numeric(workbook, format.getFormat("#,##0.00"));
            mark = workbook.createCellStyle();
            mark.setAlignment(HorizontalAlignment.RIGHT);
        }

        private static CellStyle numeric(XSSFWorkbook workbook, short format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            return style;
        }
    }
}
