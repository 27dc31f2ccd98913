package se.uppfoljning.sampledata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Social services' försörjningsstöd: a payment for each month from some months before the first
 * start, usually stopping soon after an exit to work (or studies), otherwise running to the last
 * month of the extract (2026-10). Now and then a month is split in two payments, skipped, or
 * corrected with a negative row.
 */
final class BistandRows {

    private static final YearMonth LAST_MONTH = YearMonth.from(ProjectProfile.DELIVERY);

    private final ProjectProfile profile;
    private final RowSink sink;

    BistandRows(ProjectProfile profile, RowSink sink) {
        this.profile = profile;
        this.sink = sink;
    }

    void write(Person person, SplittableRandom rng) {
        if (!person.supportRowsDelivered || !person.receivesSupport()) {
            return;
        }
        YearMonth first = YearMonth.from(profile.earliestPaymentMonth());
        boolean[] paid = new boolean[(int) first.until(LAST_MONTH, ChronoUnit.MONTHS) + 1];
        for (int i = 0; i < person.episodes.size(); i++) {
            Episode e = person.episodes.get(i);
            if (!e.supportStart.contains("FORSORJNINGSSTOD")) {
                continue;
            }
            YearMonth from = YearMonth.from(e.start).minusMonths(i == 0 ? Rand.between(rng, 3, 9) : Rand.between(rng, 0, 2));
            YearMonth to = LAST_MONTH;
            if (!e.isOpen() && stopsAfter(e, rng)) {
                to = YearMonth.from(e.end).plusMonths(Rand.between(rng, 0, 2));
            } else if (i + 1 < person.episodes.size()) {
                to = YearMonth.from(person.episodes.get(i + 1).start);
            }
            for (YearMonth m = max(from, first); !m.isAfter(to) && !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
                paid[(int) first.until(m, ChronoUnit.MONTHS)] = true;
            }
        }
        int instalments = instalmentsPerMonth(person, paid);
        boolean any = false;
        for (int i = 0; i < paid.length; i++) {
            if (paid[i] && (!any || !Rand.chance(rng, 0.03))) {
                YearMonth month = first.plusMonths(i);
                if (instalments > 1) {
                    payInInstalments(person, month, areaIn(person, month), instalments, rng);
                } else {
                    payments(person, month, areaIn(person, month), rng);
                }
                any = true;
            }
        }
    }

    /**
     * How many rows a paid month takes: one, unless the profile asks for a benchmark density of
     * rows per episode that the person's paid months cannot give one by one.
     */
    private int instalmentsPerMonth(Person person, boolean[] paid) {
        if (profile.paymentRowsPerEpisode <= 0) {
            return 1;
        }
        int months = 0;
        for (boolean p : paid) {
            months += p ? 1 : 0;
        }
        int wanted = profile.paymentRowsPerEpisode * person.episodes.size();
        return months == 0 ? 1 : Math.max(1, Math.round((float) wanted / months));
    }

    /** A month paid in {@code count} instalments that add up to the month's support (R9 sums them). */
    private void payInInstalments(Person person, YearMonth month, String area, int count, SplittableRandom rng) {
        int kronor = monthsSupport(person, rng);
        int left = kronor;
        for (int i = 0; i < count; i++) {
            int part = i == count - 1 ? left : kronor / count;
            row(person, month, part, area, rng);
            left -= part;
        }
    }

    /** One month: usually one payment, sometimes two, now and then a negative correction. */
    private void payments(Person person, YearMonth month, String area, SplittableRandom rng) {
        int kronor = monthsSupport(person, rng);
        if (Rand.chance(rng, 0.04)) {
            int part = kronor * Rand.between(rng, 60, 80) / 100;
            row(person, month, amount(part, rng), area, rng);
            row(person, month, amount(kronor - part, rng), area, rng);
            return;
        }
        Object paid = amount(kronor, rng);
        row(person, month, paid, area, rng);
        if (Rand.chance(rng, 0.003)) {
            row(person, month, -Rand.between(rng, 300, Math.max(301, kronor / 3)), area, rng);
        } else if (Rand.chance(rng, 0.001)) {
            // the month's payment reversed, so the month is not paid (R9)
            row(person, month, paid instanceof BigDecimal d ? d.negate() : -kronor, area, rng);
        }
    }

    /** The support paid for one month: the person's usual amount, give or take 15 %. */
    private static int monthsSupport(Person person, SplittableRandom rng) {
        return (int) Math.round(person.monthlySupport * (0.85 + 0.3 * rng.nextDouble()));
    }

    private void row(Person person, YearMonth month, Object amount, String area, SplittableRandom rng) {
        sink.write(Cells.pnr(rng, person.pnr), month, amount, area, person.household);
    }

    /** Whole kronor mostly; sometimes with öre, written with a decimal comma. */
    private static Object amount(int kronor, SplittableRandom rng) {
        if (!Rand.chance(rng, 0.15)) {
            return kronor;
        }
        return BigDecimal.valueOf(kronor * 100L + Rand.oneOf(rng, 50, 25, 75, 40), 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static boolean stopsAfter(Episode e, SplittableRandom rng) {
        if (e.exitToWork()) {
            return Rand.chance(rng, 0.85);
        }
        return "STUDIER".equals(e.outcome) && Rand.chance(rng, 0.6);
    }

    /** The area of the episode in force in the month (the latest started by its end), else the first. */
    private static String areaIn(Person person, YearMonth month) {
        String area = person.episodes.get(0).area;
        for (Episode e : person.episodes) {
            if (!YearMonth.from(e.start).isAfter(month)) {
                area = e.area;
            }
        }
        return area;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
