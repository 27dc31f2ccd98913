package se.uppfoljning.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.uppfoljning.identity.InvalidPersonnummerException.Reason;

/**
 * A valid Swedish personnummer or samordningsnummer (SPEC §3), held as its 12 digits.
 *
 * <p>{@link #toString()} is masked so that string concatenation can never put a number into a log
 * line or an exception message; use {@link #value()} where the digits are really needed.
 */
public final class Personnummer {
    // Hand-typed lists contain spaces anywhere, including no-break spaces copied from spreadsheets.
    private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern ANY_DIGIT = Pattern.compile("\\p{Nd}");
    private static final int COORDINATION_DAY_OFFSET = 60;
    private static final String HIDDEN = "-****";
    private static final Pattern IN_TEXT =
            Pattern.compile("(?<!\\d)(\\d{8}|\\d{6})[\\s\\u00a0]{0,2}[-+]?[\\s\\u00a0]{0,2}\\d{4}(?!\\d)");

    private final String value;
    private final LocalDate birthDate;

    private Personnummer(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses one of the forms {@code YYYYMMDD-NNNC}, {@code YYYYMMDDNNNC}, {@code YYMMDD-NNNC},
     * {@code YYMMDD+NNNC} and {@code YYMMDDNNNC}; blanks anywhere are ignored. In a 12-digit form
     * {@code +} is accepted as a separator, since the century is given.
     *
     * @param referenceDate the extract's delivery date: a 10-digit form gets the century that makes
     *                      the person under 100 on it (100–199 with {@code +}), and nobody may be born after it
     */
    public static Personnummer parse(String raw, LocalDate referenceDate) throws InvalidPersonnummerException {
        Objects.requireNonNull(referenceDate, "referenceDate");
        if (raw == null || raw.isBlank()) throw new InvalidPersonnummerException(Reason.MISSING);
        String compact = withoutBlanks(raw);
        // the forms (\d{6}|\d{8})([-+]?)(\d{4}), checked by hand: this runs for every row of every extract
        int n = compact.length();
        boolean separator = n == 11 || n == 13;
        if (!(separator || n == 10 || n == 12)) throw new InvalidPersonnummerException(Reason.FORMAT);
        int dateLength = separator ? n - 5 : n - 4;
        char sep = separator ? compact.charAt(dateLength) : 0;
        if (separator && sep != '-' && sep != '+') throw new InvalidPersonnummerException(Reason.FORMAT);
        for (int i = 0; i < n; i++) {
            char c = compact.charAt(i);
            if ((c < '0' || c > '9') && !(separator && i == dateLength)) throw new InvalidPersonnummerException(Reason.FORMAT);
        }
        char[] ten = new char[10];
        compact.getChars(dateLength - 6, dateLength, ten, 0);
        compact.getChars(n - 4, n, ten, 6);
        String tenDigits = new String(ten);
        int month = number(ten, 2, 4);
        int dayField = number(ten, 4, 6);
        int year = dateLength == 8
                ? number(compact, 0, 4)
                : inferYear(number(ten, 0, 2), month, birthDay(dayField), sep == '+', referenceDate);

        // The date is checked before the check digit: "no such date" tells whoever corrects the row
        // which part to look at, a wrong check digit does not.
        LocalDate birthDate = birthDate(year, month, dayField);
        if (!luhnValid(tenDigits)) throw new InvalidPersonnummerException(Reason.CHECK_DIGIT);
        if (birthDate.isAfter(referenceDate)) throw new InvalidPersonnummerException(Reason.BORN_AFTER_REFERENCE_DATE);
        char[] twelve = new char[12];
        int y = year;
        for (int i = 3; i >= 0; i--) {
            twelve[i] = (char) ('0' + y % 10);
            y /= 10;
        }
        System.arraycopy(ten, 2, twelve, 4, 8);
        return new Personnummer(new String(twelve), birthDate);
    }

    /** The value without blanks; most values have none, and then no regular expression runs. */
    private static String withoutBlanks(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-' && c != '+') return BLANKS.matcher(raw).replaceAll("");
        }
        return raw;
    }

