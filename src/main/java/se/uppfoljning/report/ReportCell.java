package se.uppfoljning.report;

import java.math.BigDecimal;

/**
 * One number of a report, after disclosure control: a cell of table {@code tableId} (one indicator ×
 * one breakdown, SPEC R29). {@code value} is null when suppressed or undefined (0/0). This is exactly
 * one line of tables.csv (SPEC §7), and every renderer shows the same cells.
 */
public record ReportCell(String tableId, String indicator, String breakdown, String breakdownValue, String gender,
                         BigDecimal value, boolean suppressed, String unit) {
}
