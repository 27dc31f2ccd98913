package se.uppfoljning.sampledata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The deliberate bad rows of the Stockholm sample, one for each reason code of SPEC R3 (two for
 * UNKNOWN_TEAM_OR_AREA), each with exactly one defect. They are written between the ordinary rows,
 * each at the first person from a given position on that suits it, and recorded with file, line
 * and expected reason.
 */
final class BadRows {

    /** One bad row: where it goes, and how it is written (returns the expected reject). */
    private record Injection(int fromPosition, boolean beforePerson, Predicate<Person> fits,
            Function<Person, ExpectedReject> write) {
    }

    private final ProjectInbox inbox;
    private final PersonRows rows;
    private final SplittableRandom rng;
    private final List<Injection> pending = new ArrayList<>();
    private final List<ExpectedReject> written = new ArrayList<>();

    /**
     * @param strangers five test numbers of persons in no episode, for the team-register rows that
     *                  are rejected as a whole
     */
    BadRows(ProjectInbox inbox, PersonRows rows, List<String> strangers, SplittableRandom rng) {
        this.inbox = inbox;
        this.rows = rows;
        this.rng = rng;
        teamRegisterRows(strangers);
        agencyRows();
    }

    private void teamRegisterRows(List<String> strangers) {
        pending.add(new Injection(150, false, p -> true, p -> episodeRow(strangers.get(0), "3", "Rinkeby-Kista",
                "2025-02-30", null, "", "startdatum", "2025-02-30", "INVALID_DATE", "startdatum 30 February")));
        pending.add(new Injection(450, false, p -> true, p -> episodeRow(strangers.get(1), "5", "Farsta",
                "", null, "", "startdatum", "", "MISSING_VALUE", "startdatum empty")));
        pending.add(new Injection(750, false, p -> true, p -> episodeRow(strangers.get(2), "2", "Skärholmen",
                LocalDate.of(2025, 3, 3), LocalDate.of(2025, 9, 30), "SLUTAT", "avslutsanledning", "SLUTAT",
                "UNKNOWN_CODE", "avslutsanledning not in the code list")));
        pending.add(new Injection(1050, false, p -> true, p -> episodeRow(strangers.get(3), "7", "Hägersten-Älvsjö",
                LocalDate.of(2025, 4, 7), null, "", "team", "7", "UNKNOWN_TEAM_OR_AREA",
                "team 7 does not exist (and Hägersten-Älvsjö takes no part)")));
        pending.add(new Injection(1350, false, p -> true, p -> episodeRow(strangers.get(4), "1", "Farsta",
                LocalDate.of(2025, 8, 18), null, "", "omrade", "Farsta", "UNKNOWN_TEAM_OR_AREA",
                "Farsta is team 5's area, not team 1's (R2)")));
        pending.add(new Injection(300, true, BadRows::openSinceEarly2025, this::overlappingEpisode));
        pending.add(new Injection(500, false, BadRows::hasEpisode, this::contactWithWrongCheckDigit));
        pending.add(new Injection(900, false, p -> p.lastEpisode().isOpen(), this::contactAfterDelivery));
        pending.add(new Injection(700, false, BadRows::hasEpisode, this::assessmentStepNine));
    }

    private void agencyRows() {
        pending.add(new Injection(1000, false, p -> hasEpisode(p) && p.firstStart().isBefore(LocalDate.of(2026, 6, 1)),
                this::insatsEndingBeforeStart));
        pending.add(new Injection(200, false, BadRows::hasSupportRows, this::paymentNotANumber));
        pending.add(new Injection(1200, false, BadRows::hasSupportRows, this::paymentLongBeforeProject));
        pending.add(new Injection(600, false, p -> p.afRegistered, this::deregisteredBeforeRegistered));
    }

    /** Called before a person's rows are written. */
    void before(int position, Person person) {
        inject(position, person, true);
    }

    /** Called after a person's rows are written. */
    void after(int position, Person person) {
        inject(position, person, false);
    }

