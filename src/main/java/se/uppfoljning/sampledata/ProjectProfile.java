package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the generator needs to know about one sample project: teams and areas exactly as in
 * {@code jobs/projects/<id>.yml}, the lifetime, and the shape of its participants (age profile,
 * referrers, income support, exits). The "every" fields place a handful of special cases at fixed
 * person indices so their number does not depend on chance.
 */
final class ProjectProfile {

    record Team(String id, LocalDate start, List<String> areas) {
    }

    /** How long an episode runs: open-ended (Stockholmskraften) or at most 12 months + 6 (Västerås). */
    enum Duration { OPEN_ENDED, MAX_12_PLUS_6 }

    String id;
    LocalDate start;
    LocalDate end;
    List<Team> teams;
    Weighted teamWeights;
    int persons;
    double reentryChance;
    int minAge;
    int maxAge;
    /** Age bands at start as "lo-hi" with weights; ages uniform inside a band. */
    Weighted ageBands;
    /** Every n-th person is a few years younger than minAge (an eligibility finding); 0 = none. */
    int youngerEvery;
    Duration duration;
    Weighted referrer;
    Weighted education;
    Weighted supportStart;
    /** The true status after an ended episode (OKAND = no evidence anywhere). */
    Weighted exitStatus;
    int disabilityPercent;
    int konWrittenPercent;
    int unemployedSinceWrittenPercent;
    int nonBinaryEvery;
    int noConsentEvery;
    int protectedEvery;
    int samordningEvery;
    int voidEvery;
    /** Persons without any försörjningsstöd row although on it at start (an eligibility finding). */
    int noSupportRowsEvery;
    int afRegisteredPercent;
    Weighted jointAktorer;
    Weighted planAktorer;
    /** aktorer of individual meetings and follow-ups ("" = none written). */
    Weighted meetingAktorer;
    Weighted threePartyAktorer;
    Weighted rehabProvider;
    Weighted household;
    /** Stockholm: AF's insatser in a CSV of their own, the city's (and others') in an XLSX. */
    boolean splitInsatserByAgency;
    /** Insatser during an episode: between min and max, at most one per {@code insatserDaysApart} days. */
    int insatserMin = 3;
    int insatserMax = 8;
    int insatserDaysApart = 40;
    /**
     * Benchmark density: every episode gets between min and max insatser however short it is
     * (they may start on the same day and overlap), instead of at most one per
     * {@code insatserDaysApart} days.
     */
    boolean denseInsatser;
    /**
     * Benchmark density: about this many bistånd rows per episode, by paying each month in as
     * many instalments as it takes (R9 sums a month's rows, so no outcome changes); 0 = one
     * payment a month as in the sample.
     */
    int paymentRowsPerEpisode;

    static final LocalDate DELIVERY = LocalDate.of(2026, 10, 31);

