package se.uppfoljning.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Disclosure control for the cells of one indicator (SPEC §8, R27–R29). Plain Java, no Spring.
 *
 * <p>Input: every cell of one indicator, across all its tables: the {@code total} table (breakdown
 * {@code total}, breakdown value {@code total}) and any breakdown tables ({@code age_band},
 * {@code team}, …). Tables come in the order their breakdown first appears in the list, and rows
 * within a table in the order their breakdown value first appears: the caller passes breakdown
 * values in their natural order (age bands youngest first, teams in project-file order, …), and
 * that order breaks ties. The output is the same cells in the same order, with suppressed cells
 * carrying no value.
 *
 * <p>The rules:
 * <ul>
 *   <li>Threshold 0 or 1: nothing is suppressed.</li>
 *   <li>Primary: a count cell (unit {@code persons} or {@code episodes}, R27) with
 *       0 &lt; value &lt; threshold is suppressed. Zero never is.</li>
 *   <li>Secondary (R29): in any row or column with exactly one suppressed cell, the smallest other
 *       cell is suppressed too (zeros included). Ties go to the first in line order: in a row
 *       kvinna, man, ickebinar, totalt; in a column the breakdown values in their given order, then
 *       the {@code total} row. Rows first, then columns, repeated until nothing changes.</li>
 *   <li>A row is one breakdown value's four gender cells (totalt is the row's total). A column of
 *       a breakdown table is one gender's cells of that table plus that gender's cell of the
 *       {@code total} row (the column's total). The {@code total} row is itself a row, and it is
 *       one shared row for every breakdown table of the indicator: a cell suppressed there while
 *       protecting one table is suppressed in all of them.</li>
 *   <li>Cells of unit {@code years} ({@code PARTICIPANT_YEARS}) are never suppressed and take no
 *       part; cells of unit {@code share} are not counts and pass through {@link #apply} unchanged:
 *       suppress them with {@link #suppressShare} from their numerator and denominator.</li>
 * </ul>
 *
 * <p>Deterministic: the same list gives the same result. Applying it twice changes nothing more.
 */
public final class DisclosureControl {

    /** What renderers (PDF, XLSX) show in place of a suppressed value; tables.csv leaves it empty. */
    public static final String SUPPRESSED_MARK = "..";

    /** The breakdown, and breakdown value, of the total row. */
    public static final String TOTAL = "total";

    /** The columns of every table, in tie-break order (SPEC §3, §7). */
    public enum Gender {
        KVINNA("kvinna"), MAN("man"), ICKEBINAR("ickebinar"), TOTALT("totalt");

        private final String code;

        Gender(String code) {
            this.code = code;
        }

        /** The value written in tables.csv. */
        public String code() {
            return code;
        }

        public static Gender fromCode(String code) {
            for (Gender gender : values()) {
                if (gender.code.equals(code)) {
                    return gender;
                }
            }
            throw new IllegalArgumentException("unknown gender: " + code);
        }
    }

    /** The unit of a cell (R27). */
    public enum Unit {
        PERSONS("persons"), EPISODES("episodes"), SHARE("share"), YEARS("years");

        private final String code;

        Unit(String code) {
            this.code = code;
        }

        /** The value written in tables.csv. */
        public String code() {
            return code;
        }

        /** Counts are what the threshold applies to (R27). */
        public boolean isCount() {
            return this == PERSONS || this == EPISODES;
        }

        public static Unit fromCode(String code) {
            for (Unit unit : values()) {
                if (unit.code.equals(code)) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("unknown unit: " + code);
        }
    }

    /**
     * One number of a report: a tables.csv row without report and table id. {@code value} is null
     * when the cell is undefined (a share of 0/0) or suppressed; a suppressed cell never keeps a
     * value.
     */
    public record Cell(String indicator, String breakdown, String breakdownValue, Gender gender,
                       BigDecimal value, Unit unit, boolean suppressed) {

        public Cell {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(breakdown, "breakdown");
            Objects.requireNonNull(breakdownValue, "breakdownValue");
            Objects.requireNonNull(gender, "gender");
            Objects.requireNonNull(unit, "unit");
            if (suppressed) {
                value = null;
            }
        }

        /** A visible cell. */
        public static Cell of(String indicator, String breakdown, String breakdownValue, Gender gender,
                              BigDecimal value, Unit unit) {
            return new Cell(indicator, breakdown, breakdownValue, gender, value, unit, false);
        }

        /** This cell suppressed: no value, {@code suppressed} true. */
        public Cell asSuppressed() {
            return suppressed ? this : new Cell(indicator, breakdown, breakdownValue, gender, null, unit, true);
        }

        public boolean inTotalRow() {
            return TOTAL.equals(breakdown);
        }
    }

    private final int threshold;

    /** @param threshold the project's suppression threshold (SPEC §8: 5 hides 1–4); 0 or 1 suppresses nothing */
    public DisclosureControl(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must be >= 0, was " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** False for threshold 0 or 1 (e.g. the unsuppressed monthly management report). */
    public boolean suppresses() {
        return threshold > 1;
    }

    /**
     * Applies primary and secondary suppression to every cell of one indicator.
     *
     * @param cellsOfOneIndicator the total row and the breakdown tables' cells, rows in natural order
     * @return the same cells in the same order, suppressed where §8/R29 say so
     * @throws IllegalArgumentException for cells of several indicators, a cell given twice, a total
     *         row whose breakdown value is not {@code total}, a visible count without a value, or a
     *         suppressed {@code years} cell
     */
    public List<Cell> apply(List<Cell> cellsOfOneIndicator) {
        Indicator indicator = Indicator.of(cellsOfOneIndicator);
        if (suppresses()) {
            indicator.suppressPrimary(threshold);
            indicator.protectUntilStable();
        }
        return indicator.result();
    }

    /** SPEC §8: a share whose numerator or denominator is suppressed is suppressed. */
    public static Cell suppressShare(Cell share, boolean numeratorSuppressed, boolean denominatorSuppressed) {
        if (share.unit() != Unit.SHARE) {
            throw new IllegalArgumentException("not a share: " + share);
        }
        return numeratorSuppressed || denominatorSuppressed ? share.asSuppressed() : share;
    }

    /** As {@link #suppressShare(Cell, boolean, boolean)}, from the numerator and denominator cells of the same position. */
    public static Cell suppressShare(Cell share, Cell numerator, Cell denominator) {
        requireSamePosition(share, numerator);
        requireSamePosition(share, denominator);
        return suppressShare(share, numerator.suppressed(), denominator.suppressed());
    }

    /**
     * Applies {@link #suppressShare(Cell, Cell, Cell)} to every cell of a share indicator, finding
     * each one's numerator and denominator by breakdown, breakdown value and gender.
     */
    public static List<Cell> suppressShares(List<Cell> shares, List<Cell> numerators, List<Cell> denominators) {
        Map<Position, Cell> numeratorAt = byPosition(numerators);
        Map<Position, Cell> denominatorAt = byPosition(denominators);
        List<Cell> result = new ArrayList<>(shares.size());
        for (Cell share : shares) {
            Position at = Position.of(share);
            Cell numerator = numeratorAt.get(at);
            Cell denominator = denominatorAt.get(at);
            if (numerator == null || denominator == null) {
                throw new IllegalArgumentException("share without numerator or denominator: " + share);
            }
            result.add(suppressShare(share, numerator, denominator));
        }
        return result;
    }

    private static void requireSamePosition(Cell share, Cell other) {
        if (!Position.of(share).equals(Position.of(other))) {
            throw new IllegalArgumentException(other + " is not at the position of " + share);
        }
    }

    private static Map<Position, Cell> byPosition(List<Cell> cells) {
        Map<Position, Cell> map = new LinkedHashMap<>();
        for (Cell cell : cells) {
            map.put(Position.of(cell), cell);
        }
        return map;
    }

    /** Where a cell sits among an indicator's tables. */
    private record Position(String breakdown, String breakdownValue, Gender gender) {
        static Position of(Cell cell) {
            return new Position(cell.breakdown(), cell.breakdownValue(), cell.gender());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The inner model: one Slot per cell, rows of slots by gender, a Grid per breakdown table, and
    // one total row whose slots every Grid shares (so a suppression there is seen by all tables).

    /** A cell while the algorithm runs. */
    private static final class Slot {
        final Cell cell;
        boolean suppressed;

        Slot(Cell cell) {
            this.cell = cell;
            this.suppressed = cell.suppressed();
        }

        /** Only counts are suppressed and only counts decide (years and shares take no part). */
        boolean takesPart() {
            return cell.unit().isCount();
        }

        BigDecimal value() {
            return cell.value();
        }

        Cell result() {
            return suppressed ? cell.asSuppressed() : cell;
        }
    }

    /** One row: a breakdown value's cells by gender (any of the four may be absent). */
    private record Row(String breakdownValue, EnumMap<Gender, Slot> slots) {
        Row(String breakdownValue) {
            this(breakdownValue, new EnumMap<>(Gender.class));
        }

        /** The row as a line, in tie order kvinna, man, ickebinar, totalt. */
        List<Slot> line() {
            return new ArrayList<>(slots.values());
        }
    }

    /** One breakdown table: its rows in natural order; its column totals are the shared total row. */
    private record Grid(String breakdown, List<Row> rows) {

        /** Each gender's column: the rows' cells in order, then the total row's cell last. */
        List<List<Slot>> columns(Row totalRow) {
            List<List<Slot>> columns = new ArrayList<>();
            for (Gender gender : Gender.values()) {
                List<Slot> column = new ArrayList<>();
                for (Row row : rows) {
                    Slot slot = row.slots().get(gender);
                    if (slot != null) {
                        column.add(slot);
                    }
                }
                if (column.isEmpty()) {
                    continue; // the table has no such column
                }
                Slot total = totalRow.slots().get(gender);
                if (total != null) {
                    column.add(total);
                }
                columns.add(column);
            }
            return columns;
        }
    }

    /** All tables of one indicator. */
    private static final class Indicator {
        final List<Slot> slotsInInputOrder = new ArrayList<>();
        final Row totalRow = new Row(TOTAL);
        final List<Grid> grids = new ArrayList<>();

        static Indicator of(List<Cell> cells) {
            Objects.requireNonNull(cells, "cells");
            Indicator indicator = new Indicator();
            Map<String, Map<String, Row>> rowsByBreakdown = new LinkedHashMap<>();
            Set<Position> seen = new HashSet<>();
            String name = null;
            for (Cell cell : cells) {
                Objects.requireNonNull(cell, "cell");
                if (name == null) {
                    name = cell.indicator();
                } else if (!name.equals(cell.indicator())) {
                    throw new IllegalArgumentException("cells of several indicators: " + name + ", " + cell.indicator());
                }
                if (!seen.add(Position.of(cell))) {
                    throw new IllegalArgumentException("cell given twice: " + cell);
                }
                if (cell.inTotalRow() && !TOTAL.equals(cell.breakdownValue())) {
                    throw new IllegalArgumentException("the total row needs breakdown value total: " + cell);
                }
                if (cell.unit().isCount() && !cell.suppressed() && cell.value() == null) {
                    throw new IllegalArgumentException("a count needs a value: " + cell);
                }
                if (cell.unit() == Unit.YEARS && cell.suppressed()) {
                    throw new IllegalArgumentException("years are never suppressed (R28): " + cell);
                }
                Slot slot = new Slot(cell);
                indicator.slotsInInputOrder.add(slot);
                Row row = cell.inTotalRow()
                        ? indicator.totalRow
                        : rowsByBreakdown.computeIfAbsent(cell.breakdown(), b -> new LinkedHashMap<>())
                                .computeIfAbsent(cell.breakdownValue(), Row::new);
                row.slots().put(cell.gender(), slot);
            }
            rowsByBreakdown.forEach((breakdown, rows) ->
                    indicator.grids.add(new Grid(breakdown, List.copyOf(rows.values()))));
            return indicator;
        }

        /** Primary: counts of 1 to threshold − 1 (0 &lt; value &lt; threshold, as check_tables.py). */
        void suppressPrimary(int threshold) {
            BigDecimal limit = BigDecimal.valueOf(threshold);
            for (Slot slot : slotsInInputOrder) {
                if (slot.takesPart() && !slot.suppressed
                        && slot.value().signum() > 0 && slot.value().compareTo(limit) < 0) {
                    slot.suppressed = true;
                }
            }
        }

        /**
         * Secondary: repeat { rows; columns } until nothing changes. The total row needs no
         * copying between tables: its slots are the same objects in every grid's columns.
         */
        void protectUntilStable() {
            boolean changed;
            do {
                changed = false;
                for (List<Slot> row : rows()) {
                    changed |= protectLine(row);
                }
                for (Grid grid : grids) {
                    for (List<Slot> column : grid.columns(totalRow)) {
                        changed |= protectLine(column);
                    }
                }
            } while (changed);
        }

        /** Every row: the breakdown tables' rows, then the total row. */
        List<List<Slot>> rows() {
            List<List<Slot>> rows = new ArrayList<>();
            for (Grid grid : grids) {
                for (Row row : grid.rows()) {
                    rows.add(row.line());
                }
            }
            rows.add(totalRow.line());
            return rows;
        }

        List<Cell> result() {
            List<Cell> result = new ArrayList<>(slotsInInputOrder.size());
            for (Slot slot : slotsInInputOrder) {
                result.add(slot.result());
            }
            return result;
        }
    }

    /**
     * R29 secondary on one row or column, given in tie order: with exactly one suppressed count,
     * suppress the smallest other count (the first of equals).
     *
     * @return whether a cell was suppressed
     */
    private static boolean protectLine(List<Slot> line) {
        int suppressed = 0;
        Slot smallest = null;
        for (Slot slot : line) {
            if (!slot.takesPart()) {
                continue;
            }
            if (slot.suppressed) {
                suppressed++;
            } else if (smallest == null || slot.value().compareTo(smallest.value()) < 0) {
                smallest = slot;
            }
        }
        if (suppressed != 1 || smallest == null) {
            return false;
        }
        smallest.suppressed = true;
        return true;
    }
}
