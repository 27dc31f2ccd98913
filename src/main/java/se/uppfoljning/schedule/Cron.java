package se.uppfoljning.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.scheduling.support.CronExpression;

/**
 * A crontab schedule (five fields: minute hour day-of-month month day-of-week, or a macro such as
 * {@code @daily}) computed with Spring's {@link CronExpression}, so the crontab lines and the
 * {@code schedule} mode fire at the same times. Only what both understand alike is accepted.
 */
public final class Cron {
    private static final Set<String> MACROS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");

    private final String text;
    private final CronExpression expression;

    private Cron(String text, CronExpression expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Parses a crontab expression.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what is expected
     */
    public static Cron parse(String text) {
        String t = text == null ? "" : text.trim().replaceAll("\\s+", " ");
        if (t.startsWith("@")) {
            if (!MACROS.contains(t)) throw new IllegalArgumentException("'" + t + "' is not a macro both crontab and"
                    + " the schedule mode know (" + String.join(", ", MACROS.stream().sorted().toList()) + ")");
            // Spring has no @midnight; crontab's @midnight is @daily
            return new Cron(t, CronExpression.parse(t.equals("@midnight") ? "@daily" : t));
        }
        String[] fields = t.isEmpty() ? new String[0] : t.split(" ");
        if (fields.length != 5) {
            throw new IllegalArgumentException("'" + t + "' has " + fields.length + " fields; a crontab schedule has"
                    + " five: minute hour day-of-month month day-of-week, e.g. \"0 6 3 * *\" (06:00 on the 3rd)");
        }
        if (t.matches(".*[LW#?].*")) {
            throw new IllegalArgumentException("'" + t + "' uses L, W, # or ?, which crontab does not know");
        }
        if (!isWildcard(fields[2]) && !isWildcard(fields[4])) {
            // crontab fires when EITHER day field matches, Spring when BOTH do: refuse the ambiguity
            throw new IllegalArgumentException("'" + t + "' restricts both day-of-month and day-of-week, which crontab"
                    + " and the schedule mode read differently; restrict only one of them");
        }
        try {
            return new Cron(t, CronExpression.parse("0 " + t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + t + "' is not a valid cron expression: " + e.getMessage(), e);
        }
    }

    // Vixie cron counts a day field that begins with an asterisk (also a step on it) as unrestricted.
    private static boolean isWildcard(String field) {
        return field.startsWith("*");
    }

    /** The first time strictly after {@code after} at which this schedule fires. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime next = expression.next(after);
        if (next == null) throw new IllegalStateException("'" + text + "' never fires after " + after);
        return next;
    }

    /** Whether the schedule fires at some time on the given day (from 00:00 up to the next midnight). */
    public boolean firesOn(LocalDate day, ZoneId zone) {
        ZonedDateTime start = day.atStartOfDay(zone);
        ZonedDateTime next = expression.next(start.minusNanos(1));
        return next != null && next.isBefore(day.plusDays(1).atStartOfDay(zone));
    }

    /** As written in the job file and in the crontab. */
    @Override
    public String toString() {
        return text;
    }
}
