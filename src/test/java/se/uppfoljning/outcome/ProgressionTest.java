package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;

import org.junit.jupiter.api.Test;

/** PROGRESSION (SPEC §5, R17): up, flat and down, by assessments and by the insats ladder. */
class ProgressionTest extends ScenarioTest {

    @Test
    void assessmentsUpFlatAndDown() throws Exception {
        var up = s.episode(person(0), "2025-01-10", null);
        s.assessment(person(0), "2025-01-15", 2).assessment(person(0), "2025-03-01", 3).assessment(person(0), "2025-06-01", 4);
        var flat = s.episode(person(1), "2025-01-10", null);
        s.assessment(person(1), "2025-01-15", 3).assessment(person(1), "2025-06-01", 3);
        var down = s.episode(person(2), "2025-01-10", null);
        s.assessment(person(2), "2025-01-15", 4).assessment(person(2), "2025-06-01", 2);
        var outsideEpisode = s.episode(person(3), "2025-01-10", "2025-05-01");
        s.assessment(person(3), "2025-01-15", 2).assessment(person(3), "2025-06-01", 6);   // after the end

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(up, "progressed", Boolean.class)).isTrue();
        assertThat(s.fact(flat, "progressed", Boolean.class)).isFalse();
        assertThat(s.fact(down, "progressed", Boolean.class)).isFalse();
        assertThat(s.fact(outsideEpisode, "progressed", Boolean.class)).isFalse();
        var counts = s.indicators("2025-H1", "2026-11-01");
        assertThat(counts.get("PROGRESSION_BASE/total=total/totalt")).isEqualByComparingTo("4");
        assertThat(counts.get("PROGRESSION_COUNT/total=total/totalt")).isEqualByComparingTo("1");
    }

    @Test
    void theInsatsLadderComparesWhatRanOnTheStartDateWithWhatBeganAfter() throws Exception {
        var climbed = s.episode(person(0), "2025-01-10", null);
        s.insats(person(0), "MOTIVATION", "2024-12-01", "2025-03-01");        // level 1 running at start
        s.insats(person(0), "PRAKTIK", "2025-04-01", "");                    // level 3 begun after
        var noneAtStart = s.episode(person(1), "2025-01-10", null);
        s.insats(person(1), "PRAKTIK", "2025-04-01", "");                    // criterion does not apply
        var sameLevel = s.episode(person(2), "2025-01-10", null);
        s.insats(person(2), "KARTLAGGNING", "2025-01-01", "");
        s.insats(person(2), "REHAB", "2025-02-01", "");                      // 2 → 2

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(climbed, "progressed", Boolean.class)).isTrue();
        assertThat(s.fact(noneAtStart, "progressed", Boolean.class)).isFalse();
        assertThat(s.fact(sameLevel, "progressed", Boolean.class)).isFalse();
    }

    @Test
    void anInsatsBegunOnTheStartDayRunsAtTheStartOneBegunOnTheLastDayBeganWithin() throws Exception {
        var onLastDay = s.episode(person(0), "2025-01-10", "2025-03-10");
        s.insats(person(0), "MOTIVATION", "2025-01-01", "");                 // level 1 running at start
        s.insats(person(0), "PRAKTIK", "2025-03-10", "2025-03-20");          // level 3 begun on the last day: up
        var onStartDay = s.episode(person(1), "2025-01-10", "2025-03-10");
        s.insats(person(1), "MOTIVATION", "2025-01-01", "");
        s.insats(person(1), "PRAKTIK", "2025-01-10", "2025-01-20");          // level 3 at the start itself: not up
        var dayAfterEnd = s.episode(person(2), "2025-01-10", "2025-03-10");
        s.insats(person(2), "MOTIVATION", "2025-01-01", "");
        s.insats(person(2), "PRAKTIK", "2025-03-11", "");                    // after the end: not up
        var sameDayTwice = s.episode(person(3), "2025-01-10", "2025-03-10");
        s.insats(person(3), "MOTIVATION", "2025-01-01", "");
        s.insats(person(3), "MOTIVATION", "2025-02-01", "2025-02-05");
        s.insats(person(3), "PRAKTIK", "2025-02-01", "2025-02-05");          // two begun the same day, one higher: up

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(onLastDay, "progressed", Boolean.class)).isTrue();
        assertThat(s.fact(onStartDay, "progressed", Boolean.class)).isFalse();
        assertThat(s.fact(dayAfterEnd, "progressed", Boolean.class)).isFalse();
        assertThat(s.fact(sameDayTwice, "progressed", Boolean.class)).isTrue();
    }

    @Test
    void itAppliesAfterNinetyDaysOrAnEndAndAnExitToWorkCountsAsProgressed() throws Exception {
        var day90 = s.episode(person(0), "2025-08-03", null);                 // as-of − start = 90
        var day89 = s.episode(person(1), "2025-08-04", null);
        var toWork = s.episode(person(2), "2025-08-10", "2025-09-15");
        toWork.put("sysselsattning_efter", "ARBETE");

        s.computeAsOf("2025-11-01");

        assertThat(s.fact(day90, "progression_applies", Boolean.class)).isTrue();
        assertThat(s.fact(day89, "progression_applies", Boolean.class)).isFalse();
        assertThat(s.fact(toWork, "progression_applies", Boolean.class)).isTrue();
        assertThat(s.fact(toWork, "progressed", Boolean.class)).isTrue();
    }

    @Test
    void eachOfAPersonsEpisodesLooksOnlyAtTheAssessmentsAndInsatserOfItsOwnDays() throws Exception {
        var first = s.episode(person(0), "2025-01-10", "2025-02-10");
        var second = s.episode(person(0), "2025-03-01", "2025-04-01");
        var third = s.episode(person(0), "2025-05-01", "2025-06-01");
        s.assessment(person(0), "2025-01-10", 2).assessment(person(0), "2025-02-10", 3);   // first and last day: up
        s.assessment(person(0), "2025-03-01", 5).assessment(person(0), "2025-04-01", 4);   // down
        s.assessment(person(0), "2025-04-15", 1);                                         // between episodes: no one's
        s.assessment(person(0), "2025-05-20", 3);                                         // the third's only one
        s.insats(person(0), "MOTIVATION", "2025-02-15", "2025-03-01");    // level 1, ends on the second's start day
        s.insats(person(0), "PRAKTIK", "2025-03-10", "2025-03-31");       // level 3 begun within the second: up
        s.insats(person(0), "SFI", "2025-04-20", "");                     // level 4, runs on the third's start
        s.insats(person(0), "PRAKTIK", "2025-05-10", "2025-05-30");       // level 3 within the third: not up

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(first, "progressed", Boolean.class)).isTrue();
        assertThat(s.fact(second, "progressed", Boolean.class)).isTrue();
        // 1 (between the episodes) then 3 would be a step up; the third has one assessment of its own
        assertThat(s.fact(third, "progressed", Boolean.class)).isFalse();
    }

    @Test
    void anInsatsBegunBeforeSeveralEpisodesRunsAtTheStartOfEachAndAnAnonymousOneCountsOnlyItsAssessments()
            throws Exception {
        var first = s.episode(person(0), "2025-01-10", "2025-02-10");
        var anonymous = s.episode(person(0), "2025-03-01", "2025-04-01");
        anonymous.put("samtycke", "N");
        var third = s.episode(person(0), "2025-05-01", "2025-06-01");
        var fourth = s.episode(person(0), "2025-07-01", null);
        s.insats(person(0), "KARTLAGGNING", "2024-12-01", "2025-07-15");   // level 2 on all four start days
        s.insats(person(0), "PRAKTIK", "2025-03-10", "2025-03-20");        // level 3 within the anonymous one
        s.assessment(person(0), "2025-03-05", 2).assessment(person(0), "2025-03-25", 3);   // its own: up
        s.insats(person(0), "SFI", "2025-05-10", "");                      // level 4 within the third: 2 → 4
        s.insats(person(0), "MOTIVATION", "2025-08-01", "");               // level 1 within the fourth: 2 → 1

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(first, "progressed", Boolean.class)).isFalse();
        assertThat(s.fact(anonymous, "progressed", Boolean.class)).isTrue();
        assertThat(s.fact(third, "progressed", Boolean.class)).isTrue();
        assertThat(s.fact(fourth, "progressed", Boolean.class)).isFalse();
    }

    @Test
    void theInsatsLadderOfAnAnonymousEpisodeDoesNotCount() throws Exception {
        var anonymous = s.episode(person(0), "2025-01-10", null);
        anonymous.put("samtycke", "N");
        s.insats(person(0), "MOTIVATION", "2024-12-01", "2025-03-01");
        s.insats(person(0), "PRAKTIK", "2025-04-01", "");                  // 1 → 3, but not linked (R12)

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(anonymous, "progressed", Boolean.class)).isFalse();
    }
}