    private static int number(char[] digits, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (digits[i] - '0');
        return v;
    }

    private static int number(String digits, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (digits.charAt(i) - '0');
        return v;
    }

    private static int birthDay(int dayField) {
        return dayField > COORDINATION_DAY_OFFSET ? dayField - COORDINATION_DAY_OFFSET : dayField;
    }

    /**
     * The latest year ending in {@code yy} whose birthday is not after the reference date, i.e. age
     * 0–99; with {@code +} a century earlier. Month and day are compared as numbers because the date
     * may not exist; that is reported afterwards. Comparing 0229 with 0228 also gives R11's rule.
     */
    private static int inferYear(int yy, int month, int day, boolean hundredOrOver, LocalDate ref) {
        int year = ref.getYear() - Math.floorMod(ref.getYear() - yy, 100);
        if (year == ref.getYear() && month * 100 + day > ref.getMonthValue() * 100 + ref.getDayOfMonth()) {
            year -= 100;
        }
        return hundredOrOver ? year - 100 : year;
    }

    private static LocalDate birthDate(int year, int month, int dayField) throws InvalidPersonnummerException {
        boolean plausibleDay = (dayField >= 1 && dayField <= 31)
                || (dayField > COORDINATION_DAY_OFFSET && dayField <= COORDINATION_DAY_OFFSET + 31);
        if (!plausibleDay) throw new InvalidPersonnummerException(Reason.NO_SUCH_DATE);
        try {
            return LocalDate.of(year, month, birthDay(dayField));
        } catch (DateTimeException e) {
            throw new InvalidPersonnummerException(Reason.NO_SUCH_DATE);
        }
    }

    private static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The normalised 12 digits, e.g. {@code 192401019183}. */
    public String value() {
        return value;
    }

    /** The birth date; for a samordningsnummer the day field minus 60. */
    public LocalDate birthDate() {
        return birthDate;
    }

    public boolean coordinationNumber() {
        return Integer.parseInt(value.substring(6, 8)) > COORDINATION_DAY_OFFSET;
    }

    /** {@code "K"} (kvinna) when the third of the last four digits is even, else {@code "M"}. */
    public String legalGender() {
        return (value.charAt(10) - '0') % 2 == 0 ? "K" : "M";
    }

    /** Age in whole years on {@code date}; born 29 February turns a year older on 1 March in common years (R11). */
    public int ageAt(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** The date digits as given (day + 60 for a samordningsnummer) and a hidden serial: {@code 19240101-****}. */
    public String masked() {
        return value.substring(0, 8) + HIDDEN;
    }

    /**
     * Masks any raw value that might be a personnummer before it goes to a reject file or a log.
     * The digits are counted without separators: 12 digits keep the first 8 and 10 or 11 keep the
     * first 6 (the date part), followed by {@code -****}; any other value with 4 or more digits has
     * every digit replaced by {@code *}. Fewer digits cannot identify anyone and are kept as typed,
     * which helps whoever corrects the row. {@code null} gives {@code null}.
     */
    public static String mask(String raw) {
        if (raw == null) return null;
        String digits = raw.replaceAll("\\P{Nd}", "");
        if (digits.length() == 12) return digits.substring(0, 8) + HIDDEN;
        if (digits.length() == 10 || digits.length() == 11) return digits.substring(0, 6) + HIDDEN;
        if (digits.length() >= 4) return ANY_DIGIT.matcher(raw).replaceAll("*");
        return raw;
    }

    /**
     * Masks every run inside a free text that has the shape of a personnummer (6 or 8 digits, a
     * separator or blanks, 4 digits, not part of a longer run of digits) as {@link #mask} would,
     * leaving the rest of the text as it is: "ring 19121212-1212" becomes "ring 19121212-****".
     */
    public static String maskWithin(String text) {
        if (text == null) return null;
        if (asciiDigitCount(text) < 10) return text; // the shape needs at least 10 digits: nothing to mask

        return IN_TEXT.matcher(text).replaceAll(m -> m.group(1) + HIDDEN);
    }

    private static int asciiDigitCount(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') n++;
        }
        return n;
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Personnummer other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
