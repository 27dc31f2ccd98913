package se.uppfoljning.sampledata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Interventions from AF, the city, the region, FK and civil society: sometimes one already running
 * at the start, three to eight during the episode climbing the ladder (1 motivation .. 3 praktik,
 * now and then 4 education), and after an exit to work or studies the job, subsidised job or
 * course that starts within four weeks of the end (the evidence of SPEC §5 EXIT_STATUS).
 */
final class InsatserRows {

    record Insats(String code, String provider, LocalDate start, LocalDate end, Object hours) {
    }

    private static final Weighted LEVEL_1 = Weighted.of("MOTIVATION", 60, "HALSA", 40);
    private static final Weighted LEVEL_2 = Weighted.of("KARTLAGGNING", 55, "REHAB", 45);
    private static final Weighted LEVEL_3 = Weighted.of("PRAKTIK", 55, "ARBETSTRANING", 45);
    private static final Weighted LEVEL_4 = Weighted.of("YRKESUTBILDNING", 40, "KOMVUX", 35, "SFI", 25);
    private static final Weighted SUBSIDISED = Weighted.of("NYSTARTSJOBB", 45, "LONESTOD", 35, "INTRODUKTIONSJOBB", 20);
    private static final Weighted STUDIES = Weighted.of("KOMVUX", 45, "YRKESUTBILDNING", 35, "SFI", 20);

    private final ProjectProfile profile;
    private final ProjectInbox inbox;

    InsatserRows(ProjectProfile profile, ProjectInbox inbox) {
        this.profile = profile;
        this.inbox = inbox;
    }

    void write(Person person, SplittableRandom rng) {
        List<Insats> all = new ArrayList<>();
        for (Episode e : person.episodes) {
            if (!e.isVoid()) {
                insatser(e, rng, all);
            }
        }
        all.sort(Comparator.comparing(Insats::start));
        for (Insats i : all) {
            write(person.pnr, i, rng);
        }
    }

    /** Writes one intervention (AF's own codes in some of AF's rows); returns the line. */
    int write(String pnr, Insats i, SplittableRandom rng) {
        boolean af = "AF".equals(i.provider());
        String code = af ? Cells.maybeRaw(rng, 0.15, i.code(), Cells.AF_INSATS_RAW)
                : Cells.maybeRaw(rng, 0.05, i.code(), Cells.OTHER_INSATS_RAW);
        return inbox.insatser(i.provider()).write(Cells.pnr(rng, pnr), code,
                Cells.maybeRaw(rng, 0.05, i.provider(), Cells.PROVIDER_RAW), i.start(), i.end(), i.hours());
    }

    private void insatser(Episode e, SplittableRandom rng, List<Insats> out) {
        if (Rand.chance(rng, 0.3)) {
            String code = (rng.nextBoolean() ? LEVEL_1 : LEVEL_2).pick(rng);
            LocalDate start = Rand.workday(e.start.minusDays(Rand.between(rng, 20, 150)), e.start);
            out.add(insats(code, start, e.start.plusDays(Rand.between(rng, 10, 90)), rng));
        }
        long span = profile.denseInsatser ? Math.max(1, e.days()) : e.days() - 14;
        int count = profile.denseInsatser ? Rand.between(rng, profile.insatserMin, profile.insatserMax)
                : span < 20 ? 1 : (int) Math.min(Rand.between(rng, profile.insatserMin, profile.insatserMax),
                        1 + span / profile.insatserDaysApart);
        int level = Rand.chance(rng, 0.6) ? 1 : 2;
        int maxLevel = Rand.chance(rng, 0.25) ? 4 : 3;
        for (int i = 0; i < count; i++) {
            long offset = profile.denseInsatser ? i * span / count + rng.nextLong(Math.max(1, span / count))
                    : 7 + Math.max(0, i * span / count) + rng.nextLong(Math.max(1, span / count / 2));
            LocalDate start = Rand.workday(e.start.plusDays(offset), e.horizon());
            if (start.isAfter(e.horizon())) {
                break; // dense: never, every offset is within the episode
            }
            out.add(insats(ladder(level).pick(rng), start, start.plusDays(Rand.between(rng, 30, 150)), rng));
            if (Rand.chance(rng, 0.5)) {
                level = Math.min(maxLevel, level + 1);
            }
        }
        if (!e.isOpen()) {
            afterExit(e, rng, out);
        }
    }

