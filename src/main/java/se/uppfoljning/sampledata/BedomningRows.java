package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Assessments of distance to work (steg 1-7): START near the start at steg 1-3, UPPFOLJNING every
 * three to four months and AVSLUT at the end, the steg tending to rise (most for exits to work).
 */
final class BedomningRows {

    private final RowSink sink;

    BedomningRows(RowSink sink) {
        this.sink = sink;
    }

    void write(Person person, SplittableRandom rng) {
        for (Episode e : person.episodes) {
            if (!e.isVoid() && Rand.chance(rng, 0.92)) {
                write(person, e, rng);
            }
        }
    }

    private void write(Person person, Episode e, SplittableRandom rng) {
        LocalDate last = e.horizon();
        LocalDate date = Rand.min(e.start.plusDays(Rand.between(rng, 0, 30)), last);
        int steg = rng.nextInt(100) < 35 ? 1 : rng.nextInt(100) < 70 ? 2 : 3;
        row(person, date, steg, "START", rng);
        for (LocalDate d = date.plusDays(Rand.between(rng, 80, 130)); d.isBefore(last.minusDays(20));
                d = d.plusDays(Rand.between(rng, 80, 130))) {
            int r = rng.nextInt(100);
            steg = r < 35 ? Math.min(6, steg + 1) : r < 43 ? Math.max(1, steg - 1) : steg;
            row(person, d, steg, "UPPFOLJNING", rng);
            date = d;
        }
        if (!e.isOpen() && Rand.chance(rng, 0.85)) {
            row(person, Rand.max(date, e.end.minusDays(Rand.between(rng, 0, 5))), finalStep(e, steg, rng), "AVSLUT", rng);
        }
    }

    private static int finalStep(Episode e, int steg, SplittableRandom rng) {
        return switch (e.outcome) {
            case "ARBETE", "EGET_FORETAG" -> Math.max(steg, Rand.between(rng, 6, 7));
            case "ARBETE_SUBV" -> Math.max(steg, Rand.between(rng, 5, 6));
            case "STUDIER" -> Math.max(steg, Rand.between(rng, 4, 6));
            case "FORTSATT_REHAB", "ARBETSSOKANDE" -> Math.min(7, steg + rng.nextInt(2));
            default -> Math.max(1, steg - rng.nextInt(2));
        };
    }

    private void row(Person person, LocalDate date, int steg, String type, SplittableRandom rng) {
        String typ = Rand.chance(rng, 0.03) ? "" : Cells.maybeRaw(rng, 0.05, type, Cells.ASSESSMENT_RAW);
        sink.write(Cells.pnr(rng, person.pnr), date, steg, typ);
    }
}
