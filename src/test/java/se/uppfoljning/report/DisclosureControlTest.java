package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.uppfoljning.report.DisclosureControl.Cell;
import se.uppfoljning.report.DisclosureControl.Gender;
import se.uppfoljning.report.DisclosureControl.Unit;

/**
 * Examples of SPEC §8 and R29. Tables are written as rows "value: kvinna man ickebinar totalt",
 * with {@code ..} for a suppressed cell, as a reader of the report would see them.
 */
class DisclosureControlTest {

    private static final String INDICATOR = "PART_ACTIVE";
    private final DisclosureControl threshold5 = new DisclosureControl(5);

    @Nested
    @DisplayName("§8 / R29 primary: threshold, counts of 1..threshold-1 (R27: persons and episodes)")
    class ThresholdAndPrimary {

        @ParameterizedTest(name = "threshold {0}")
        @ValueSource(ints = {0, 1})
        void thresholdZeroOrOneSuppressesNothing(int threshold) {
            List<Cell> cells = cells(
                    total(1, 2, 0, 3),
                    table("age_band", row("18-29", 1, 0, 0, 1), row("30-54", 0, 2, 0, 2)));

            List<Cell> result = new DisclosureControl(threshold).apply(cells);

            assertThat(result).isEqualTo(cells);
            assertThat(new DisclosureControl(threshold).suppresses()).isFalse();
        }

        @ParameterizedTest(name = "{0} persons")
        @ValueSource(ints = {1, 2, 3, 4})
        void primaryCountsOfOneToFourAreSuppressedWithThresholdFive(int n) {
            List<Cell> result = threshold5.apply(total(n, n, 0, 2 * n));

            assertThat(picture(result, "total").get(0))
                    .startsWith("total: .. .. 0 ");
        }

        @Test
        void primaryZeroAndTheThresholdItselfAreKept() {
            List<Cell> result = threshold5.apply(total(0, 5, 5, 10));

            assertThat(picture(result, "total")).containsExactly("total: 0 5 5 10");
        }

        @Test
        void primaryAppliesToEpisodesAsWellAsPersons() {
            List<Cell> cells = List.of(
                    count("total", "total", Gender.KVINNA, 3, Unit.EPISODES),
                    count("total", "total", Gender.MAN, 4, Unit.EPISODES),
                    count("total", "total", Gender.ICKEBINAR, 0, Unit.EPISODES),
                    count("total", "total", Gender.TOTALT, 7, Unit.EPISODES));

            assertThat(picture(threshold5.apply(cells), "total")).containsExactly("total: .. .. 0 7");
        }

        @Test
        void suppressedCellsKeepNoValue() {
            Cell kvinna = threshold5.apply(total(3, 4, 0, 7)).get(0);

            assertThat(kvinna.suppressed()).isTrue();
            assertThat(kvinna.value()).isNull();
            assertThat(DisclosureControl.SUPPRESSED_MARK).isEqualTo("..");
        }
    }

    @Nested
    @DisplayName("R29 secondary: rows, columns against the total row, ties, zeros, chains")
    class Secondary {

        @Test
        void rowWithOneSuppressedCellLosesItsSmallestOtherCell_tieGoesToManBeforeIckebinar() {
            // kvinna 3 is primary; totalt 17 − 7 − 7 would give it away: man and ickebinar tie at 7
            assertThat(picture(threshold5.apply(total(3, 7, 7, 17)), "total"))
                    .containsExactly("total: .. .. 7 17");
            // the smallest wins over the tie order
            assertThat(picture(threshold5.apply(total(3, 8, 7, 18)), "total"))
                    .containsExactly("total: .. 8 .. 18");
        }

        @Test
        void zeroIsTheSmallestOtherCell() {
            assertThat(picture(threshold5.apply(total(3, 6, 0, 9)), "total"))
                    .containsExactly("total: .. 6 .. 9");
        }

