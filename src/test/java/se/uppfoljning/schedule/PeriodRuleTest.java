package se.uppfoljning.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A period rule names the last whole period before the as-of date (SPEC §5 period strings). */
class PeriodRuleTest {

    @ParameterizedTest(name = "{1} as of {0} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-03 | previous-month     | 2026-10
            2026-01-03 | previous-month     | 2025-12
            2026-03-31 | previous-month     | 2026-02
            2026-01-05 | previous-tertial   | 2025-T3
            2026-04-30 | previous-tertial   | 2025-T3
            2026-05-01 | previous-tertial   | 2026-T1
            2026-08-31 | previous-tertial   | 2026-T1
            2026-09-05 | previous-tertial   | 2026-T2
            2026-12-31 | previous-tertial   | 2026-T2
            2026-07-05 | previous-half-year | 2026-H1
            2026-12-31 | previous-half-year | 2026-H1
            2027-01-05 | previous-half-year | 2026-H2
            2026-06-30 | previous-half-year | 2025-H2
            2027-01-15 | previous-year      | 2026
            2026-12-31 | previous-year      | 2025
            2026-11-03 | lifetime           | lifetime
            """)
    void resolvesAgainstTheAsOfDate(LocalDate asOf, String rule, String period) {
        assertThat(PeriodRule.byId(rule)).get().extracting(r -> r.resolve(asOf)).isEqualTo(period);
    }

    @ParameterizedTest
    @CsvSource({"previous-week", "Previous-Month", "2026-10", "''"})
    void anythingElseIsNoRule(String text) {
        assertThat(PeriodRule.byId(text)).isEmpty();
    }
}
