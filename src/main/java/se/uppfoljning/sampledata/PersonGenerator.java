package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Plans one person of a project: draws a test number that gives the age profile, the person's
 * traits and the participation episodes. Used both for the sample (one episode, sometimes a
 * re-entry) and for the benchmark scale mode (a fixed number of episodes in consecutive slots).
 * Everything random comes from the {@link SplittableRandom} passed in, so a person depends only on
 * the seed and its index.
 */
final class PersonGenerator {

    private static final Weighted REASON_AFTER_WORK_OR_STUDIES =
            Weighted.of("ENLIGT_PLAN", 88, "OVERFORD", 7, "AVBROTT", 5);
    private static final Weighted REASON_AFTER_JOBSEEKING =
            Weighted.of("ENLIGT_PLAN", 45, "AVBROTT", 35, "OVERFORD", 15, "OKAND", 5);
    private static final Weighted REASON_AFTER_REHAB = Weighted.of("OVERFORD", 55, "ENLIGT_PLAN", 40, "AVBROTT", 5);
    private static final Weighted REASON_AFTER_SICK = Weighted.of("AVBROTT", 55, "ENLIGT_PLAN", 35, "OVERFORD", 10);
    private static final Weighted REASON_AFTER_OTHER = Weighted.of("FLYTT", 45, "AVBROTT", 47, "OKAND", 8);
    private static final Weighted REASON_UNKNOWN = Weighted.of("AVBROTT", 50, "FLYTT", 30, "OKAND", 20);

    private final ProjectProfile profile;
    private final TestNumberPool pool;

    PersonGenerator(ProjectProfile profile, TestNumberPool pool) {
        this.profile = profile;
        this.pool = pool;
    }

    /** Sample mode: a first episode starting between its team's start and the delivery date, maybe a re-entry. */
    Person plan(int index, SplittableRandom rng) {
        ProjectProfile.Team team = profile.team(profile.teamWeights.pick(rng));
        LocalDate start = Rand.workday(Rand.date(rng, team.start(), ProjectProfile.DELIVERY), ProjectProfile.DELIVERY);
        Person person = newPerson(index, start, rng);
        Episode first = episode(person, team, start, null, index, rng);
        person.episodes.add(first);
        if (!first.isOpen() && !first.isVoid() && Rand.chance(rng, profile.reentryChance)) {
            LocalDate again = Rand.workday(first.end.plusDays(Rand.between(rng, 30, 240)), ProjectProfile.DELIVERY);
            if (!again.isAfter(ProjectProfile.DELIVERY.minusDays(30)) && person.ageAt(again) <= profile.maxAge) {
                ProjectProfile.Team next = Rand.chance(rng, 0.85) ? team : profile.team(profile.teamWeights.pick(rng));
                person.episodes.add(reentry(person, first, next, again, null, rng));
            }
        }
        return person;
    }

    /**
     * Scale mode: {@code count} episodes, one in each of {@code count} consecutive slots of the time
     * between the team's start and the delivery date, so they never overlap. The slots are about
     * equal, but each person's grid is shifted by a random phase (the first slot takes it), so that
     * episodes start and end in every month, the last ones too, as they do in a project that has
     * run for a while: without it every person's last episode would start in the same few weeks
     * and none would end in the month before the delivery.
     */
    Person planSlots(int index, int count, SplittableRandom rng) {
        ProjectProfile.Team team = profile.team(profile.teamWeights.pick(rng));
        long span = ProjectProfile.DELIVERY.toEpochDay() - team.start().toEpochDay();
        long slot = span / count;
        long phase = count == 1 ? 0 : rng.nextLong(slot);
        Person person = null;
        for (int i = 0; i < count; i++) {
            LocalDate slotStart = i == 0 ? team.start() : team.start().plusDays(phase + i * slot);
            LocalDate slotLast = i == count - 1 ? ProjectProfile.DELIVERY
                    : team.start().plusDays(phase + (i + 1) * slot - 2);
            // a single episode may start any time; several start early in their slot to leave room to run
            long room = Math.max(0, Math.min(slot, slotLast.toEpochDay() - slotStart.toEpochDay()));
            LocalDate start = Rand.date(rng, slotStart, slotStart.plusDays(count == 1 ? slot : room / 3));
            if (person == null) {
                person = newPerson(index, start, rng);
                person.episodes.add(episode(person, team, start, i == count - 1 ? null : slotLast, index, rng));
            } else {
                person.episodes.add(reentry(person, person.lastEpisode(), team, start,
                        i == count - 1 ? null : slotLast, rng));
            }
        }
        return person;
    }