        @Test
        void columnWithOneSuppressedCellIsDerivableFromTheTotalRow() {
            // 16-24 has two primary cells, so its row is safe; but kvinna 17 − 6 − 9 and
            // man 17 − 6 − 8 give them away through the total row: 25-29 loses kvinna and man
            List<Cell> result = threshold5.apply(cells(
                    total(17, 17, 23, 57),
                    table("age_band",
                            row("16-24", 2, 3, 5, 10),
                            row("25-29", 6, 6, 9, 21),
                            row("30-54", 9, 8, 9, 26))));

            assertThat(picture(result, "age_band")).containsExactly(
                    "16-24: .. .. 5 10",
                    "25-29: .. .. 9 21",
                    "30-54: 9 8 9 26");
            assertThat(picture(result, "total")).containsExactly("total: 17 17 23 57");
        }

        @Test
        void chain_aSecondaryCellLeavesANewLoneCellAndTheLoopGoesOn() {
            // round 1: rows: A kvinna 3 (primary) → A ickebinar 6;
            //          columns: kvinna → B 8, ickebinar → C 7
            // round 2: rows: B → B man 9, C → C man 11; columns: man now has two, done
            List<Cell> result = threshold5.apply(cells(
                    total(23, 30, 30, 83),
                    table("team",
                            row("A", 3, 10, 6, 19),
                            row("B", 8, 9, 17, 34),
                            row("C", 12, 11, 7, 30))));

            assertThat(picture(result, "team")).containsExactly(
                    "A: .. 10 .. 19",
                    "B: .. .. 17 34",
                    "C: 12 .. .. 30");
            assertThat(picture(result, "total")).containsExactly("total: 23 30 30 83");
        }
    }

    @Nested
    @DisplayName("R29 shared total row across breakdown tables")
    class SharedTotalRow {

        @Test
        void aTotalRowCellSuppressedForTheAgeBandTableIsSuppressedInTheTeamTableToo() {
            // The age_band table here covers only one band (the class does not assume a breakdown
            // adds up to the total): its kvinna and ickebinar columns [3, 10] and [6, 6] have
            // nothing to hide the primary 3 behind but the total row, so total kvinna and total
            // ickebinar are suppressed. That total row is the team table's too: its kvinna column
            // then has one suppressed cell, so team A kvinna goes (tie 5/5: A first), and its
            // ickebinar column loses B's 0; the rows and the man column follow.
            List<Cell> result = threshold5.apply(cells(
                    total(10, 12, 6, 28),
                    table("age_band", row("18-29", 3, 12, 6, 21)),
                    table("team", row("A", 5, 6, 6, 17), row("B", 5, 6, 0, 11))));

            assertThat(picture(result, "total")).containsExactly("total: .. 12 .. 28");
            assertThat(picture(result, "age_band")).containsExactly("18-29: .. 12 .. 21");
            assertThat(picture(result, "team")).containsExactly(
                    "A: .. .. 6 17",
                    "B: .. .. .. 11");
        }

        @Test
        void aTotalRowCellSuppressedByTheTotalRowItselfSpreadsIntoEveryBreakdownTable() {
            // With tables that add up, the total row is suppressed by its own cells: ickebinar 2
            // is primary, so total kvinna 30 (its smallest other) goes too, in every table's
            // kvinna column at once.
            List<Cell> result = threshold5.apply(cells(
                    total(30, 40, 2, 72),
                    table("age_band", row("18-29", 10, 15, 0, 25), row("30-54", 20, 25, 2, 47)),
                    table("team", row("A", 12, 10, 2, 24), row("B", 18, 30, 0, 48))));

            assertThat(picture(result, "total")).containsExactly("total: .. 40 .. 72");
            // age_band: 30-54 ickebinar 2 is primary, its row gives up kvinna 20; columns then hold two each
            assertThat(picture(result, "age_band")).containsExactly(
                    "18-29: 10 15 0 25",
                    "30-54: .. 25 .. 47");
            // team: A ickebinar 2 is primary, its row gives up man 10; the kvinna column has only the
            // total's cell, so A kvinna 12 goes; the man column has only A's, so B man 30 goes;
            // then B's row gives up its 0
            assertThat(picture(result, "team")).containsExactly(
                    "A: .. .. .. 24",
                    "B: 18 .. .. 48");
        }
    }

