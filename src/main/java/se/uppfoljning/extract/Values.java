package se.uppfoljning.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of the cell formats SPEC §4 accepts, and the leniencies docs/extract-formats.md lists.
 * Each parser returns null for a value it rejects.
 */
final class Values {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    /** YYYY-MM-DD, optionally with a time of day as Excel writes date cells into CSV: "2025-01-10 00:00". */
    private static final Pattern ISO_SHAPE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)?");
    private static final Pattern COMPACT_SHAPE = Pattern.compile("\\d{8}");
    /** An Excel serial day number, as a date cell formatted as a number comes out in CSV. */
    private static final Pattern SERIAL_SHAPE = Pattern.compile("\\d{5}");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** Serial numbers are only taken as dates within 1990-01-01 .. 2099-12-31. */
    private static final int FIRST_SERIAL = 32_874;
    private static final int LAST_SERIAL = 73_050;
    /** Earlier dates are placeholders ("0000-01-01", "1899-12-31"), not dates of this follow-up. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final Pattern MONTH_SHAPE = Pattern.compile("(\\d{4})-?(\\d{2})");
    private static final Pattern NUMBER_SHAPE = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern CURRENCY = Pattern.compile("(?i)(kr\\.?|sek|:-)$");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00a0\\u2007\\u2009\\u202f]+");
    /** Excel's way of keeping leading zeros in CSV: ="0123". */
    private static final Pattern EXCEL_TEXT = Pattern.compile("^=\"(.*)\"$");

    private Values() {
    }

    static String unwrapExcelText(String v) {
        // nearly every cell is plain: only one that starts with = can be Excel's ="…"
        if (v.isEmpty() || v.charAt(0) != '=') return v;
        var m = EXCEL_TEXT.matcher(v);
        return m.matches() ? trim(m.group(1)) : v;
    }

    /** Whether a character is blank around a value: white space, no-break spaces, a BOM, control characters. */
    static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || c == '\uFEFF';
    }

    /** The value without blanks (also no-break spaces copied from web pages) around it. */
    static String trim(String v) {
        int from = 0;
        int to = v.length();
        while (from < to && blank(v.charAt(from))) from++;
        while (to > from && blank(v.charAt(to - 1))) to--;
        return v.substring(from, to);
    }

    /** Whether a cell holds nothing but blanks (a DOS end-of-file mark Ctrl-Z counts as blank). */
    static boolean isBlank(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (!blank(v.charAt(i))) return false;
        }
        return true;
    }

    static LocalDate date(String v) {
        LocalDate d = anyDate(v);
        return d == null || d.isBefore(EARLIEST) ? null : d;
    }

    private static LocalDate anyDate(String v) {
        if (isoDateShape(v)) {
            // the usual YYYY-MM-DD without a time of day, parsed without a regex or a formatter;
            // the same result as the strict ISO formatter below: no such date gives null
            try {
                return LocalDate.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            Matcher iso = ISO_SHAPE.matcher(v);
            if (iso.matches()) return LocalDate.parse(iso.group(1), ISO);
            if (COMPACT_SHAPE.matcher(v).matches()) return LocalDate.parse(v, COMPACT);
            if (SERIAL_SHAPE.matcher(v).matches()) {
                int serial = Integer.parseInt(v);
                return serial >= FIRST_SERIAL && serial <= LAST_SERIAL ? EXCEL_EPOCH.plusDays(serial) : null;
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static boolean isoDateShape(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') return false;
        return asciiDigits(v, 0, 4) && asciiDigits(v, 5, 7) && asciiDigits(v, 8, 10);
    }

    private static boolean asciiDigits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** The number of the ASCII digits v[from, to), which the caller has checked. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) n = n * 10 + (v.charAt(i) - '0');
        return n;
    }

    /** YYYY-MM or YYYYMM; a full date (e.g. an Excel date cell) stands for its month. */
    static YearMonth month(String v) {
        if (v.length() == 7 && v.charAt(4) == '-' && asciiDigits(v, 0, 4) && asciiDigits(v, 5, 7)) {
            int month = digits(v, 5, 7); // the usual YYYY-MM, without a regex
            return month >= 1 && month <= 12 ? YearMonth.of(digits(v, 0, 4), month) : null;
        }
        var m = MONTH_SHAPE.matcher(v);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? YearMonth.of(Integer.parseInt(m.group(1)), month) : null;
        }
        LocalDate d = date(v);
        return d == null ? null : YearMonth.from(d);
    }

    /**
     * An amount as people type it: decimal comma or point; blanks (also no-break) as thousands
     * separators; with both a comma and a point, the last one is the decimal separator and the other
     * must group thousands ("1.234,50", "1,234.50"); a separator that occurs more than once must group
     * thousands ("1.234.567"); a Unicode minus; "kr", "SEK" or ":-" after the number.
     */
    static BigDecimal decimal(String v) {
        BigDecimal plain = plainDecimal(v);
        if (plain != null) return plain;
        String s = BLANKS.matcher(v).replaceAll("").replace('\u2212', '-');
        s = CURRENCY.matcher(s).replaceFirst("");
        int comma = s.lastIndexOf(',');
        int point = s.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            char decimal = comma > point ? ',' : '.';
            char group = decimal == ',' ? '.' : ',';
            int at = Math.max(comma, point);
            String whole = s.substring(0, at);
            if (!grouped(whole, group)) return null;
            s = whole.replace(String.valueOf(group), "") + "." + s.substring(at + 1);
        } else if (comma >= 0 || point >= 0) {
            char sep = comma >= 0 ? ',' : '.';
            if (s.indexOf(sep) != s.lastIndexOf(sep)) {
                if (!grouped(s, sep)) return null;
                s = s.replace(String.valueOf(sep), "");
            } else {
                s = s.replace(sep, '.');
            }
        }
        if (!NUMBER_SHAPE.matcher(s).matches()) return null;
        return new BigDecimal(s);
    }

    /**
     * The common shape, [+-]digits with at most one decimal comma or point and nothing else, without
     * regular expressions; null for anything else, which the general rules above then decide. For
     * these values they give the same number.
     */
    private static BigDecimal plainDecimal(String v) {
        int n = v.length();
        int i = 0;
        if (n > 0 && (v.charAt(0) == '+' || v.charAt(0) == '-')) i = 1;
        int firstDigit = i;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') i++;
        if (i == firstDigit) return null;
        if (i == n) return new BigDecimal(v);
        char sep = v.charAt(i);
        if (sep != ',' && sep != '.') return null;
        int afterSep = ++i;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') i++;
        if (i != n) return null;
        if (afterSep == n) return new BigDecimal(v.substring(0, n - 1));
        return new BigDecimal(sep == ',' ? v.replace(',', '.') : v);
    }

    /** Digits in groups of three after the first, separated by {@code sep}: "1.234.567". */
    private static boolean grouped(String s, char sep) {
        String q = Pattern.quote(String.valueOf(sep));
        return s.matches("[+-]?\\d{1,3}(" + q + "\\d{3})+");
    }
}
