package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.uppfoljning.IngestFixture;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.outcome.IndicatorEngine.Count;

/** From raw counts to a report's cells: full grids, disclosure control, shares, order. */
class ReportTablesTest {
    static final ProjectConfig PROJECT = IngestFixture.project("stockholmskraften");

    static Count count(String indicator, String breakdown, String value, String gender, int n) {
        return new Count(indicator, breakdown, value, gender, BigDecimal.valueOf(n));
    }

    @Test
    void everyBreakdownValueAndGenderIsListedWithZerosInTheReportsOrder() {
        List<Count> raw = List.of(count("PART_NEW", "total", "total", "kvinna", 7), count("PART_NEW", "total", "total", "totalt", 7),
                count("PART_NEW", "team", "3", "kvinna", 7), count("PART_NEW", "team", "3", "totalt", 7));

        List<ReportCell> cells = new ReportTables(PROJECT, ReportKind.BASIC_BREAKDOWNS, 0, raw)
                .cells("manadsrapport", List.of(Indicators.Indicator.persons("PART_NEW")));

        // total 1 row + 4 age bands + 6 teams, 4 genders each
        assertThat(cells).hasSize((1 + 4 + 6) * 4);
        assertThat(cells.get(0)).isEqualTo(new ReportCell("part_new_total", "PART_NEW", "total", "total", "kvinna",
                BigDecimal.valueOf(7), false, "persons"));
        assertThat(cells.subList(4, 8)).extracting(ReportCell::breakdownValue).containsOnly("<18");
        assertThat(cells).filteredOn(c -> c.breakdown().equals("team")).extracting(ReportCell::breakdownValue)
                .startsWith("1", "1", "1", "1", "2").endsWith("6");
        assertThat(cells).filteredOn(c -> c.breakdownValue().equals("3") && c.gender().equals("kvinna"))
                .singleElement().extracting(ReportCell::value).isEqualTo(BigDecimal.valueOf(7));
    }

    @Test
    void smallCountsAreSuppressedAboveTheThresholdAndAShareFollowsItsParts() {
        List<Count> raw = new ArrayList<>();
        raw.add(count("PROGRESSION_BASE", "total", "total", "kvinna", 20));
        raw.add(count("PROGRESSION_BASE", "total", "total", "man", 3));
        raw.add(count("PROGRESSION_BASE", "total", "total", "totalt", 23));
        raw.add(count("PROGRESSION_COUNT", "total", "total", "kvinna", 10));
        raw.add(count("PROGRESSION_COUNT", "total", "total", "man", 1));
        raw.add(count("PROGRESSION_COUNT", "total", "total", "totalt", 11));

        List<ReportCell> cells = new ReportTables(PROJECT, List.of("total"), 5, raw).cells("halvarsrapport",
                List.of(new Indicators.Indicator("PROGRESSION", DisclosureControl.Unit.SHARE, "PROGRESSION_COUNT",
                        "PROGRESSION_BASE")));

        assertThat(cells).extracting(ReportCell::gender).containsExactly("kvinna", "man", "ickebinar", "totalt");
        ReportCell man = cells.get(1);
        assertThat(man.suppressed()).isTrue();
        assertThat(man.value()).isNull();
        // the numerator's lone small cell (man 1) also takes its row's smallest other cell (ickebinar 0)
        assertThat(cells.get(2).suppressed()).isTrue();
        assertThat(cells.get(0).value()).isEqualByComparingTo("0.5000");
        assertThat(cells.get(0).value().scale()).isEqualTo(4);
        assertThat(cells).allSatisfy(c -> assertThat(c.unit()).isEqualTo("share"));
    }

    @Test
    void participantYearsAreDaysOver365WithTwoDecimalsAndNeverSuppressed() {
        List<Count> raw = List.of(count("PARTICIPANT_DAYS", "total", "total", "kvinna", 3),
                count("PARTICIPANT_DAYS", "total", "total", "totalt", 3));

        List<ReportCell> cells = new ReportTables(PROJECT, List.of("total"), 5, raw).cells("halvarsrapport",
                List.of(new Indicators.Indicator("PARTICIPANT_YEARS", DisclosureControl.Unit.YEARS, null, null)));

        assertThat(cells.get(0).value()).isEqualByComparingTo("0.01");
        assertThat(cells).noneMatch(ReportCell::suppressed);
        assertThat(cells.get(0).unit()).isEqualTo("years");
    }
}