    @Nested
    @DisplayName("R28 years never suppressed; §8 shares follow numerator and denominator")
    class YearsAndShares {

        @Test
        void participantYearsAreNeverSuppressed() {
            List<Cell> cells = Stream.of(Gender.values())
                    .map(g -> Cell.of("PARTICIPANT_YEARS", "total", "total", g, new BigDecimal("1.25"), Unit.YEARS))
                    .toList();

            assertThat(threshold5.apply(cells)).isEqualTo(cells);
        }

        @Test
        void sharesAreSuppressedWhenTheNumeratorOrTheDenominatorIs() {
            Cell share = Cell.of("SELF_SUFFICIENT_3M", "total", "total", Gender.KVINNA, new BigDecimal("0.5000"), Unit.SHARE);

            assertThat(DisclosureControl.suppressShare(share, true, false).suppressed()).isTrue();
            assertThat(DisclosureControl.suppressShare(share, false, true).suppressed()).isTrue();
            assertThat(DisclosureControl.suppressShare(share, true, false).value()).isNull();
            assertThat(DisclosureControl.suppressShare(share, false, false)).isEqualTo(share);
        }

        @Test
        void sharesOfATableFollowTheirNumeratorAndDenominatorCells() {
            List<Cell> numerator = threshold5.apply(withIndicator("SELF_SUFFICIENT_3M", total(3, 4, 0, 7)));
            List<Cell> denominator = threshold5.apply(withIndicator("SELF_SUFFICIENT_3M_BASE", total(6, 8, 0, 14)));
            List<Cell> shares = Stream.of(Gender.values())
                    .map(g -> Cell.of("SELF_SUFFICIENT_3M_SHARE", "total", "total", g,
                            g == Gender.ICKEBINAR ? null : new BigDecimal("0.5000"), Unit.SHARE))
                    .toList();

            List<Cell> result = DisclosureControl.suppressShares(shares, numerator, denominator);

            assertThat(result).extracting(Cell::suppressed).containsExactly(true, true, false, false);
        }

        @Test
        void sharesPassThroughApplyUntouched() {
            List<Cell> shares = Stream.of(Gender.values())
                    .map(g -> Cell.of("PROGRESSION", "total", "total", g, new BigDecimal("0.0100"), Unit.SHARE))
                    .toList();

            assertThat(threshold5.apply(shares)).isEqualTo(shares);
        }
    }

    @Nested
    @DisplayName("deterministic, order-keeping, one indicator at a time")
    class Contract {

        @Test
        void sameInputSameOutput_andApplyingTwiceChangesNothingMore() {
            List<Cell> cells = cells(
                    total(23, 30, 30, 83),
                    table("team", row("A", 3, 10, 6, 19), row("B", 8, 9, 17, 34), row("C", 12, 11, 7, 30)));

            List<Cell> once = threshold5.apply(cells);

            assertThat(threshold5.apply(cells)).isEqualTo(once);
            assertThat(threshold5.apply(once)).isEqualTo(once);
            assertThat(once).extracting(c -> c.breakdownValue() + "/" + c.gender())
                    .containsExactlyElementsOf(cells.stream().map(c -> c.breakdownValue() + "/" + c.gender()).toList());
        }