    /** The bad rows written, in the order written; fails if a row found no place. */
    List<ExpectedReject> expected() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " deliberate bad rows found no place; too few persons?");
        }
        return List.copyOf(written);
    }

    private void inject(int position, Person person, boolean before) {
        for (int i = 0; i < pending.size(); i++) {
            Injection injection = pending.get(i);
            if (injection.beforePerson() == before && position >= injection.fromPosition()
                    && injection.fits().test(person)) {
                written.add(injection.write().apply(person));
                pending.remove(i--);
                return; // at most one bad row per person and side
            }
        }
    }

    // --- the team register ---

    private ExpectedReject episodeRow(String pnr, String team, String area, Object start, LocalDate end,
            String endReason, String field, String value, String reason, String what) {
        int line = inbox.deltagare.write(SamplePersonnummer.format(pnr, SamplePersonnummer.Style.HYPHEN_12), team, area, start,
                end, endReason, end == null ? "" : "ARBETSSOKANDE", "", "SOC", "ISCED_3_4", "N",
                LocalDate.of(2022, 5, 1), "FORSORJNINGSSTOD", end == null ? "" : "FORSORJNINGSSTOD", "J", "N");
        return reject(inbox.deltagare, line, field, value, reason, what);
    }

    /** A second, later-starting episode of a person whose first is still open (R1); written before it. */
    private ExpectedReject overlappingEpisode(Person p) {
        Episode open = p.episodes.get(0);
        Episode second = new Episode();
        second.team = open.team;
        second.area = open.area;
        second.start = Rand.workday(open.start.plusDays(Rand.between(rng, 60, 150)), ProjectProfile.DELIVERY);
        second.kon = open.kon;
        second.referrer = "AF";
        second.education = open.education;
        second.disability = open.disability;
        second.unemployedSince = open.unemployedSince;
        second.supportStart = open.supportStart;
        second.consent = open.consent;
        second.protectedId = open.protectedId;
        int line = rows.deltagare.write(SamplePersonnummer.format(p.pnr, SamplePersonnummer.Style.HYPHEN_12), second, rng);
        return reject(inbox.deltagare, line, "startdatum", second.start.toString(), "OVERLAPPING_EPISODE",
                "starts while the same person's episode from " + open.start + " (next line) is open");
    }

    private ExpectedReject contactWithWrongCheckDigit(Person p) {
        String wrong = SamplePersonnummer.withWrongCheckDigit(p.pnr);
        Episode e = p.episodes.get(0);
        int line = inbox.kontakter.write(SamplePersonnummer.format(wrong, SamplePersonnummer.Style.HYPHEN_12),
                Rand.min(e.start.plusDays(14), e.horizon()), "ENSKILT", "JC");
        return reject(inbox.kontakter, line, "personnummer", mask(wrong), "INVALID_PNR",
                "a participant's number with the last digit mistyped (Luhn check fails)");
    }

    private ExpectedReject contactAfterDelivery(Person p) {
        int line = inbox.kontakter.write(Cells.pnr(rng, p.pnr), LocalDate.of(2026, 11, 15), "UPPFOLJNING", "JC");
        return reject(inbox.kontakter, line, "datum", "2026-11-15", "DATE_AFTER_DELIVERY",
                "a meeting dated after the delivery date 2026-10-31");
    }

    private ExpectedReject assessmentStepNine(Person p) {
        Episode e = p.episodes.get(0);
        int line = inbox.bedomning.write(Cells.pnr(rng, p.pnr), Rand.min(e.start.plusDays(30), e.horizon()), 9,
                "UPPFOLJNING");
        return reject(inbox.bedomning, line, "steg", "9", "OUT_OF_RANGE", "steg outside 1-7");
    }

    // --- the agencies ---

    private ExpectedReject insatsEndingBeforeStart(Person p) {
        LocalDate start = Rand.workday(p.firstStart().plusDays(40), ProjectProfile.DELIVERY);
        LocalDate end = start.minusDays(14);
        RowSink af = inbox.insatserAf();
        int line = af.write(Cells.pnr(rng, p.pnr), "PRAKTIK", "AF", start, end, 20);
        return reject(af, line, "slutdatum", end.toString(), "END_BEFORE_START", "a praktik ending 14 days before it starts");
    }

    private ExpectedReject paymentNotANumber(Person p) {
        YearMonth month = YearMonth.from(p.firstStart());
        int line = inbox.bistand.write(Cells.pnr(rng, p.pnr), month, "abc", p.episodes.get(0).area, p.household);
        return reject(inbox.bistand, line, "belopp", "abc", "NOT_A_NUMBER", "belopp is no number");
    }

    private ExpectedReject paymentLongBeforeProject(Person p) {
        int line = inbox.bistand.write(Cells.pnr(rng, p.pnr), YearMonth.of(2022, 1), 6500, p.episodes.get(0).area,
                p.household);
        return reject(inbox.bistand, line, "manad", "2022-01", "MONTH_OUT_OF_RANGE",
                "more than a year before the project's start 2024-09-01");
    }

    private ExpectedReject deregisteredBeforeRegistered(Person p) {
        int line = inbox.afStatus.write(Cells.pnr(rng, p.pnr), LocalDate.of(2023, 3, 15), "ARBETSSOKANDE",
                LocalDate.of(2023, 2, 1), "OVRIGT");
        return reject(inbox.afStatus, line, "avaktualiseringsdatum", "2023-02-01", "END_BEFORE_START",
                "avaktualiseringsdatum before inskrivningsdatum");
    }

    // --- helpers ---

    private static boolean hasEpisode(Person p) {
        return !p.episodes.get(0).isVoid();
    }

    private static boolean hasSupportRows(Person p) {
        return p.supportRowsDelivered && p.receivesSupport() && hasEpisode(p);
    }

    private static boolean openSinceEarly2025(Person p) {
        Episode e = p.episodes.get(0);
        return p.episodes.size() == 1 && e.isOpen() && !e.start.isBefore(LocalDate.of(2025, 1, 1))
                && e.start.isBefore(LocalDate.of(2025, 7, 1)) && !"N".equals(e.consent) && !"J".equals(e.protectedId)
                && !SamplePersonnummer.isSamordningsnummer(p.pnr);
    }

    private static ExpectedReject reject(RowSink file, int line, String field, String value, String reason,
            String what) {
        return new ExpectedReject(file.path(), line, field, value, reason, what);
    }

    /** SPEC §4: a personnummer in a reject file is masked as YYYYMMDD-****. */
    static String mask(String twelve) {
        return twelve.substring(0, 8) + "-****";
    }
}
