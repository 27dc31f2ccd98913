package se.uppfoljning.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cells of a report arranged as people read them: one {@link Table} per {@code table_id}, rows
 * = indicator × breakdown value, columns = genders. Order is the dataset's order throughout, so a
 * table reads like tables.csv. Also looks up the comparison figure (previous period or cumulative)
 * for a cell.
 */
final class TableLayout {

    /** Report genders in column order (SPEC §3). */
    static final List<String> GENDERS = List.of("kvinna", "man", "ickebinar", "totalt");

    /** One row: one indicator and breakdown value, its cells by gender. */
    record Row(String indicator, String breakdown, String breakdownValue, String unit, Map<String, ReportCell> cells) {
        ReportCell cell(String gender) {
            return cells.get(gender);
        }
    }

    record Table(String tableId, List<Row> rows, List<String> genders) {
    }

    /** Key of a cell without its table: what the same figure is called in another period. */
    record CellKey(String indicator, String breakdown, String breakdownValue, String gender) {
        static CellKey of(ReportCell cell) {
            return new CellKey(cell.indicator(), cell.breakdown(), cell.breakdownValue(), cell.gender());
        }
    }

    private TableLayout() {
    }

    static List<Table> tables(List<ReportCell> cells) {
        Map<String, Map<List<String>, Map<String, ReportCell>>> byTable = new LinkedHashMap<>();
        Map<String, Set<String>> genders = new HashMap<>();
        for (ReportCell cell : cells) {
            Map<List<String>, Map<String, ReportCell>> rows = byTable.computeIfAbsent(cell.tableId(), t -> new LinkedHashMap<>());
            List<String> rowKey = List.of(cell.indicator(), cell.breakdown(), cell.breakdownValue(), cell.unit());
            rows.computeIfAbsent(rowKey, k -> new LinkedHashMap<>()).put(cell.gender(), cell);
            genders.computeIfAbsent(cell.tableId(), t -> new LinkedHashSet<>(GENDERS)).add(cell.gender());
        }
        List<Table> tables = new ArrayList<>();
        byTable.forEach((tableId, rows) -> {
            List<Row> list = new ArrayList<>();
            rows.forEach((key, byGender) -> list.add(new Row(key.get(0), key.get(1), key.get(2), key.get(3), byGender)));
            tables.add(new Table(tableId, list, List.copyOf(genders.get(tableId))));
        });
        return tables;
    }

    static Map<CellKey, ReportCell> index(List<ReportCell> cells) {
        Map<CellKey, ReportCell> index = new HashMap<>();
        for (ReportCell cell : cells) {
            index.putIfAbsent(CellKey.of(cell), cell);
        }
        return index;
    }

    /** "Nya deltagare efter åldersgrupp"; several indicators: their labels, at most three. */
    static String title(Table table, ReportLabels labels) {
        Set<String> indicators = new LinkedHashSet<>();
        Set<String> breakdowns = new LinkedHashSet<>();
        for (Row row : table.rows()) {
            indicators.add(row.indicator());
            if (!DisclosureControl.TOTAL.equals(row.breakdown())) {
                breakdowns.add(row.breakdown());
            }
        }
        String override = labels.text("table." + table.tableId(), (String) null);
        if (override != null) {
            return override;
        }
        List<String> names = new ArrayList<>();
        for (String indicator : indicators) {
            names.add(labels.indicator(indicator));
        }
        String title = names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + " m.fl.";
        if (breakdowns.size() == 1) {
            title += " " + labels.text("title.by", "efter") + " "
                    + labels.breakdown(breakdowns.iterator().next()).toLowerCase(java.util.Locale.ROOT);
        }
        return title;
    }
}
