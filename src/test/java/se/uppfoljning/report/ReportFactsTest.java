package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.uppfoljning.outcome.Period;
import se.uppfoljning.outcome.ScenarioTest;

/** The report's own figures from the facts: active persons per month. */
class ReportFactsTest extends ScenarioTest {

    @Test
    void aPersonIsActiveInEveryMonthOneOfTheirEpisodesRunsOnADayOfOnceEvenWithTwoEpisodes() throws Exception {
        s.episode(person(0), "2025-01-31", "2025-03-01");                 // January, February and March
        s.episode(person(0), "2025-03-20", null);                         // March again, then on to the as-of date
        s.episode(person(1), "2025-02-01", "2025-02-28");                 // February only
        s.computeAsOf("2025-05-15");

        var months = new ReportFacts(jdbc).activeByMonth(s.run(),
                Period.parse("2025-H1", LocalDate.parse("2024-01-01"), LocalDate.parse("2025-05-15")));

        Map<String, String> total = months.stream().filter(p -> p.gender().equals("totalt"))
                .collect(Collectors.toMap(ReportDataset.MonthPoint::month, p -> p.value().toPlainString()));
        assertThat(total).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2025-01", "1", "2025-02", "2", "2025-03", "1", "2025-04", "1", "2025-05", "1"));
    }
}