    /** The job, subsidised job, course or rehabilitation that follows the exit. */
    private void afterExit(Episode e, SplittableRandom rng, List<Insats> out) {
        String code = switch (e.outcome) {
            case "ARBETE" -> Rand.chance(rng, 0.85) ? "ANSTALLNING" : null;
            case "ARBETE_SUBV" -> Rand.chance(rng, 0.85) ? SUBSIDISED.pick(rng) : null;
            case "EGET_FORETAG" -> Rand.chance(rng, 0.8) ? "STARTA_EGET" : null;
            case "STUDIER" -> Rand.chance(rng, 0.75) ? STUDIES.pick(rng) : null;
            case "FORTSATT_REHAB" -> Rand.chance(rng, 0.5) ? Rand.oneOf(rng, "REHAB", "ARBETSTRANING") : null;
            default -> null;
        };
        if (code == null) {
            return;
        }
        LocalDate start = Rand.workday(e.end.plusDays(Rand.between(rng, 0, 28)), ProjectProfile.DELIVERY);
        if (start.isBefore(e.end) || start.isAfter(ProjectProfile.DELIVERY)) {
            return;
        }
        LocalDate end = switch (code) {
            case "ANSTALLNING" -> null;
            case "NYSTARTSJOBB", "LONESTOD", "INTRODUKTIONSJOBB", "STARTA_EGET" -> start.plusDays(Rand.between(rng, 180, 365));
            default -> start.plusDays(Rand.between(rng, 120, 300));
        };
        out.add(insats(code, start, end, rng));
    }

    private Insats insats(String code, LocalDate start, LocalDate end, SplittableRandom rng) {
        LocalDate kept = end == null || end.isAfter(ProjectProfile.DELIVERY) ? null : end;
        return new Insats(code, provider(code, rng), start, kept, hours(code, rng));
    }

    private static Weighted ladder(int level) {
        return switch (level) {
            case 1 -> LEVEL_1;
            case 2 -> LEVEL_2;
            case 3 -> LEVEL_3;
            default -> LEVEL_4;
        };
    }

    private String provider(String code, SplittableRandom rng) {
        return switch (code) {
            case "MOTIVATION" -> Rand.chance(rng, 0.6) ? "STAD" : "CIVIL";
            case "HALSA" -> Rand.oneOf(rng, "REGION", "REGION", "STAD", "CIVIL");
            case "KARTLAGGNING" -> Rand.chance(rng, 0.6) ? "AF" : "STAD";
            case "REHAB" -> profile.rehabProvider.pick(rng);
            case "PRAKTIK" -> Rand.chance(rng, 0.65) ? "AF" : "STAD";
            case "ARBETSTRANING" -> Rand.chance(rng, 0.7) ? "STAD" : "CIVIL";
            case "SFI", "KOMVUX" -> "STAD";
            case "ANSTALLNING" -> "ANNAN";
            default -> "AF"; // YRKESUTBILDNING, NYSTARTSJOBB, LONESTOD, INTRODUKTIONSJOBB, STARTA_EGET
        };
    }

    /** Hours a week: mostly whole hours, sometimes a half (decimal comma in CSV), sometimes not given. */
    private static Object hours(String code, SplittableRandom rng) {
        if (Rand.chance(rng, 0.05)) {
            return null;
        }
        int h = switch (code) {
            case "MOTIVATION" -> Rand.between(rng, 4, 10);
            case "HALSA" -> Rand.between(rng, 2, 6);
            case "KARTLAGGNING" -> Rand.between(rng, 10, 20);
            case "REHAB" -> Rand.between(rng, 10, 25);
            case "ARBETSTRANING" -> Rand.between(rng, 10, 30);
            case "SFI" -> Rand.between(rng, 15, 20);
            case "KOMVUX" -> Rand.between(rng, 15, 40);
            case "STARTA_EGET" -> 40;
            default -> Rand.between(rng, 20, 40);
        };
        return Rand.chance(rng, 0.1) && h < 40 ? new BigDecimal(h + ".5") : Integer.valueOf(h);
    }
}