    private Person newPerson(int index, LocalDate start, SplittableRandom rng) {
        boolean younger = every(index, profile.youngerEvery, 6);
        int age = younger ? Rand.between(rng, profile.minAge - 5, profile.minAge - 1) : profile.drawAge(rng);
        int minYear = younger ? start.getYear() - profile.minAge + 1 : start.getYear() - profile.maxAge;
        int maxYear = younger ? start.getYear() - profile.minAge + 4 : start.getYear() - profile.minAge - 1;
        String number = drawNumber(start.getYear() - age, minYear, maxYear, younger, rng);
        if (every(index, profile.samordningEvery, 0)) {
            number = SamplePersonnummer.toSamordningsnummer(number);
        }
        Person person = new Person(number);
        person.household = profile.household.pick(rng);
        person.monthlySupport = monthlySupport(person.household, rng);
        person.supportRowsDelivered = !every(index, profile.noSupportRowsEvery, 1);
        person.afRegistered = Rand.chance(rng, profile.afRegisteredPercent / 100.0);
        return person;
    }

    /**
     * A test number born in {@code year}; when that year is used up (the list has few numbers born
     * before 1976), a new age is drawn, so the shortage thins the older bands instead of piling
     * everybody onto the nearest year.
     */
    private String drawNumber(int year, int minYear, int maxYear, boolean younger, SplittableRandom rng) {
        int target = Math.max(minYear, Math.min(maxYear, year));
        for (int attempt = 0; attempt < 20 && !younger; attempt++) {
            String number = pool.drawExact(target, rng);
            if (number != null) {
                return number;
            }
            target = Math.max(minYear, Math.min(maxYear, maxYear + profile.minAge + 1 - profile.drawAge(rng)));
        }
        return pool.draw(target, minYear, maxYear, rng);
    }

    /** A first episode; {@code latestEnd} caps its end (scale mode), null = no cap. */
    private Episode episode(Person person, ProjectProfile.Team team, LocalDate start, LocalDate latestEnd,
            int index, SplittableRandom rng) {
        Episode e = new Episode();
        e.team = team;
        e.area = Rand.oneOf(rng, team.areas());
        e.start = start;
        e.kon = kon(person, index, rng);
        e.education = profile.education.pick(rng);
        e.disability = Rand.chance(rng, 0.03) ? "" : Rand.chance(rng, profile.disabilityPercent / 100.0) ? "J" : "N";
        e.consent = every(index, profile.noConsentEvery, 2) ? "N" : Rand.chance(rng, 0.1) ? "" : "J";
        e.protectedId = every(index, profile.protectedEvery, 3) ? "J" : Rand.chance(rng, 0.15) ? "" : "N";
        fillEntry(person, e, rng);
        if (every(index, profile.voidEvery, 4)) {
            e.end = Rand.min(start.plusDays(Rand.between(rng, 1, 10)), ProjectProfile.DELIVERY);
            e.endReason = "FELREG";
            e.outcome = "";
        } else {
            fillExit(e, latestEnd, rng);
        }
        // people referred by AF or on an AF benefit are registered there
        person.afRegistered |= "AF".equals(e.referrer) || e.supportStart.contains("AKTIVITETSSTOD")
                || e.supportStart.contains("A_KASSA");
        return e;
    }

    /** A later episode of the same person: the same person-level facts, new entry data. */
    private Episode reentry(Person person, Episode previous, ProjectProfile.Team team, LocalDate start,
            LocalDate latestEnd, SplittableRandom rng) {
        Episode e = new Episode();
        e.team = team;
        e.area = team == previous.team && Rand.chance(rng, 0.9) ? previous.area : Rand.oneOf(rng, team.areas());
        e.start = start;
        e.kon = previous.kon;
        e.education = previous.education;
        e.disability = previous.disability;
        e.consent = previous.consent;
        e.protectedId = previous.protectedId;
        fillEntry(person, e, rng);
        if (e.unemployedSince != null) {
            // still unemployed since then, or again since some time after the job that ended the last episode
            LocalDate afterJob = previous.exitToWork() ? previous.end.plusDays(14) : null;
            e.unemployedSince = afterJob == null
                    ? (previous.unemployedSince != null ? previous.unemployedSince : e.unemployedSince)
                    : afterJob.isBefore(e.start) ? Rand.date(rng, afterJob, e.start.minusDays(1)) : e.start.minusDays(1);
        }
        fillExit(e, latestEnd, rng);
        return e;
    }

    private void fillEntry(Person person, Episode e, SplittableRandom rng) {
        int age = person.ageAt(e.start);
        e.referrer = profile.referrer.pick(rng);
        e.supportStart = supportStart(age, rng);
        e.unemployedSince = null;
        if (Rand.chance(rng, profile.unemployedSinceWrittenPercent / 100.0)) {
            boolean longTerm = Rand.chance(rng, age < 25 ? 0.6 : 0.9);
            int maxDays = Math.max(60, Math.min(6 * 365, (age - 16) * 365));
            int days = longTerm ? Rand.between(rng, Math.min(365, maxDays), maxDays) : Rand.between(rng, 30, 330);
            e.unemployedSince = e.start.minusDays(days);
        }
    }

