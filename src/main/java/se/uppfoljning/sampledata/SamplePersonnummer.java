package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Personnummer and samordningsnummer as SPEC §3 defines them, as far as the sample data need them:
 * the written forms, the Luhn check digit over the 10-digit form, normalisation to 12 digits, and
 * the samordningsnummer (day + 60) derived from a test number. Deliberately independent of
 * {@code se.uppfoljning.identity}, so that the sample data check the ingest instead of mirroring it.
 * The generator never invents a number: it only reads Skatteverket's test numbers and derives
 * samordningsnummer from them.
 */
public final class SamplePersonnummer {

    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** The written forms the extracts use (SPEC §3). */
    public enum Style { HYPHEN_12, PLAIN_12, HYPHEN_10, PADDED_12 }

    private SamplePersonnummer() {
    }

    /** Luhn check digit over the first nine digits of the 10-digit form (YYMMDDNNN). */
    public static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the 12-digit number has the right check digit and an existing (birth) date. */
    public static boolean isValid(String twelve) {
        if (twelve == null || !twelve.matches("\\d{12}")) {
            return false;
        }
        return checkDigit(twelve.substring(2, 11)) == twelve.charAt(11) - '0' && birthDate(twelve).isPresent();
    }

    /** A samordningsnummer has day 61-91. */
    public static boolean isSamordningsnummer(String twelve) {
        int day = Integer.parseInt(twelve.substring(6, 8));
        return day >= 61 && day <= 91;
    }

    /** The birth date; for a samordningsnummer day - 60. Empty when the date does not exist. */
    public static Optional<LocalDate> birthDate(String twelve) {
        String date = twelve.substring(0, 8);
        if (isSamordningsnummer(twelve)) {
            int day = Integer.parseInt(twelve.substring(6, 8)) - 60;
            date = twelve.substring(0, 6) + String.format(Locale.ROOT, "%02d", day);
        }
        try {
            return Optional.of(LocalDate.parse(date, BASIC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Legal gender: the ninth digit of the 10-digit form (index 10 of 12) odd = man. */
    public static boolean isMale(String twelve) {
        return (twelve.charAt(10) - '0') % 2 == 1;
    }

    /** The samordningsnummer derived from a personnummer: day + 60 and a recomputed check digit. */
    public static String toSamordningsnummer(String twelve) {
        int day = Integer.parseInt(twelve.substring(6, 8)) + 60;
        String first11 = twelve.substring(0, 6) + String.format(Locale.ROOT, "%02d", day) + twelve.substring(8, 11);
        return first11 + checkDigit(first11.substring(2));
    }

    /** The same number with a wrong check digit (for a deliberate INVALID_PNR row). */
    public static String withWrongCheckDigit(String twelve) {
        int c = twelve.charAt(11) - '0';
        return twelve.substring(0, 11) + (c + 1) % 10;
    }

    /** Writes a 12-digit number in one of the accepted forms. */
    public static String format(String twelve, Style style) {
        String date8 = twelve.substring(0, 8);
        String last4 = twelve.substring(8);
        return switch (style) {
            case HYPHEN_12 -> date8 + "-" + last4;
            case PLAIN_12 -> twelve;
            case HYPHEN_10 -> date8.substring(2) + "-" + last4;
            case PADDED_12 -> " " + date8 + "-" + last4 + " ";
        };
    }

    /**
     * Normalises any accepted form to 12 digits (SPEC §3): blanks around are ignored; a 10-digit
     * form takes the century that makes the person under 100 at {@code delivery} (100 or over with
     * {@code +}). Returns empty for text that is no accepted form (the check digit is not tested).
     */
    public static Optional<String> normalise(String raw, LocalDate delivery) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.matches("\\d{8}-?\\d{4}")) {
            return Optional.of(s.replace("-", ""));
        }
        if (!s.matches("\\d{6}[-+]?\\d{4}")) {
            return Optional.empty();
        }
        boolean plus = s.indexOf('+') >= 0;
        String ten = s.replace("-", "").replace("+", "");
        int yy = Integer.parseInt(ten.substring(0, 2));
        int century = delivery.getYear() / 100 * 100;
        int year = century + yy;
        String mmdd = ten.substring(2, 6);
        // the latest year not after delivery, then 100 more years back with '+'
        if (!onOrBefore(year, mmdd, delivery)) {
            year -= 100;
        }
        if (plus) {
            year -= 100;
        }
        return Optional.of(year + ten.substring(2));
    }

    private static boolean onOrBefore(int year, String mmdd, LocalDate delivery) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2)) % 60; // samordningsnummer day
        return year < delivery.getYear()
                || year == delivery.getYear() && (month < delivery.getMonthValue()
                        || month == delivery.getMonthValue() && day <= delivery.getDayOfMonth());
    }
}
