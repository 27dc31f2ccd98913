package se.uppfoljning.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import se.uppfoljning.report.DisclosureControl.Cell;
import se.uppfoljning.report.DisclosureControl.Gender;
import se.uppfoljning.report.DisclosureControl.Unit;

/**
 * Realistic report datasets built by hand, without a database: a synthetic cohort of participants
 * is counted into indicators × breakdowns × gender, and the real {@link DisclosureControl} is
 * applied, so the cells relate as the outcome engine's do (breakdowns add up, exits sum to the
 * ended, small cells are suppressed with their protecting cells). Deterministic (fixed seeds).
 *
 * <p>Traps on purpose: an area named {@code =HYPERLINK("http://evil.example","Älvsjö")} (formula
 * injection, and quotes and a comma for CSV quoting), Swedish letters everywhere, a base of 0
 * ("ej mätbar än"), non-binary participants few enough to be suppressed.
 */
final class ReportDatasetFixture {

    static final String EVIL_AREA = "=HYPERLINK(\"http://evil.example\",\"Älvsjö\")";
    static final List<String> TEAMS = List.of("1", "2", "3", "4");
    static final Map<String, String> AREA_OF_TEAM = Map.of("1", "Hässelby-Vällingby", "2", "Skärholmen",
            "3", "Rinkeby-Kista", "4", EVIL_AREA);
    static final List<String> AGE_BANDS = List.of("<18", "18-29", "30-54", "55+");
    static final List<String> REFERRERS = List.of("AF", "SOC", "FK", "REGION", "EGEN", "ANNAN", "OKAND");
    static final List<String> SUPPORT_GROUPS = List.of("ohalsa", "arbetsmarknadsstod", "ekonomiskt_bistand",
            "egen_forsorjning", "studier", "ovrigt");

    /** One synthetic participant of the period. */
    record Person(Gender gender, String ageBand, String team, String area, String referrer, String supportGroup,
                  boolean isNew, boolean ongoingAtStart, boolean ended, String exit, boolean subsidised,
                  String otherKind, boolean completed, boolean progressed, boolean progressionInScope,
                  boolean selfSufficientMeasurable, boolean selfSufficient, int activeDays) {
    }

    private ReportDatasetFixture() {
    }

