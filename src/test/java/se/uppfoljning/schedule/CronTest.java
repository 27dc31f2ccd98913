package se.uppfoljning.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Crontab's five fields, computed by Spring's CronExpression; only what both read alike is accepted. */
class CronTest {
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void theMonthlyReportOnTheThirdFiresAtSixOnTheThirdOfEachMonth() {
        Cron cron = Cron.parse("0 6 3 * *");
        ZonedDateTime after = ZonedDateTime.of(2026, 11, 3, 6, 0, 0, 0, STOCKHOLM);

        assertThat(cron.next(after.minusSeconds(1))).isEqualTo(after);
        assertThat(cron.next(after)).isEqualTo(ZonedDateTime.of(2026, 12, 3, 6, 0, 0, 0, STOCKHOLM));
        assertThat(cron.firesOn(LocalDate.of(2026, 11, 3), STOCKHOLM)).isTrue();
        assertThat(cron.firesOn(LocalDate.of(2026, 11, 4), STOCKHOLM)).isFalse();
    }

    @Test
    void aScheduleAtMidnightFiresOnThatDayAndNotTheDayBefore() {
        Cron cron = Cron.parse("0 0 1 * *");

        assertThat(cron.firesOn(LocalDate.of(2026, 12, 1), STOCKHOLM)).isTrue();
        assertThat(cron.firesOn(LocalDate.of(2026, 11, 30), STOCKHOLM)).isFalse();
    }

    @Test
    void stepsRangesListsNamesAndMacrosAreCrontabsOwn() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 11, 2, 12, 0, 0, 0, STOCKHOLM);

        assertThat(Cron.parse("*/15 7-17 * * mon-fri").next(monday)).isEqualTo(monday.plusMinutes(15));
        assertThat(Cron.parse("0 6 5 jan,jul *").next(monday)).isEqualTo(ZonedDateTime.of(2027, 1, 5, 6, 0, 0, 0, STOCKHOLM));
        assertThat(Cron.parse("@daily").next(monday)).isEqualTo(ZonedDateTime.of(2026, 11, 3, 0, 0, 0, 0, STOCKHOLM));
        assertThat(Cron.parse("0 3 * * 0").next(monday).getDayOfWeek()).hasToString("SUNDAY");
        assertThat(Cron.parse("0 3 * * 7").next(monday).getDayOfWeek()).hasToString("SUNDAY");
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 0 6 3 * *   | has 6 fields
            6 3 * *       | has 4 fields
            0 6 L * *     | uses L, W, # or ?
            0 6 ? * MON   | uses L, W, # or ?
            0 6 1 * 1     | restricts both day-of-month and day-of-week
            0 25 * * *    | is not a valid cron expression
            @reboot       | is not a macro
            """)
    void whatCrontabAndTheScheduleModeWouldReadDifferentlyIsRefused(String expression, String message) {
        assertThatThrownBy(() -> Cron.parse(expression)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
