package se.uppfoljning.schedule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which period a scheduled report covers, as a rule over the as-of date: the last whole period
 * before the as-of date, or the project's lifetime. Resolves to the period strings of SPEC §5/§10.
 */
public enum PeriodRule {
    /** The calendar month before the as-of date's month: as of 2026-11-03 → 2026-10. */
    PREVIOUS_MONTH("previous-month"),
    /** The tertial (Jan–Apr, May–Aug, Sep–Dec) before the as-of date's: as of 2026-01-05 → 2025-T3. */
    PREVIOUS_TERTIAL("previous-tertial"),
    /** The half-year before the as-of date's: as of 2026-07-05 → 2026-H1. */
    PREVIOUS_HALF_YEAR("previous-half-year"),
    /** The calendar year before the as-of date's: as of 2027-01-15 → 2026. */
    PREVIOUS_YEAR("previous-year"),
    /** Project start to the as-of date. */
    LIFETIME("lifetime");

    private final String id;

    PeriodRule(String id) {
        this.id = id;
    }

    /** The name used in jobs/*.yml and accepted by --period. */
    public String id() {
        return id;
    }

    public static Optional<PeriodRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(PeriodRule::id).collect(Collectors.joining(", "));
    }

    /** The period this rule names on the given as-of date, e.g. "2026-10", "2026-T3", "2026-H1", "2026". */
    public String resolve(LocalDate asOf) {
        return switch (this) {
            case PREVIOUS_MONTH -> YearMonth.from(asOf).minusMonths(1).toString();
            case PREVIOUS_TERTIAL -> {
                // tertials are four months long: the first month of the previous one is four months back
                LocalDate inPrevious = asOf.withDayOfMonth(1).minusMonths(4);
                yield inPrevious.getYear() + "-T" + ((inPrevious.getMonthValue() - 1) / 4 + 1);
            }
            case PREVIOUS_HALF_YEAR -> {
                LocalDate inPrevious = asOf.withDayOfMonth(1).minusMonths(6);
                yield inPrevious.getYear() + "-H" + (inPrevious.getMonthValue() <= 6 ? 1 : 2);
            }
            case PREVIOUS_YEAR -> String.valueOf(asOf.getYear() - 1);
            case LIFETIME -> "lifetime";
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
