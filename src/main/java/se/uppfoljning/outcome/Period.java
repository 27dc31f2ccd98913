package se.uppfoljning.outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.uppfoljning.config.ConfigException;

/**
 * A reporting period (SPEC §5): month YYYY-MM, tertial YYYY-T1..T3 (Jan–Apr, May–Aug, Sep–Dec),
 * half-year YYYY-H1/H2, year YYYY, or lifetime (project start to the as-of date). A period never
 * extends past the as-of date: {@link #end()} is clamped to it.
 */
public record Period(String label, LocalDate start, LocalDate end, LocalDate nominalEnd, boolean lifetime) {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern TERTIAL = Pattern.compile("(\\d{4})-T([123])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public static Period parse(String label, LocalDate projectStart, LocalDate asOf) {
        if (label == null || label.isBlank()) {
            throw new ConfigException("Name the period: --period YYYY-MM, YYYY-T1..T3, YYYY-H1, YYYY-H2, YYYY or lifetime.");
        }
        String p = label.trim();
        LocalDate start;
        LocalDate end;
        Matcher m;
        if (p.equals("lifetime")) {
            return new Period(p, projectStart, asOf, asOf, true);
        } else if ((m = MONTH.matcher(p)).matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            start = ym.atDay(1);
            end = ym.atEndOfMonth();
        } else if ((m = TERTIAL.matcher(p)).matches()) {
            int t = Integer.parseInt(m.group(2));
            start = LocalDate.of(Integer.parseInt(m.group(1)), 4 * (t - 1) + 1, 1);
            end = start.plusMonths(4).minusDays(1);
        } else if ((m = HALF.matcher(p)).matches()) {
            int h = Integer.parseInt(m.group(2));
            start = LocalDate.of(Integer.parseInt(m.group(1)), 6 * (h - 1) + 1, 1);
            end = start.plusMonths(6).minusDays(1);
        } else if ((m = YEAR.matcher(p)).matches()) {
            start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
            end = LocalDate.of(start.getYear(), 12, 31);
        } else {
            throw new ConfigException("Unknown period '" + p + "': use YYYY-MM, YYYY-T1..T3, YYYY-H1, YYYY-H2, YYYY or lifetime.");
        }
        if (start.isAfter(asOf)) {
            throw new ConfigException("The period " + p + " starts after the as-of date " + asOf
                    + ": nothing can be counted yet. Choose an earlier period or a later --as-of.");
        }
        return new Period(p, start, end.isAfter(asOf) ? asOf : end, end, false);
    }

    /**
     * The calendar year up to the end of this period, as the monthly report shows it beside the month
     * (label "2026-01..2026-10").
     */
    public Period yearToDate() {
        return new Period(start.getYear() + "-01.." + label, start.withDayOfYear(1), end, end, false);
    }

    /** The period before this one, of the same kind (none for lifetime). */
    public Optional<String> previousLabel() {
        if (lifetime) return Optional.empty();
        if (MONTH.matcher(label).matches()) return Optional.of(YearMonth.from(start).minusMonths(1).toString());
        Matcher m = TERTIAL.matcher(label);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            int t = Integer.parseInt(m.group(2));
            return Optional.of(t == 1 ? (y - 1) + "-T3" : y + "-T" + (t - 1));
        }
        m = HALF.matcher(label);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return Optional.of(m.group(2).equals("1") ? (y - 1) + "-H2" : y + "-H1");
        }
        return Optional.of(String.valueOf(start.getYear() - 1));
    }
}
