package se.uppfoljning.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.outcome.IndicatorEngine.Count;
import se.uppfoljning.report.DisclosureControl.Cell;
import se.uppfoljning.report.DisclosureControl.Gender;
import se.uppfoljning.report.DisclosureControl.Unit;
import se.uppfoljning.report.Indicators.Indicator;

/**
 * Turns the raw counts of one period into a report's cells: the full grid of every table (all
 * breakdown values × kvinna, man, ickebinar, totalt, zeros included), disclosure control per indicator
 * across its tables, shares from their suppressed parts, in the order tables.csv lists them.
 */
public final class ReportTables {
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private final ProjectConfig project;
    private final List<String> breakdowns;
    private final DisclosureControl disclosure;
    private final Map<String, BigDecimal> counts = new HashMap<>();

    public ReportTables(ProjectConfig project, List<String> breakdowns, int threshold, List<Count> raw) {
        this.project = project;
        this.breakdowns = breakdowns;
        this.disclosure = new DisclosureControl(threshold);
        for (Count c : raw) counts.put(key(c.indicator(), c.breakdown(), c.breakdownValue(), c.gender()), c.value());
    }

    /** The cells of these indicators, suppressed, in tables.csv order. */
    public List<ReportCell> cells(String reportId, List<Indicator> indicators) {
        List<ReportCell> out = new ArrayList<>();
        for (Indicator indicator : indicators) {
            List<Cell> cells = indicator.share() ? share(indicator) : counted(indicator.id(), indicator.unit());
            for (Cell c : cells) {
                out.add(new ReportCell(tableId(c.indicator(), c.breakdown()), c.indicator(), c.breakdown(),
                        c.breakdownValue(), c.gender().code(), c.value(), c.suppressed(), c.unit().code()));
            }
        }
        return out;
    }

    /** A count indicator's grid after disclosure control; PARTICIPANT_YEARS from summed days. */
    List<Cell> counted(String indicator, Unit unit) {
        List<Cell> grid = new ArrayList<>();
        for (String breakdown : breakdowns) {
            for (String value : BreakdownValues.of(breakdown, project)) {
                for (Gender g : Gender.values()) {
                    BigDecimal v = unit == Unit.YEARS
                            ? raw("PARTICIPANT_DAYS", breakdown, value, g).divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP)
                            : raw(indicator, breakdown, value, g);
                    grid.add(Cell.of(indicator, breakdown, value, g, v, unit));
                }
            }
        }
        return unit.isCount() ? disclosure.apply(grid) : grid;
    }

    /** A share (4 decimals) of two suppressed grids; undefined (empty) where the base is 0. */
    private List<Cell> share(Indicator indicator) {
        List<Cell> numerators = counted(indicator.numerator(), Unit.EPISODES);
        List<Cell> denominators = counted(indicator.denominator(), Unit.EPISODES);
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            Cell n = numerators.get(i);
            Cell d = denominators.get(i);
            BigDecimal value = n.value() == null || d.value() == null || d.value().signum() == 0 ? null
                    : n.value().divide(d.value(), 4, RoundingMode.HALF_UP);
            Cell share = Cell.of(indicator.id(), n.breakdown(), n.breakdownValue(), n.gender(), value, Unit.SHARE);
            out.add(DisclosureControl.suppressShare(share, n.suppressed(), d.suppressed()));
        }
        return out;
    }

    private BigDecimal raw(String indicator, String breakdown, String value, Gender g) {
        return counts.getOrDefault(key(indicator, breakdown, value, g.code()), BigDecimal.ZERO);
    }

    public static String tableId(String indicator, String breakdown) {
        String id = indicator.toLowerCase(Locale.ROOT);
        return breakdown.equals("total") ? id + "_total" : id + "_by_" + breakdown;
    }

    private static String key(String indicator, String breakdown, String value, String gender) {
        return indicator + '\u0001' + breakdown + '\u0001' + value + '\u0001' + gender;
    }
}
