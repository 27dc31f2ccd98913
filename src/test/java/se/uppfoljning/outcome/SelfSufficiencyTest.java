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
}
