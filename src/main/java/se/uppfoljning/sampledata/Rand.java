package se.uppfoljning.sampledata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Small helpers over {@link SplittableRandom}; every random choice of the generator goes through a seeded instance. */
final class Rand {

    private Rand() {
    }

    /** Uniform in [lo, hi], both inclusive. */
    static int between(SplittableRandom rng, int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    static <T> T oneOf(SplittableRandom rng, List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }

    @SafeVarargs
    static <T> T oneOf(SplittableRandom rng, T... values) {
        return values[rng.nextInt(values.length)];
    }

    /** Uniform date in [from, to]. */
    static LocalDate date(SplittableRandom rng, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(days <= 0 ? 0 : rng.nextLong(days + 1));
    }

    /** Moves a Saturday or Sunday to the next Monday, or to the previous Friday if Monday is after {@code latest}. */
    static LocalDate workday(LocalDate d, LocalDate latest) {
        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
            return d;
        }
        LocalDate monday = d.plusDays(d.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1);
        return monday.isAfter(latest) ? d.minusDays(d.getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 2) : monday;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
