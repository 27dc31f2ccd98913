package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Arbetsförmedlingen's registration periods: usually one registration from well before the start
 * (sometimes after an earlier, closed one), closed (avaktualiserad) after an exit to work or
 * studies with the reason, and a new registration before a re-entry.
 */
final class AfStatusRows {

    record Registration(LocalDate from, String category, LocalDate to, String reason) {
    }

    private static final Weighted CATEGORY = Weighted.of("ARBETSSOKANDE", 88, "", 6, "EJ_ARBETSSOKANDE", 6);

    private final RowSink sink;
    /** Share of rows whose dates are written YYYYMMDD. */
    private final double compactDates;

    AfStatusRows(RowSink sink, double compactDates) {
        this.sink = sink;
        this.compactDates = compactDates;
    }

    void write(Person person, SplittableRandom rng) {
        if (!person.afRegistered) {
            return;
        }
        for (Registration r : registrations(person, rng)) {
            write(person.pnr, r, rng);
        }
    }

    /** Writes one registration period (AF's own codes in some rows); returns the line. */
    int write(String pnr, Registration r, SplittableRandom rng) {
        boolean compact = Rand.chance(rng, compactDates);
        return sink.write(Cells.pnr(rng, pnr),
                compact ? Cells.compact(r.from()) : r.from(),
                Cells.maybeRaw(rng, 0.2, r.category(), Cells.JOBSEEKER_RAW),
                compact ? Cells.compact(r.to()) : r.to(),
                Cells.maybeRaw(rng, 0.2, r.reason(), Cells.DEREGISTRATION_RAW));
    }

    private List<Registration> registrations(Person person, SplittableRandom rng) {
        List<Registration> list = new ArrayList<>();
        Episode first = person.episodes.get(0);
        LocalDate from = firstRegistration(first, rng);
        LocalDate adult = person.birthDate.plusYears(16);
        if (Rand.chance(rng, 0.2) && from.minusDays(430).isAfter(adult)) {
            LocalDate earlier = Rand.max(adult, from.minusDays(Rand.between(rng, 400, 1500)));
            LocalDate closed = Rand.min(from.minusDays(Rand.between(rng, 30, 200)), earlier.plusDays(Rand.between(rng, 60, 300)));
            list.add(new Registration(earlier, CATEGORY.pick(rng), closed, Rand.oneOf(rng, "OKAND", "OVRIGT", "ARBETE")));
        }
        String category = CATEGORY.pick(rng);
        LocalDate closedOn = null;
        for (Episode e : person.episodes) {
            if (e.isVoid()) {
                continue;
            }
            if (closedOn != null) { // registers again before the next episode
                if (!closedOn.isBefore(ProjectProfile.DELIVERY)) {
                    break; // closed on the delivery date: a new registration would lie after it
                }
                from = Rand.max(closedOn.plusDays(1), e.start.minusDays(Rand.between(rng, 7, 90)));
                category = CATEGORY.pick(rng);
                closedOn = null;
            }
            String reason = e.isOpen() ? null : closingReason(e, rng);
            if (reason != null) {
                LocalDate on = Rand.max(from, e.end.plusDays(Rand.between(rng, 0, 28)));
                if (!on.isAfter(ProjectProfile.DELIVERY)) {
                    list.add(new Registration(from, category, on, reason));
                    closedOn = on;
                }
            }
        }
        if (closedOn == null) {
            list.add(new Registration(from, category, null, null));
        }
        return list;
    }

    private static LocalDate firstRegistration(Episode first, SplittableRandom rng) {
        if (Rand.chance(rng, 0.05)) {
            return Rand.min(first.start.plusDays(Rand.between(rng, 1, 20)), ProjectProfile.DELIVERY);
        }
        if (first.unemployedSince != null && Rand.chance(rng, 0.75)) {
            return Rand.min(first.unemployedSince.plusDays(Rand.between(rng, 0, 30)), first.start.minusDays(1));
        }
        return first.start.minusDays(Rand.between(rng, 14, 400));
    }

    /** Whether and why AF closes the registration after the exit; null = stays registered. */
    private static String closingReason(Episode e, SplittableRandom rng) {
        double p = switch (e.outcome) {
            case "ARBETE" -> 0.85;
            case "EGET_FORETAG" -> 0.8;
            case "STUDIER" -> 0.6;
            case "ARBETE_SUBV", "SJUKSKRIVEN" -> 0.5;
            case "OVRIGT" -> 0.4;
            case "OKAND" -> 0.3;
            case "FORTSATT_REHAB" -> 0.15;
            default -> 0.0;
        };
        return Rand.chance(rng, p) ? e.outcome : null;
    }
}