    private String supportStart(int age, SplittableRandom rng) {
        String s = profile.supportStart.pick(rng);
        if (s.equals("AKTIVITETSERSATTNING") && age >= 30) {
            return "SJUKERSATTNING";
        }
        if (s.equals("SJUKERSATTNING") && age < 30) {
            return "AKTIVITETSERSATTNING";
        }
        if (age < 19 && (s.contains("SJUK") || s.contains("AKTIVITETSERSATTNING"))) {
            return "INGEN";
        }
        return s;
    }

    private void fillExit(Episode e, LocalDate latestEnd, SplittableRandom rng) {
        LocalDate planned = e.start.plusDays(profile.drawDurationDays(rng));
        if (latestEnd != null && planned.isAfter(latestEnd)) {
            planned = latestEnd;
        }
        if (planned.isAfter(ProjectProfile.DELIVERY)) {
            return; // still open on the delivery date
        }
        e.end = Rand.max(e.start.plusDays(1), Rand.workday(planned, Rand.min(ProjectProfile.DELIVERY,
                latestEnd != null ? latestEnd : ProjectProfile.DELIVERY)));
        e.outcome = profile.exitStatus.pick(rng);
        e.endReason = endReason(e.outcome).pick(rng);
        e.outcomeWritten = e.outcome.equals("OKAND") ? Rand.chance(rng, 0.5) : Rand.chance(rng, 0.93);
        e.supportEnd = Rand.chance(rng, 0.05) ? "" : supportEnd(e.outcome, e.supportStart, rng);
    }

    private static Weighted endReason(String outcome) {
        return switch (outcome) {
            case "ARBETE", "ARBETE_SUBV", "EGET_FORETAG", "STUDIER" -> REASON_AFTER_WORK_OR_STUDIES;
            case "ARBETSSOKANDE" -> REASON_AFTER_JOBSEEKING;
            case "FORTSATT_REHAB" -> REASON_AFTER_REHAB;
            case "SJUKSKRIVEN" -> REASON_AFTER_SICK;
            case "OVRIGT" -> REASON_AFTER_OTHER;
            default -> REASON_UNKNOWN;
        };
    }

    private static String supportEnd(String outcome, String start, SplittableRandom rng) {
        boolean health = start.contains("SJUK") || start.contains("AKTIVITETSERSATTNING");
        boolean fs = start.contains("FORSORJNINGSSTOD");
        return switch (outcome) {
            case "ARBETE" -> Rand.chance(rng, 0.7) ? "LON" : "LON|FORSORJNINGSSTOD";
            case "ARBETE_SUBV" -> Rand.chance(rng, 0.7) ? "LON_SUBV" : "LON_SUBV|FORSORJNINGSSTOD";
            case "EGET_FORETAG" -> "FORETAG";
            case "STUDIER" -> Rand.chance(rng, 0.65) ? "STUDIEMEDEL" : "STUDIEMEDEL|FORSORJNINGSSTOD";
            case "ARBETSSOKANDE" -> fs
                    ? Rand.oneOf(rng, "FORSORJNINGSSTOD", "FORSORJNINGSSTOD", "FORSORJNINGSSTOD|A_KASSA",
                            "AKTIVITETSSTOD|FORSORJNINGSSTOD")
                    : Rand.oneOf(rng, "AKTIVITETSSTOD", "A_KASSA");
            case "FORTSATT_REHAB", "SJUKSKRIVEN" -> health ? start
                    : outcome.equals("SJUKSKRIVEN") && Rand.chance(rng, 0.5) ? "SJUKPENNING|FORSORJNINGSSTOD"
                    : fs ? "FORSORJNINGSSTOD" : "INGEN";
            case "OVRIGT" -> Rand.chance(rng, 0.7) ? start : "ANNAN";
            default -> Rand.chance(rng, 0.6) ? "" : "OKAND";
        };
    }

    private String kon(Person person, int index, SplittableRandom rng) {
        if (every(index, profile.nonBinaryEvery, 5)) {
            return "X";
        }
        if (!Rand.chance(rng, profile.konWrittenPercent / 100.0)) {
            return "";
        }
        return person.male ? "M" : "K";
    }

    private static int monthlySupport(String household, SplittableRandom rng) {
        return switch (household) {
            case "Ensamstående utan barn" -> Rand.between(rng, 5200, 8200);
            case "Ensamstående med barn" -> Rand.between(rng, 8500, 14500);
            case "Sammanboende utan barn" -> Rand.between(rng, 8000, 11500);
            default -> Rand.between(rng, 11500, 19000);
        };
    }

    /**
     * True for every n-th person; {@code slot} shifts the position so that the special cases of
     * one project fall on different persons.
     */
    private static boolean every(int index, int n, int slot) {
        return n > 0 && index % n == (n / 7 * (slot + 1)) % n;
    }
}