    static ProjectProfile stockholmskraften() {
        ProjectProfile p = new ProjectProfile();
        p.id = "stockholmskraften";
        p.start = LocalDate.of(2024, 9, 1);
        p.end = LocalDate.of(2027, 8, 31);
        LocalDate pilot = LocalDate.of(2024, 9, 1);
        LocalDate later = LocalDate.of(2024, 11, 1);
        p.teams = List.of(
                new Team("1", pilot, List.of("Hässelby-Vällingby")),
                new Team("2", pilot, List.of("Skärholmen")),
                new Team("3", later, List.of("Rinkeby-Kista")),
                new Team("4", later, List.of("Spånga-Tensta", "Bromma")),
                new Team("5", later, List.of("Farsta", "Enskede-Årsta-Vantör")),
                new Team("6", later, List.of("Skarpnäck", "Södermalm", "Kungsholmen", "Norrmalm", "Östermalm")));
        p.teamWeights = Weighted.of("1", 15, "2", 15, "3", 16, "4", 17, "5", 17, "6", 20);
        p.persons = 1500;
        p.reentryChance = 0.17;
        p.minAge = 30;
        p.maxAge = 64;
        p.ageBands = Weighted.of("30-39", 36, "40-49", 32, "50-59", 22, "60-64", 10);
        p.youngerEvery = 250;
        p.duration = Duration.OPEN_ENDED;
        p.referrer = Weighted.of("SOC", 54, "AF", 38, "EGEN", 4, "REGION", 3, "ANNAN", 1);
        p.education = Weighted.of("ISCED_0_2", 38, "ISCED_3_4", 34, "ISCED_5_8", 15, "OKAND", 13);
        p.supportStart = Weighted.of("FORSORJNINGSSTOD", 85, "FORSORJNINGSSTOD|A_KASSA", 8,
                "FORSORJNINGSSTOD|AKTIVITETSSTOD", 5, "FORSORJNINGSSTOD|SJUKPENNING", 2);
        p.exitStatus = Weighted.of("ARBETE", 20, "ARBETE_SUBV", 10, "EGET_FORETAG", 2, "STUDIER", 15,
                "ARBETSSOKANDE", 25, "FORTSATT_REHAB", 11, "SJUKSKRIVEN", 7, "OVRIGT", 6, "OKAND", 4);
        p.disabilityPercent = 15;
        p.konWrittenPercent = 17;
        p.unemployedSinceWrittenPercent = 93;
        p.nonBinaryEvery = 500;
        p.noConsentEvery = 190;
        p.protectedEvery = 500;
        p.samordningEvery = 500;
        p.voidEvery = 750;
        p.noSupportRowsEvery = 300;
        p.afRegisteredPercent = 97;
        p.jointAktorer = Weighted.of("AF|SOC|JC", 70, "SOC|JC", 12, "AF|SOC", 10, "AF|SOC|JC|SYV", 3, "SOC", 5);
        p.planAktorer = Weighted.of("AF|SOC|JC", 75, "SOC|JC", 15, "AF|JC", 10);
        p.meetingAktorer = Weighted.of("JC", 45, "SOC", 20, "SOC|JC", 15, "AF|JC", 5, "", 15);
        p.threePartyAktorer = Weighted.of("AF|JC", 40, "AF|SOC", 30, "SOC|JC", 30);
        p.rehabProvider = Weighted.of("REGION", 50, "FK", 30, "AF", 20);
        p.household = Weighted.of("Ensamstående utan barn", 48, "Ensamstående med barn", 22,
                "Sammanboende utan barn", 10, "Sammanboende med barn", 20);
        p.splitInsatserByAgency = true;
        return p;
    }

    /**
     * The benchmark variant of Stockholmskraften (--scale): ages 18-85, so that the test-number
     * list yields as many distinct persons as it can (~22,000 numbers, twice that with the
     * samordningsnummer derived from them; those over 64 are eligibility findings, not rejects),
     * the density issue 9 asks for (about eight insatser and twelve bistånd rows an episode, so
     * 25-30 extract rows per episode at any scale) and none of the handful of special cases.
     */
    static ProjectProfile stockholmskraftenScale() {
        ProjectProfile p = stockholmskraften();
        p.minAge = 18;
        p.maxAge = 85;
        p.ageBands = Weighted.of("18-29", 20, "30-49", 45, "50-64", 25, "65-85", 10);
        p.youngerEvery = 0;
        p.samordningEvery = 0;
        p.nonBinaryEvery = 0;
        p.noSupportRowsEvery = 0;
        p.voidEvery = 1000;
        p.insatserMin = 6;
        p.insatserMax = 10;
        p.insatserDaysApart = 7;
        p.denseInsatser = true;
        p.paymentRowsPerEpisode = 12;
        return p;
    }

