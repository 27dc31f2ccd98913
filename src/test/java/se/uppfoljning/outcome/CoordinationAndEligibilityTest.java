package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;

import org.junit.jupiter.api.Test;

import se.uppfoljning.TestPersons;

/** COORDINATED (R20), ELIGIBLE (R21, R22) and status at entry (SPEC §5). */
class CoordinationAndEligibilityTest extends ScenarioTest {

    @Test
    void aJointAssessmentNeedsTwoAgenciesAndAPlanInEitherOrder() throws Exception {
        var coordinated = s.episode(person(0), "2025-01-10", null);
        s.contact(person(0), "2025-02-01", "SAMORDNAD_PLANERING", "");
        s.contact(person(0), "2025-02-10", "GEMENSAM_KARTLAGGNING", "SOC|JC");
        var oneAgency = s.episode(person(1), "2025-01-10", null);
        s.contact(person(1), "2025-01-20", "GEMENSAM_KARTLAGGNING", "AF|AF");
        s.contact(person(1), "2025-02-01", "SAMORDNAD_PLANERING", "");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(coordinated, "coordinated", Boolean.class)).isTrue();
        assertThat(s.fact(coordinated, "joint_assessment_date", java.time.LocalDate.class)).isEqualTo("2025-02-10");
        assertThat(s.fact(oneAgency, "coordinated", Boolean.class)).isFalse();
        assertThat(s.indicators("2025", "2026-11-01").get("COORDINATED/total=total/totalt")).isEqualByComparingTo("1");
    }

    @Test
    void turningThirtyOnTheStartDayMeetsTheMinimumAgeAndMissingEvidenceIsAFinding() throws Exception {
        String born1995 = TestPersons.born(1995, 1995, 0);                     // e.g. 1995MMDD-NNNC
        String birthday = born1995.substring(0, 4) + "-" + born1995.substring(4, 6) + "-" + born1995.substring(6, 8);
        String thirtieth = (Integer.parseInt(birthday.substring(0, 4)) + 30) + birthday.substring(4);
        var turning30 = s.episode(born1995, thirtieth, null);
        s.af(born1995, "2024-01-01", "11", "", "");
        s.payment(born1995, thirtieth.substring(0, 7), "5000");
        String alsoBorn1995 = TestPersons.born(1995, 1995, 1);
        String day30 = (Integer.parseInt(alsoBorn1995.substring(0, 4)) + 30) + "-" + alsoBorn1995.substring(4, 6) + "-"
                + alsoBorn1995.substring(6, 8);
        var dayBefore = s.episode(alsoBorn1995, java.time.LocalDate.parse(day30).minusDays(1).toString(), null);

        s.computeAsOf("2026-10-31");

        assertThat(s.fact(turning30, "age_at_start", Integer.class)).isEqualTo(30);
        assertThat(s.fact(turning30, "eligible", Boolean.class)).isTrue();
        assertThat(s.fact(dayBefore, "eligible", Boolean.class)).isFalse();
        assertThat(s.fact(dayBefore, "findings::text", String.class))
                .isEqualTo("{MIN_AGE,AF_REGISTERED,FORSORJNINGSSTOD}");
    }

    @Test
    void statusAtEntryAndLongTermUnemployment() throws Exception {
        var longTerm = s.episode(person(0), "2025-01-10", null);
        longTerm.put("arbetslos_sedan", "2024-01-10");                       // exactly 12 months
        s.af(person(0), "2024-01-10", "11", "", "");
        var employed = s.episode(person(1), "2025-01-10", null);
        employed.put("ersattning_start", "LON_SUBV");
        var inactive = s.episode(person(2), "2025-01-10", null);
        inactive.put("ersattning_start", "FORSORJNINGSSTOD");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(longTerm, "status_at_entry", String.class)).isEqualTo("UNEMPLOYED");
        assertThat(s.fact(longTerm, "long_term_unemployed", Boolean.class)).isTrue();
        assertThat(s.fact(employed, "status_at_entry", String.class)).isEqualTo("EMPLOYED");
        assertThat(s.fact(inactive, "status_at_entry", String.class)).isEqualTo("INACTIVE");
    }
}