    /** The half-year report 2026-H1 of Stockholmskraften, threshold 5, with 2025-H2 beside it. */
    static ReportDataset halfYear() {
        return finsam("halvarsrapport", "halfyear-report", "2026-H1", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), "2025-H2");
    }

    static ReportDataset tertial() {
        return finsam("tertialrapport", "tertial-report", "2026-T1", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 4, 30), "2025-T3");
    }

    static ReportDataset annual() {
        return finsam("helarsrapport", "annual-report", "2025", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), "2024");
    }

    private static ReportDataset finsam(String reportId, String job, String period, LocalDate start, LocalDate end,
                                        String previousPeriod) {
        List<String> breakdownsNew = List.of("age_band", "team", "area", "referrer", "support_group_start");
        List<ReportCell> cells = cells(reportId, cohort(160, 2026), 5, breakdownsNew);
        List<ReportCell> previous = cells(reportId, cohort(140, 2025), 5, breakdownsNew);
        return new ReportDataset(reportId, job, 42, "stockholmskraften", "Stockholmskraften", period, start, end,
                LocalDate.of(2026, 7, 15), "1.2", 5, cells, previous, previousPeriod, List.of(),
                activeByMonth(start, 6), targets(), processMeasures(), extracts(), findings(), definitions());
    }

    /** The monthly management report 2026-05, unsuppressed, with the year so far as cumulative figures. */
    static ReportDataset monthly() {
        List<String> breakdowns = List.of("age_band", "team");
        List<ReportCell> cells = cells("manadsrapport", cohort(60, 7), 0, breakdowns);
        List<ReportCell> yearToDate = cells("manadsrapport", cohort(150, 8), 0, breakdowns);
        List<ReportCell> previous = cells("manadsrapport", cohort(55, 9), 0, breakdowns);
        return new ReportDataset("manadsrapport", "monthly-report", 7, "stockholmskraften", "Stockholmskraften",
                "2026-05", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 3), "1.2", 0,
                cells, previous, "2026-04", yearToDate, activeByMonth(LocalDate.of(2025, 6, 1), 12), targets(),
                processMeasures(), extracts(), findings(), definitions());
    }

    /** The ESF+ report for 2026-H1 with the project lifetime as cumulative figures. */
    static ReportDataset esf() {
        List<ReportCell> cells = new ArrayList<>(esfCells(cohort(160, 2026)));
        cells.addAll(cells("esf-indikatorer", cohort(160, 2026), 5, List.of("age_band", "team")));
        List<ReportCell> lifetime = esfCells(cohort(420, 11));
        return new ReportDataset("esf-indikatorer", "esf-report", 43, "stockholmskraften", "Stockholmskraften",
                "2026-H1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 15), "1.2", 5,
                cells, List.of(), "2025-H2", lifetime, activeByMonth(LocalDate.of(2026, 1, 1), 6), targets(),
                processMeasures(), extracts(), findings(), definitions());
    }

    // ---- the cohort ---------------------------------------------------------------------------

    static List<Person> cohort(int size, long seed) {
        Random random = new Random(seed);
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            double g = random.nextDouble();
            Gender gender = g < 0.03 ? Gender.ICKEBINAR : g < 0.52 ? Gender.KVINNA : Gender.MAN;
            double a = random.nextDouble();
            String ageBand = a < 0.01 ? "<18" : a < 0.22 ? "18-29" : a < 0.85 ? "30-54" : "55+";
            String team = TEAMS.get(random.nextInt(TEAMS.size()));
            String referrer = REFERRERS.get(Math.min(REFERRERS.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 2.2)));
            String support = SUPPORT_GROUPS.get(Math.min(SUPPORT_GROUPS.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 2.5)));
            boolean isNew = random.nextDouble() < 0.45;
            boolean ongoingAtStart = !isNew;
            boolean ended = random.nextDouble() < 0.35;
            String exit = null;
            boolean subsidised = false;
            String otherKind = null;
            if (ended) {
                double e = random.nextDouble();
                exit = e < 0.3 ? "EXIT_WORK" : e < 0.48 ? "EXIT_STUDIES" : e < 0.7 ? "EXIT_JOBSEEKING" : "EXIT_OTHER";
                subsidised = "EXIT_WORK".equals(exit) && random.nextDouble() < 0.4;
                if ("EXIT_OTHER".equals(exit)) {
                    double o = random.nextDouble();
                    otherKind = o < 0.5 ? "EXIT_CONT_REHAB" : o < 0.8 ? "EXIT_UNKNOWN" : "SICK";
                }
            }
            boolean completed = ended && random.nextDouble() < 0.7;
            boolean inScope = ended || random.nextDouble() < 0.6;
            boolean progressed = inScope && random.nextDouble() < 0.45;
            boolean measurable = ended && gender != Gender.ICKEBINAR && random.nextDouble() < 0.6;
            boolean selfSufficient = measurable && random.nextDouble() < 0.3;
            int days = 20 + random.nextInt(162);
            persons.add(new Person(gender, ageBand, team, AREA_OF_TEAM.get(team), referrer, support, isNew, ongoingAtStart,
                    ended, exit, subsidised, otherKind, completed, progressed, inScope, measurable, selfSufficient, days));
        }
        return persons;
    }

    // ---- counting into cells, then disclosure control -------------------------------------------

    private static List<ReportCell> cells(String reportId, List<Person> persons, int threshold, List<String> newBreakdowns) {
        DisclosureControl control = new DisclosureControl(threshold);
        List<ReportCell> out = new ArrayList<>();
        add(out, control, "PART_NEW", persons, Person::isNew, newBreakdowns);
        add(out, control, "PART_ACTIVE", persons, p -> true, List.of("age_band", "team"));
        add(out, control, "PART_ENDED", persons, Person::ended, List.of("age_band"));
        add(out, control, "PART_ONGOING_START", persons, Person::ongoingAtStart, List.of());
        add(out, control, "PART_ONGOING_END", persons, p -> !p.ended(), List.of());
        out.addAll(participantYears(persons));
        // the exit groups share one table: several indicators on one sheet
        for (String exit : List.of("EXIT_WORK", "EXIT_WORK_SUBV", "EXIT_STUDIES", "EXIT_JOBSEEKING", "EXIT_OTHER",
                "EXIT_CONT_REHAB", "EXIT_UNKNOWN")) {
            Predicate<Person> test = switch (exit) {
                case "EXIT_WORK_SUBV" -> p -> "EXIT_WORK".equals(p.exit()) && p.subsidised();
                case "EXIT_CONT_REHAB", "EXIT_UNKNOWN" -> p -> exit.equals(p.otherKind());
                default -> p -> exit.equals(p.exit());
            };
            addAs(out, control, exit, "exits", persons, test, List.of(), Unit.PERSONS);
        }
        add(out, control, "ENDED_COMPLETED", persons, p -> p.ended() && p.completed(), List.of());
        add(out, control, "ENDED_ABORTED", persons, p -> p.ended() && !p.completed(), List.of());

        // PROGRESSION: a share of episodes in scope, suppressed with its numerator or base
        List<Cell> base = control.apply(count("PROGRESSION_BASE", persons, Person::progressionInScope, List.of(), Unit.EPISODES));
        List<Cell> numerator = control.apply(count("PROGRESSION", persons, p -> p.progressionInScope() && p.progressed(),
                List.of(), Unit.EPISODES));
        List<Cell> shares = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            Cell b = base.get(i);
            Cell n = numerator.get(i);
            BigDecimal raw = rawCount("PROGRESSION_BASE", persons, Person::progressionInScope, b);
            BigDecimal share = raw.signum() == 0 ? null : rawCount("PROGRESSION", persons,
                    p -> p.progressionInScope() && p.progressed(), n).divide(raw, 4, RoundingMode.HALF_UP);
            Cell cell = Cell.of("PROGRESSION", b.breakdown(), b.breakdownValue(), b.gender(), share, Unit.SHARE);
            shares.add(DisclosureControl.suppressShare(cell, n.suppressed(), b.suppressed()));
        }
        out.addAll(toReport("progression", shares));
        out.addAll(toReport("progression", base));
        // SELF_SUFFICIENT_3M with its base: non-binary participants are never measurable here (base 0)
        add(out, control, "SELF_SUFFICIENT_3M", persons, Person::selfSufficient, List.of());
        add(out, control, "SELF_SUFFICIENT_3M_BASE", persons, Person::selfSufficientMeasurable, List.of());
        // EMPLOYED_6M: six months have not passed for anyone yet
        add(out, control, "EMPLOYED_6M", persons, p -> false, List.of());
        add(out, control, "EMPLOYED_6M_BASE", persons, p -> false, List.of());
        return out;
    }

    private static void add(List<ReportCell> out, DisclosureControl control, String indicator, List<Person> persons,
                            Predicate<Person> test, List<String> breakdowns) {
        List<Cell> counted = control.apply(count(indicator, persons, test, breakdowns, Unit.PERSONS));
        Map<String, List<Cell>> byBreakdown = new LinkedHashMap<>();
        for (Cell cell : counted) {
            byBreakdown.computeIfAbsent(cell.breakdown(), b -> new ArrayList<>()).add(cell);
        }
        byBreakdown.forEach((breakdown, list) -> out.addAll(toReport(indicator.toLowerCase() + "_" + breakdown, list)));
    }

    private static void addAs(List<ReportCell> out, DisclosureControl control, String indicator, String tableId,
                              List<Person> persons, Predicate<Person> test, List<String> breakdowns, Unit unit) {
        out.addAll(toReport(tableId, control.apply(count(indicator, persons, test, breakdowns, unit))));
    }

    /** Cells of one indicator: the total row, then each breakdown's rows in natural order. */
    static List<Cell> count(String indicator, List<Person> persons, Predicate<Person> test, List<String> breakdowns,
                            Unit unit) {
        List<Cell> cells = new ArrayList<>();
        cells.addAll(row(indicator, "total", "total", persons, test, unit));
        for (String breakdown : breakdowns) {
            Function<Person, String> value = valueOf(breakdown);
            for (String v : valuesOf(breakdown)) {
                cells.addAll(row(indicator, breakdown, v, persons, test.and(p -> v.equals(value.apply(p))), unit));
            }
        }
        return cells;
    }

    private static List<Cell> row(String indicator, String breakdown, String value, List<Person> persons,
                                  Predicate<Person> test, Unit unit) {
        List<Cell> row = new ArrayList<>();
        for (Gender gender : Gender.values()) {
            long n = persons.stream().filter(test).filter(p -> gender == Gender.TOTALT || p.gender() == gender).count();
            row.add(Cell.of(indicator, breakdown, value, gender, BigDecimal.valueOf(n), unit));
        }
        return row;
    }

    private static BigDecimal rawCount(String indicator, List<Person> persons, Predicate<Person> test, Cell at) {
        return BigDecimal.valueOf(persons.stream().filter(test)
                .filter(p -> at.gender() == Gender.TOTALT || p.gender() == at.gender()).count());
    }

    private static List<ReportCell> participantYears(List<Person> persons) {
        List<ReportCell> out = new ArrayList<>();
        for (String breakdown : List.of("total", "team")) {
            List<String> values = "total".equals(breakdown) ? List.of("total") : TEAMS;
            for (String v : values) {
                for (Gender gender : Gender.values()) {
                    long days = persons.stream().filter(p -> "total".equals(v) || v.equals(p.team()))
                            .filter(p -> gender == Gender.TOTALT || p.gender() == gender).mapToLong(Person::activeDays).sum();
                    out.add(new ReportCell("participant_years_" + breakdown, "PARTICIPANT_YEARS", breakdown, v,
                            gender.code(), BigDecimal.valueOf(days).divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP),
                            false, "years"));
                }
            }
        }
        return out;
    }

    private static List<ReportCell> toReport(String tableId, List<Cell> cells) {
        List<ReportCell> out = new ArrayList<>();
        for (Cell c : cells) {
            out.add(new ReportCell(tableId, c.indicator(), c.breakdown(), c.breakdownValue(), c.gender().code(),
                    c.value(), c.suppressed(), c.unit().code()));
        }
        return out;
    }

    private static Function<Person, String> valueOf(String breakdown) {
        return switch (breakdown) {
            case "age_band" -> Person::ageBand;
            case "team" -> Person::team;
            case "area" -> Person::area;
            case "referrer" -> Person::referrer;
            case "support_group_start" -> Person::supportGroup;
            default -> throw new IllegalArgumentException(breakdown);
        };
    }

    private static List<String> valuesOf(String breakdown) {
        return switch (breakdown) {
            case "age_band" -> AGE_BANDS;
            case "team" -> TEAMS;
            case "area" -> TEAMS.stream().map(AREA_OF_TEAM::get).toList();
            case "referrer" -> REFERRERS;
            case "support_group_start" -> SUPPORT_GROUPS;
            default -> throw new IllegalArgumentException(breakdown);
        };
    }

    // ---- ESF+ ------------------------------------------------------------------------------------

    private static List<ReportCell> esfCells(List<Person> persons) {
        DisclosureControl control = new DisclosureControl(5);
        List<ReportCell> out = new ArrayList<>();
        Map<String, Predicate<Person>> outputs = new LinkedHashMap<>();
        outputs.put("EECO01", p -> true);
        outputs.put("EECO02", p -> !"egen_forsorjning".equals(p.supportGroup()));
        outputs.put("EECO03", p -> "ekonomiskt_bistand".equals(p.supportGroup()));
        outputs.put("EECO04", p -> "ohalsa".equals(p.supportGroup()));
        outputs.put("EECO05", p -> "egen_forsorjning".equals(p.supportGroup()));
        outputs.put("EECO06", p -> "<18".equals(p.ageBand()));
        outputs.put("EECO07", p -> "18-29".equals(p.ageBand()));
        outputs.put("EECO08", p -> "55+".equals(p.ageBand()));
        outputs.put("EECO09", p -> p.activeDays() % 3 == 0);
        outputs.put("EECO10", p -> p.activeDays() % 3 == 1);
        outputs.put("EECO11", p -> p.activeDays() % 3 == 2);
        outputs.put("EECO12", p -> p.activeDays() % 7 == 0);
        outputs.put("EECR01", p -> "EXIT_JOBSEEKING".equals(p.exit()));
        outputs.put("EECR02", p -> "EXIT_STUDIES".equals(p.exit()));
        outputs.put("EECR04", p -> "EXIT_WORK".equals(p.exit()));
        outputs.put("EECR05", p -> false);
        outputs.forEach((indicator, test) -> out.addAll(toReport(indicator.startsWith("EECO") ? "esf_output" : "esf_result",
                control.apply(count(indicator, persons, test, List.of(), Unit.PERSONS)))));
        return out;
    }

    // ---- the rest of the dataset ------------------------------------------------------------------

    private static List<ReportDataset.MonthPoint> activeByMonth(LocalDate first, int months) {
        List<ReportDataset.MonthPoint> points = new ArrayList<>();
        Random random = new Random(first.toEpochDay());
        for (int m = 0; m < months; m++) {
            String month = first.plusMonths(m).toString().substring(0, 7);
            int women = 40 + m * 4 + random.nextInt(6);
            int men = 36 + m * 3 + random.nextInt(6);
            points.add(new ReportDataset.MonthPoint(month, "kvinna", BigDecimal.valueOf(women)));
            points.add(new ReportDataset.MonthPoint(month, "man", BigDecimal.valueOf(men)));
            // few enough to be suppressed: no value, not drawn
            points.add(new ReportDataset.MonthPoint(month, "ickebinar", m % 2 == 0 ? null : BigDecimal.valueOf(5)));
        }
        return points;
    }

    private static List<ReportDataset.TargetProgress> targets() {
        return List.of(
                new ReportDataset.TargetProgress("participants", "Deltagare under projekttiden", BigDecimal.valueOf(1000),
                        BigDecimal.valueOf(431), "persons"),
                new ReportDataset.TargetProgress("exit_work_share", "Andel avslutade till arbete",
                        new BigDecimal("0.25"), new BigDecimal("0.2213"), "share"),
                new ReportDataset.TargetProgress("exit_studies_share", "Andel avslutade till studier",
                        new BigDecimal("0.20"), new BigDecimal("0.2105"), "share"));
    }

    private static List<ReportDataset.ProcessMeasure> processMeasures() {
        return List.of(
                new ReportDataset.ProcessMeasure("joint_assessment", "Gemensam kartläggning", new BigDecimal("12"),
                        new BigDecimal("0.7812"), 96),
                new ReportDataset.ProcessMeasure("coordinated_plan", "Samordnad planering", new BigDecimal("24.5"),
                        new BigDecimal("0.6111"), 90));
    }

    static List<ReportDataset.ExtractLineage> extracts() {
        return List.of(
                new ReportDataset.ExtractLineage("deltagare", "deltagare_2026-06-30.csv", sha("deltagare"), 412, 405, 7,
                        "LOADED", List.of(new ReportDataset.ReasonCount("INVALID_PNR", 4),
                        new ReportDataset.ReasonCount("OVERLAPPING_EPISODE", 2), new ReportDataset.ReasonCount("UNKNOWN_TEAM_OR_AREA", 1))),
                new ReportDataset.ExtractLineage("kontakter", "kontakter_2026-06-30.csv", sha("kontakter"), 2210, 2210, 0,
                        "LOADED", List.of()),
                new ReportDataset.ExtractLineage("bistand", "bistånd_socialtjänsten_2026-06-30.xlsx", sha("bistand"), 3904,
                        3890, 14, "LOADED", List.of(new ReportDataset.ReasonCount("MONTH_OUT_OF_RANGE", 14))),
                new ReportDataset.ExtractLineage("af_status", "af_status_2026-06-28.csv", sha("af"), 388, 388, 0,
                        "LOADED", List.of()));
    }

    private static List<ReportDataset.FindingCount> findings() {
        return List.of(new ReportDataset.FindingCount("MIN_AGE", "Yngre än 30 år vid start", 3),
                new ReportDataset.FindingCount("REQUIRES_FORSORJNINGSSTOD", "Inget försörjningsstöd inom 31 dagar från start", 5));
    }

    private static List<ReportDataset.Definition> definitions() {
        return List.of(
                new ReportDataset.Definition("EXIT_STATUS", "Status vid avslut: den senaste händelsen från slutdatum till 28 dagar efter; utan belägg räknas den som okänd.",
                        "Status upon leaving: the latest event from the end date to 28 days after; without evidence unknown."),
                new ReportDataset.Definition("PROGRESSION", "Har kommit närmare arbete eller studier: högre steg i bedömningen eller högre nivå på insatserna än vid start.",
                        "Has come closer to work or studies."),
                new ReportDataset.Definition("SELF_SUFFICIENT_3M", "Inget försörjningsstöd de tre kalendermånaderna efter avslutsmånaden.",
                        "No income support for the three calendar months after the exit month."),
                new ReportDataset.Definition("EMPLOYED_6M", "I arbete dagen sex månader efter slutdatum; ej mätbar än innan den dagen passerat.",
                        "In employment on the day six months after the end date."));
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
