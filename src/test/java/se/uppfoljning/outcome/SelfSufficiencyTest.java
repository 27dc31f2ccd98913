package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;

import org.junit.jupiter.api.Test;

/** SELF_SUFFICIENT_3M (R9, R18) and SUPPORT_REDUCED (SPEC §5). */
class SelfSufficiencyTest extends ScenarioTest {

    @Test
    void measurableOnlyWhenTheExtractsCoverTheThirdMonthAfterTheExitMonth() throws Exception {
        var covered = s.episode(person(0), "2025-01-10", "2025-05-20");       // exit month May: Jun–Aug
        var notYet = s.episode(person(1), "2025-01-10", "2025-06-20");        // Jul–Sep, extracts end in Aug
        for (String m : new String[] {"2024-10", "2024-11", "2024-12", "2025-01", "2025-05"}) {
            s.payment(person(0), m, "6000");
        }
        s.payment(person(9), "2025-08", "100");                              // someone else: coverage to Aug

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(covered, "self_sufficient_measurable", Boolean.class)).isTrue();
        assertThat(s.fact(covered, "self_sufficient", Boolean.class)).isTrue();
        assertThat(s.fact(notYet, "self_sufficient_measurable", Boolean.class)).isFalse();
        assertThat(s.fact(covered, "support_reduced_measurable", Boolean.class)).isTrue();
        assertThat(s.fact(covered, "support_reduced", Boolean.class)).isTrue();
    }

    @Test
    void aCorrectionThatCancelsAPaymentLeavesTheMonthUnpaidAndHalfTheSupportIsNotLessThanHalf() throws Exception {
        var cancelled = s.episode(person(0), "2025-01-10", "2025-05-20");
        s.payment(person(0), "2025-06", "3000").payment(person(0), "2025-06", "-3000");   // R9: sum 0, not paid
        var halved = s.episode(person(1), "2025-01-10", "2025-05-20");
        for (String m : new String[] {"2024-10", "2024-11", "2024-12"}) s.payment(person(1), m, "6000");
        for (String m : new String[] {"2025-06", "2025-07", "2025-08"}) s.payment(person(1), m, "3000");
        s.payment(person(9), "2024-09", "1").payment(person(9), "2025-09", "1");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(cancelled, "self_sufficient", Boolean.class)).isTrue();
        assertThat(s.fact(halved, "self_sufficient", Boolean.class)).isFalse();
        // mean after 3000 is not below half of 6000
        assertThat(s.fact(halved, "support_reduced_measurable", Boolean.class)).isTrue();
        assertThat(s.fact(halved, "support_reduced", Boolean.class)).isFalse();
    }

    @Test
    void anonymousParticipationsAreNeverMeasurable() throws Exception {
        var anonymous = s.episode(person(0), "2025-01-10", "2025-05-20");
        anonymous.put("samtycke", "N");
        s.payment(person(9), "2024-01", "1").payment(person(9), "2025-12", "1");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(anonymous, "self_sufficient_measurable", Boolean.class)).isFalse();
        assertThat(s.fact(anonymous, "employed_6m_measurable", Boolean.class)).isFalse();
    }

    @Test
    void aPersonsEpisodesEachReadTheirOwnMonthsBeforeTheStartAndAfterTheExit() throws Exception {
        var early = s.episode(person(0), "2025-01-10", "2025-02-20");   // before Oct–Dec, after Mar–May
        var late = s.episode(person(0), "2025-06-05", "2025-06-25");    // before Mar–May, after Jul–Sep
        for (String m : new String[] {"2024-10", "2024-11", "2024-12"}) s.payment(person(0), m, "6000");
        s.payment(person(0), "2025-02", "9000");                        // the exit month: in no window
        s.payment(person(0), "2025-06", "9000");                        // the late one's own month: in no window
        s.payment(person(0), "2025-05", "3000");                        // the early one's third month after
        s.payment(person(0), "2025-09", "1000");                        // the late one's third month after
        s.payment(person(9), "2024-01", "1").payment(person(9), "2025-12", "1");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(early, "self_sufficient", Boolean.class)).isFalse();
        assertThat(s.fact(early, "support_before_mean", java.math.BigDecimal.class)).isEqualByComparingTo("6000");
        assertThat(s.fact(early, "support_after_mean", java.math.BigDecimal.class)).isEqualByComparingTo("1000");
        assertThat(s.fact(early, "support_reduced", Boolean.class)).isTrue();
        assertThat(s.fact(late, "self_sufficient", Boolean.class)).isFalse();
        assertThat(s.fact(late, "support_before_mean", java.math.BigDecimal.class)).isEqualByComparingTo("1000");
        assertThat(s.fact(late, "support_after_mean", java.math.BigDecimal.class)).isEqualByComparingTo("333.33");
        assertThat(s.fact(late, "support_reduced", Boolean.class)).isTrue();    // 333.33 is below half of 1000
    }
}