    static ProjectProfile vasteras() {
        ProjectProfile p = new ProjectProfile();
        p.id = "vasteras";
        p.start = LocalDate.of(2024, 1, 1);
        p.end = LocalDate.of(2027, 12, 31);
        LocalDate start = LocalDate.of(2024, 1, 1);
        p.teams = List.of(
                new Team("A", start, List.of("Bäckby", "Skultuna", "Vallby")),
                new Team("B", start, List.of("Råby", "Hammarby", "Centrum")));
        p.teamWeights = Weighted.of("A", 50, "B", 50);
        p.persons = 300;
        p.reentryChance = 0.04;
        p.minAge = 16;
        p.maxAge = 64;
        p.ageBands = Weighted.of("16-19", 8, "20-24", 14, "25-29", 14, "30-39", 22, "40-49", 20,
                "50-59", 16, "60-64", 6);
        p.youngerEvery = 0;
        p.duration = Duration.MAX_12_PLUS_6;
        p.referrer = Weighted.of("AF", 30, "FK", 25, "SOC", 25, "REGION", 20);
        p.education = Weighted.of("ISCED_0_2", 30, "ISCED_3_4", 45, "ISCED_5_8", 15, "OKAND", 10);
        p.supportStart = Weighted.of("SJUKPENNING", 25, "AKTIVITETSERSATTNING", 15, "FORSORJNINGSSTOD", 30,
                "AKTIVITETSSTOD", 10, "SJUKERSATTNING", 6, "FORSORJNINGSSTOD|SJUKPENNING", 6, "INGEN", 8);
        p.exitStatus = Weighted.of("ARBETE", 14, "ARBETE_SUBV", 10, "EGET_FORETAG", 1, "STUDIER", 18,
                "ARBETSSOKANDE", 10, "FORTSATT_REHAB", 35, "SJUKSKRIVEN", 7, "OVRIGT", 3, "OKAND", 2);
        p.disabilityPercent = 30;
        p.konWrittenPercent = 50;
        p.unemployedSinceWrittenPercent = 50;
        p.nonBinaryEvery = 150;
        p.noConsentEvery = 100;
        p.protectedEvery = 300;
        p.samordningEvery = 150;
        p.voidEvery = 0;
        p.noSupportRowsEvery = 0;
        p.afRegisteredPercent = 55;
        p.jointAktorer = Weighted.of("AF|FK|SOC", 25, "AF|FK|REGION", 25, "FK|REGION", 15, "AF|SOC", 15,
                "AF|FK|SOC|REGION", 15, "FK", 5);
        p.planAktorer = Weighted.of("AF|FK|REGION|SOC", 40, "AF|FK", 30, "FK|REGION", 20, "SOC|REGION", 10);
        p.meetingAktorer = Weighted.of("FK", 25, "AF", 20, "SOC", 20, "REGION", 15, "", 20);
        p.threePartyAktorer = Weighted.of("AF|FK", 35, "FK|REGION", 30, "AF|SOC", 20, "SOC|REGION", 15);
        p.rehabProvider = Weighted.of("FK", 45, "REGION", 40, "AF", 15);
        p.household = Weighted.of("Ensamstående utan barn", 55, "Ensamstående med barn", 20,
                "Sammanboende utan barn", 10, "Sammanboende med barn", 15);
        p.splitInsatserByAgency = false;
        return p;
    }

    Team team(String id) {
        return teams.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** A target age at start drawn from the age bands. */
    int drawAge(SplittableRandom rng) {
        String[] band = ageBands.pick(rng).split("-");
        return Rand.between(rng, Integer.parseInt(band[0]), Integer.parseInt(band[1]));
    }

    /** Days from start to the planned end (the episode is open when that lies after delivery). */
    int drawDurationDays(SplittableRandom rng) {
        if (duration == Duration.MAX_12_PLUS_6) {
            return Rand.chance(rng, 0.07) ? Rand.between(rng, 370, 540) : Rand.between(rng, 60, 360);
        }
        // roughly log-normal around 260 days (sum of three uniforms as a normal, stable across JDKs)
        double normal = 2 * (rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 1.5);
        double days = Math.exp(Math.log(260) + 0.55 * normal);
        return (int) Math.max(30, Math.min(900, Math.round(days)));
    }

    /** First month a bistand row may fall in (SPEC §4: the project's lifetime minus one year). */
    LocalDate earliestPaymentMonth() {
        return start.minusYears(1).withDayOfMonth(1);
    }
}
