package se.uppfoljning.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Parsing of the cell formats SPEC §4 accepts. Each parser returns null for a value it rejects. */
final class Values {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern COMPACT_SHAPE = Pattern.compile("\\d{8}");
    private static final Pattern MONTH_SHAPE = Pattern.compile("(\\d{4})-?(\\d{2})");
    private static final Pattern NUMBER_SHAPE = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");
    /** Excel's way of keeping leading zeros in CSV: ="0123". */
    private static final Pattern EXCEL_TEXT = Pattern.compile("^=\"(.*)\"$");

    private Values() {
    }

    static String unwrapExcelText(String v) {
        var m = EXCEL_TEXT.matcher(v);
        return m.matches() ? m.group(1).strip() : v;
    }

    static LocalDate date(String v) {
        try {
            if (ISO_SHAPE.matcher(v).matches()) return LocalDate.parse(v, ISO);
            if (COMPACT_SHAPE.matcher(v).matches()) return LocalDate.parse(v, COMPACT);
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** YYYY-MM or YYYYMM; a full date (e.g. an Excel date cell) stands for its month. */
    static YearMonth month(String v) {
        var m = MONTH_SHAPE.matcher(v);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? YearMonth.of(Integer.parseInt(m.group(1)), month) : null;
        }
        LocalDate d = date(v);
        return d == null ? null : YearMonth.from(d);
    }

    /** Decimal comma or point; blanks (also non-breaking) as thousands separators: "1 234,50". */
    static BigDecimal decimal(String v) {
        String s = v.replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        if (s.contains(",") && s.contains(".")) s = s.replace(".", "");
        if (!NUMBER_SHAPE.matcher(s).matches()) return null;
        return new BigDecimal(s.replace(',', '.'));
    }
}