        @Test
        void rejectsCellsOfSeveralIndicatorsOrACellGivenTwice() {
            List<Cell> two = cells(total(5, 5, 0, 10), withIndicator("PART_NEW", total(5, 5, 0, 10)));
            assertThatThrownBy(() -> threshold5.apply(two)).isInstanceOf(IllegalArgumentException.class);

            List<Cell> twice = cells(total(5, 5, 0, 10), total(5, 5, 0, 10));
            assertThatThrownBy(() -> threshold5.apply(twice)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * Property: for random small tables, after suppression no row and no column (with the total
     * row as column total) has exactly one suppressed cell, no visible count is in 1..threshold−1,
     * and every cell not suppressed keeps its value — the disclosure checks of check_tables.py.
     */
    @Nested
    @DisplayName("property: the disclosure checks of check_tables.py hold on random tables")
    class Properties {

        @Test
        void randomTablesThatAddUp() {
            for (long seed = 1; seed <= 500; seed++) {
                Random random = new Random(seed);
                int threshold = 2 + random.nextInt(5);
                List<Cell> cells = additiveIndicator(random);

                List<Cell> result = new DisclosureControl(threshold).apply(cells);

                assertThat(violations(cells, result, threshold)).as("seed %d, threshold %d", seed, threshold).isEmpty();
                // when breakdowns add up, a column never gives up its total (it is its largest cell),
                // so the order the tables come in does not matter
                List<Cell> teamFirst = Stream.of("total", "team", "age_band")
                        .flatMap(b -> cells.stream().filter(c -> c.breakdown().equals(b))).toList();
                assertThat(new DisclosureControl(threshold).apply(teamFirst))
                        .as("seed %d, tables in another order", seed)
                        .containsExactlyInAnyOrderElementsOf(result);
            }
        }

        @Test
        void randomTablesOfAnyNumbers() {
            for (long seed = 1; seed <= 500; seed++) {
                Random random = new Random(seed);
                int threshold = 2 + random.nextInt(5);
                List<Cell> cells = new ArrayList<>(total(n(random), n(random), n(random), n(random)));
                int tables = random.nextInt(4);
                for (int t = 0; t < tables; t++) {
                    int rows = 1 + random.nextInt(4);
                    List<Row> rowList = new ArrayList<>();
                    for (int r = 0; r < rows; r++) {
                        rowList.add(row("v" + r, n(random), n(random), n(random), n(random)));
                    }
                    cells.addAll(table("breakdown" + t, rowList.toArray(Row[]::new)));
                }

                List<Cell> result = new DisclosureControl(threshold).apply(cells);

                assertThat(violations(cells, result, threshold)).as("seed %d, threshold %d", seed, threshold).isEmpty();
            }
        }

        private static int n(Random random) {
            return random.nextInt(3) == 0 ? 0 : random.nextInt(12);
        }

        /** Persons with a random gender (or okand: totalt only, R10), age band and team, counted. */
        private static List<Cell> additiveIndicator(Random random) {
            String[] bands = {"<18", "18-29", "30-54", "55+"};
            String[] teams = {"T1", "T2", "T3"};
            int persons = random.nextInt(40);
            int[] totals = new int[4];
            int[][] byBand = new int[bands.length][4];
            int[][] byTeam = new int[teams.length][4];
            for (int p = 0; p < persons; p++) {
                int g = random.nextInt(20);
                int gender = g < 9 ? 0 : g < 18 ? 1 : g == 18 ? 2 : -1;
                int band = random.nextInt(bands.length);
                int team = random.nextInt(teams.length);
                for (int[] counts : new int[][] {totals, byBand[band], byTeam[team]}) {
                    if (gender >= 0) {
                        counts[gender]++;
                    }
                    counts[3]++;
                }
            }
            List<Cell> cells = new ArrayList<>(total(totals[0], totals[1], totals[2], totals[3]));
            cells.addAll(table("age_band", rows(bands, byBand)));
            cells.addAll(table("team", rows(teams, byTeam)));
            return cells;
        }

        private static Row[] rows(String[] values, int[][] counts) {
            Row[] rows = new Row[values.length];
            for (int i = 0; i < values.length; i++) {
                rows[i] = row(values[i], counts[i][0], counts[i][1], counts[i][2], counts[i][3]);
            }
            return rows;
        }

        private static List<String> violations(List<Cell> input, List<Cell> result, int threshold) {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < result.size(); i++) {
                Cell in = input.get(i);
                Cell out = result.get(i);
                if (out.suppressed() && out.value() != null) {
                    problems.add("suppressed cell shows a value: " + out);
                }
                if (!out.suppressed() && !out.equals(in)) {
                    problems.add("visible cell changed: " + in + " -> " + out);
                }
                if (!out.suppressed() && out.value().signum() > 0 && out.value().intValue() < threshold) {
                    problems.add("visible count below the threshold: " + out);
                }
            }
            Map<String, List<Cell>> rows = result.stream().collect(
                    Collectors.groupingBy(c -> c.breakdown() + "=" + c.breakdownValue(), LinkedHashMap::new, Collectors.toList()));
            rows.forEach((row, cells) -> {
                if (cells.stream().filter(Cell::suppressed).count() == 1) {
                    problems.add("one suppressed cell in row " + row);
                }
            });
            Map<Gender, Cell> totalRow = result.stream().filter(Cell::inTotalRow)
                    .collect(Collectors.toMap(Cell::gender, c -> c));
            Map<String, List<Cell>> columns = result.stream().filter(c -> !c.inTotalRow()).collect(
                    Collectors.groupingBy(c -> c.breakdown() + "/" + c.gender().code(), LinkedHashMap::new, Collectors.toList()));
            columns.forEach((column, cells) -> {
                long suppressed = cells.stream().filter(Cell::suppressed).count()
                        + (totalRow.get(cells.get(0).gender()).suppressed() ? 1 : 0);
                if (suppressed == 1) {
                    problems.add("one suppressed cell in column " + column);
                }
            });
            return problems;
        }
    }

    // --- building and reading tables -----------------------------------------------------------

    private record Row(String value, int kvinna, int man, int ickebinar, int totalt) {
    }

    private static Row row(String value, int kvinna, int man, int ickebinar, int totalt) {
        return new Row(value, kvinna, man, ickebinar, totalt);
    }

    private static List<Cell> total(int kvinna, int man, int ickebinar, int totalt) {
        return table("total", row("total", kvinna, man, ickebinar, totalt));
    }

    private static List<Cell> table(String breakdown, Row... rows) {
        List<Cell> cells = new ArrayList<>();
        for (Row row : rows) {
            int[] values = {row.kvinna(), row.man(), row.ickebinar(), row.totalt()};
            for (Gender gender : Gender.values()) {
                cells.add(count(breakdown, row.value(), gender, values[gender.ordinal()], Unit.PERSONS));
            }
        }
        return cells;
    }

    private static Cell count(String breakdown, String value, Gender gender, int n, Unit unit) {
        return Cell.of(INDICATOR, breakdown, value, gender, BigDecimal.valueOf(n), unit);
    }

    @SafeVarargs
    private static List<Cell> cells(List<Cell>... tables) {
        return Arrays.stream(tables).flatMap(List::stream).toList();
    }

    private static List<Cell> withIndicator(String indicator, List<Cell> cells) {
        return cells.stream()
                .map(c -> new Cell(indicator, c.breakdown(), c.breakdownValue(), c.gender(), c.value(), c.unit(), c.suppressed()))
                .toList();
    }

    /** One breakdown table as the report shows it: "value: kvinna man ickebinar totalt". */
    private static List<String> picture(List<Cell> cells, String breakdown) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (cell.breakdown().equals(breakdown)) {
                rows.computeIfAbsent(cell.breakdownValue(), v -> new ArrayList<>())
                        .add(cell.suppressed() ? DisclosureControl.SUPPRESSED_MARK : cell.value().toPlainString());
            }
        }
        List<String> picture = new ArrayList<>();
        rows.forEach((value, shown) -> picture.add(value + ": " + String.join(" ", shown)));
        return picture;
    }
}
