package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import se.uppfoljning.report.DisclosureControl.Unit;

class CellValuesTest {

    private final ReportLabels labels = ReportLabels.swedish();

    @Test
    void tablesCsvNotationByUnit() {
        assertThat(CellValues.csv(new BigDecimal("1234"), Unit.PERSONS)).isEqualTo("1234");
        assertThat(CellValues.csv(new BigDecimal("12.000"), Unit.EPISODES)).isEqualTo("12");
        assertThat(CellValues.csv(new BigDecimal("0.23456"), Unit.SHARE)).isEqualTo("0.2346");
        assertThat(CellValues.csv(new BigDecimal("1"), Unit.SHARE)).isEqualTo("1.0000");
        assertThat(CellValues.csv(new BigDecimal("12.345"), Unit.YEARS)).isEqualTo("12.35");
        assertThat(CellValues.csv(new BigDecimal("1E+3"), Unit.PERSONS)).isEqualTo("1000");
    }

    @Test
    void aCountThatIsNotWholeIsAnError() {
        assertThatThrownBy(() -> CellValues.csv(new BigDecimal("2.5"), Unit.PERSONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }

    @Test
    void suppressedAndUndefinedCellsAreEmptyInTablesCsvAndMarkedForPeople() {
        ReportCell suppressed = new ReportCell("t", "PART_NEW", "total", "total", "man", BigDecimal.valueOf(3), true, "persons");
        ReportCell undefined = new ReportCell("t", "PROGRESSION", "total", "total", "man", null, false, "share");
        assertThat(CellValues.csv(suppressed)).isEmpty();
        assertThat(CellValues.csv(undefined)).isEmpty();
        assertThat(CellValues.display(suppressed, labels)).isEqualTo("..");
        assertThat(CellValues.display(undefined, labels)).isEqualTo("ej mätbar än");
        assertThat(CellValues.display(null, labels)).isEqualTo("–");
    }

    @Test
    void swedishNotationForPeople() {
        assertThat(CellValues.swedish(new BigDecimal("1234567"), Unit.PERSONS)).isEqualTo("1\u00a0234\u00a0567");
        assertThat(CellValues.swedish(new BigDecimal("0.2345"), Unit.SHARE)).isEqualTo("23,5\u00a0%");
        assertThat(CellValues.swedish(new BigDecimal("42.1"), Unit.YEARS)).isEqualTo("42,10");
        assertThat(CellValues.number(new BigDecimal("-2.94"), 1)).isEqualTo("\u22122,9");
    }
}
