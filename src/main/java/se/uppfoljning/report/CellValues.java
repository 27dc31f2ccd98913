package se.uppfoljning.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import se.uppfoljning.report.DisclosureControl.Unit;

/**
 * How a value is written: in tables.csv for machines (SPEC §7: {@code .} decimal separator, counts as
 * integers, shares as fractions with 4 decimals, years with 2) and in the PDF for people (Swedish:
 * "1 234", "23,5 %", "12,35"), and what is shown in place of a value ({@code ..}, "ej mätbar än").
 */
final class CellValues {

    /** A no-break space: Swedish thousands separator, and between a number and its %. */
    static final char NBSP = '\u00a0';

    private CellValues() {
    }

    /** The {@code value} field of tables.csv: empty when suppressed or undefined. */
    static String csv(ReportCell cell) {
        if (cell.suppressed() || cell.value() == null) {
            return "";
        }
        return csv(cell.value(), Unit.fromCode(cell.unit()));
    }

    static String csv(BigDecimal value, Unit unit) {
        return switch (unit) {
            case PERSONS, EPISODES -> wholeNumber(value).toPlainString();
            case SHARE -> value.setScale(4, RoundingMode.HALF_UP).toPlainString();
            case YEARS -> value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        };
    }

    /** The number in Swedish notation, by unit; never a mark. */
    static String swedish(BigDecimal value, Unit unit) {
        return switch (unit) {
            case PERSONS, EPISODES -> format("#,##0", wholeNumber(value));
            case SHARE -> percent(value);
            case YEARS -> format("#,##0.00", value.setScale(2, RoundingMode.HALF_UP));
        };
    }

    /** A share (fraction) as a Swedish percentage with one decimal: 0.2345 → "23,5 %". */
    static String percent(BigDecimal fraction) {
        return format("#,##0.0", fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + NBSP + "%";
    }

    /** A plain Swedish number with at most {@code decimals} decimals. */
    static String number(BigDecimal value, int decimals) {
        String pattern = decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
        return format(pattern, value.setScale(decimals, RoundingMode.HALF_UP));
    }

    /**
     * What a person sees for a cell: its number, {@code ..} when suppressed, "ej mätbar än" when it
     * has no value because its base is 0 (SPEC §6), "–" when there is no such cell.
     */
    static String display(ReportCell cell, ReportLabels labels) {
        if (cell == null) {
            return labels.text("mark.missing", "–");
        }
        if (cell.suppressed()) {
            return DisclosureControl.SUPPRESSED_MARK;
        }
        if (cell.value() == null) {
            return labels.text("mark.not_measurable", "ej mätbar än");
        }
        return swedish(cell.value(), Unit.fromCode(cell.unit()));
    }

    private static BigDecimal wholeNumber(BigDecimal value) {
        try {
            return value.setScale(0, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a count must be a whole number, was " + value, e);
        }
    }

    private static String format(String pattern, BigDecimal value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(NBSP);
        symbols.setMinusSign('\u2212');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
