package se.uppfoljning.report;

import java.util.List;
import java.util.Map;

import se.uppfoljning.report.TableLayout.CellKey;

/**
 * The figures shown beside the period's own in the PDF and the XLSX: for the monthly report the
 * year so far, for the ESF report the project's whole lifetime (both {@link ReportDataset#cumulative()}),
 * for the Finsam reports the previous period ({@link ReportDataset#previous()}). A report whose
 * dataset carries no cumulative figures falls back to the previous period.
 */
record Comparison(String heading, Map<CellKey, ReportCell> cells) {

    static Comparison of(ReportDataset dataset, ReportLabels labels) {
        List<ReportCell> cumulative = dataset.cumulative() == null ? List.of() : dataset.cumulative();
        if (!cumulative.isEmpty() && "manadsrapport".equals(dataset.reportId())) {
            return new Comparison(labels.text("column.year_to_date", "Hittills i år"), TableLayout.index(cumulative));
        }
        if (!cumulative.isEmpty() && "esf-indikatorer".equals(dataset.reportId())) {
            return new Comparison(labels.text("column.lifetime", "Hela projekttiden"), TableLayout.index(cumulative));
        }
        List<ReportCell> previous = dataset.previous() == null ? List.of() : dataset.previous();
        String heading = dataset.previousPeriod() == null || dataset.previousPeriod().isEmpty()
                ? labels.text("column.previous", "Föregående period")
                : labels.period(dataset.previousPeriod());
        return new Comparison(heading, TableLayout.index(previous));
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    ReportCell find(String indicator, String breakdown, String breakdownValue, String gender) {
        return cells.get(new CellKey(indicator, breakdown, breakdownValue, gender));
    }
}
