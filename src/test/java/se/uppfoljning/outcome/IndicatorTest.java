package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The indicators of SPEC §6 over periods (R14, R24, R25, R28), from small registers. */
class IndicatorTest extends ScenarioTest {

    /**
     * A report's periods (the month, the one before, the year so far, lifetime) are counted together
     * in one pass; each period's counts are what it gets counted alone, for persons active in some
     * of the periods and not in others, with episodes that start, end or run through them.
     */
    @Test
    void periodsCountedTogetherGiveWhatEachGivesAlone() throws Exception {
        var before = s.episode(person(0), "2025-11-03", "2026-02-27");
        before.put("sysselsattning_efter", "ARBETE");
        s.episode(person(0), "2026-09-14", null);                              // re-entry, still running
        var september = s.episode(person(1), "2026-03-02", "2026-09-30");
        september.put("sysselsattning_efter", "STUDIER");
        september.put("kon", "K");
        var october = s.episode(person(2), "2026-10-05", "2026-10-28");
        october.put("ersattning_start", "A_KASSA");
        october.put("team", "2");
        october.put("omrade", "Skärholmen");
        s.episode(person(3), "2025-01-20", "2025-06-30");                     // only in lifetime
        s.episode(person(4), "2026-08-17", null);                              // through both months

        s.computeAsOf("2026-11-03");
        List<String> periods = List.of("2026-10", "2026-09", "2026-01..2026-10", "lifetime");
        Map<String, Map<String, BigDecimal>> alone = new LinkedHashMap<>();
        for (String p : periods) {
            alone.put(p, s.indicators(p, "2026-11-03"));
            s.forgetIndicators();
        }
        Map<String, Map<String, BigDecimal>> together = s.indicatorsTogether(periods, "2026-11-03");

        assertThat(together.keySet()).containsExactlyElementsOf(periods);
        for (String p : periods) assertThat(together.get(p)).as(p).isEqualTo(alone.get(p));
        assertThat(together.get("2026-10").get("PART_ACTIVE/total=total/totalt")).isEqualByComparingTo("3");
        assertThat(together.get("2026-09").get("EXIT_STUDIES/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(together.get("lifetime").get("EECO01/total=total/totalt")).isEqualByComparingTo("5");
        assertThat(together.get("2026-01..2026-10").get("EXIT_WORK/total=total/totalt")).isEqualByComparingTo("1");
    }

    /**
     * The counts by gender are made per breakdown; a breakdown's 'totalt' and the breakdown 'total'
     * are summed from them: every group's genders add up to its 'totalt', and every breakdown's
     * groups to the total, in each gender.
     */
    @Test
    void gendersAddUpToTotaltAndEveryBreakdownsGroupsToTheTotal() throws Exception {
        s.episode(person(0), "2026-02-02", "2026-06-30").put("kon", "K");
        var man = s.episode(person(1), "2026-03-02", null);
        man.put("kon", "M");
        man.put("team", "2");
        man.put("omrade", "Skärholmen");
        s.episode(person(2), "2026-04-06", "2026-09-30").put("kon", "X");
        s.episode(person(3), "2026-05-04", null).put("kon", "K");

        s.computeAsOf("2026-11-03");
        Map<String, BigDecimal> lifetime = s.indicators("lifetime", "2026-11-03");

        assertThat(lifetime.get("PART_NEW/total=total/kvinna")).isEqualByComparingTo("2");
        assertThat(lifetime.get("PART_NEW/total=total/totalt")).isEqualByComparingTo("4");
        assertThat(lifetime.get("PART_NEW/team=1/totalt")).isEqualByComparingTo("3");
        assertThat(lifetime.get("PART_NEW/team=2/man")).isEqualByComparingTo("1");
        Map<String, BigDecimal> byGender = new LinkedHashMap<>();
        Map<String, BigDecimal> byBreakdown = new LinkedHashMap<>();
        lifetime.forEach((key, value) -> {
            String[] parts = key.split("/");                       // indicator / breakdown=value / gender
            String breakdown = parts[1].substring(0, parts[1].indexOf('='));
            if (!parts[2].equals("totalt")) byGender.merge(parts[0] + "/" + parts[1], value, BigDecimal::add);
            if (!breakdown.equals("total")) {
                byBreakdown.merge(parts[0] + "/" + breakdown + "/" + parts[2], value, BigDecimal::add);
            }
        });
        byGender.forEach((group, sum) -> assertThat(lifetime.get(group + "/totalt")).as(group).isEqualByComparingTo(sum));
        byBreakdown.forEach((key, sum) -> {
            String[] parts = key.split("/");
            assertThat(lifetime.get(parts[0] + "/total=total/" + parts[2])).as(key).isEqualByComparingTo(sum);
        });
        assertThat(byBreakdown).containsKeys("PART_NEW/team/totalt", "PART_NEW/area/kvinna", "PART_ACTIVE/age_band/man");
    }

    @Test
    void aPersonWithTwoEpisodesCountsOnceAndTheLatestStartingEpisodeGivesTheBreakdown() throws Exception {
        s.episode(person(0), "2025-01-10", "2025-03-31");                     // team 1
        var second = s.episode(person(0), "2025-05-01", null);
        second.put("team", "2");
        second.put("omrade", "Skärholmen");

        s.computeAsOf("2026-11-01");
        var h1 = s.indicators("2025-H1", "2026-11-01");

        assertThat(h1.get("PART_NEW/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(h1.get("PART_NEW/team=2/totalt")).isEqualByComparingTo("1");
        assertThat(h1.get("PART_NEW/team=1/totalt")).isNull();
        assertThat(h1.get("PART_ENDED/team=1/totalt")).isEqualByComparingTo("1");
        // participant-years give each episode's days to its own team: 81 + 61 days
        assertThat(h1.get("PARTICIPANT_DAYS/team=1/totalt")).isEqualByComparingTo("81");
        assertThat(h1.get("PARTICIPANT_DAYS/team=2/totalt")).isEqualByComparingTo("61");
    }

    /**
     * A period nobody is active in (a month before anyone started, as an empty register gives for
     * every period) has no counts at all. Participant-days were once summed in a statement of their
     * own with a grand-total grouping set, which over no rows gave one row with sum() = NULL: a NOT
     * NULL violation on indicator_value (fixed when they moved into the one GROUPING SETS pass).
     */
    @Test
    void aPeriodNobodyIsActiveInHasNoCountsRatherThanANullParticipantDays() throws Exception {
        s.episode(person(0), "2025-05-01", "2025-06-30");

        s.computeAsOf("2026-11-01");

        assertThat(s.indicators("2025-01", "2026-11-01")).isEmpty();
        assertThat(s.indicators("2025-T1", "2026-11-01")).isEmpty();
        assertThat(s.indicators("2025-05", "2026-11-01").get("PARTICIPANT_DAYS/total=total/totalt"))
                .isEqualByComparingTo("31");
    }

    @Test
    void esfTakesEntryDataFromTheFirstEpisodeAndResultsFromTheLastOnlyOnceItHasEnded() throws Exception {
        var first = s.episode(person(0), "2025-01-10", "2025-03-31");
        first.put("ersattning_start", "A_KASSA");                              // unemployed at first entry
        first.put("sysselsattning_efter", "ARBETE");
        var last = s.episode(person(0), "2025-05-01", null);
        last.put("ersattning_start", "LON");
        var leftOnce = s.episode(person(1), "2025-02-01", "2025-04-30");
        leftOnce.put("sysselsattning_efter", "ARBETSSOKANDE");

        s.computeAsOf("2026-11-01");
        var h1 = s.indicators("2025-H1", "2026-11-01");

        assertThat(h1.get("EECO01/total=total/totalt")).isEqualByComparingTo("2");
        assertThat(h1.get("EECO02/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(h1.get("EECO05/total=total/totalt")).isNull();
        // person 0's last episode has not ended: no result yet, although the first ended in work
        assertThat(h1.get("EECR04/total=total/totalt")).isNull();
        assertThat(h1.get("EECR01/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(h1.get("EXIT_WORK/total=total/totalt")).isEqualByComparingTo("1");
    }

    /**
     * In a month, ESF entry data count only when the person's first episode of all started in it, and
     * results only when the person's last episode of all ended in it: the latest episode among those
     * active in the month is not enough (each period once took the person's episodes from one sort
     * of every episode of the run; now from the least and the greatest of them).
     */
    @Test
    void esfFirstAndLastEpisodeAreThePersonsOwnNotTheLatestInThePeriod() throws Exception {
        var first = s.episode(person(0), "2025-01-10", "2025-03-15");
        first.put("sysselsattning_efter", "ARBETSSOKANDE");
        var second = s.episode(person(0), "2025-05-05", null);
        second.put("team", "2");
        second.put("omrade", "Skärholmen");
        var only = s.episode(person(1), "2025-03-03", "2025-03-20");
        only.put("sysselsattning_efter", "STUDIER");

        s.computeAsOf("2026-11-01");
        var march = s.indicators("2025-03", "2026-11-01");
        var may = s.indicators("2025-05", "2026-11-01");

        assertThat(march.get("PART_ENDED/total=total/totalt")).isEqualByComparingTo("2");
        assertThat(march.get("EXIT_JOBSEEKING/total=total/totalt")).isEqualByComparingTo("1");
        // person 0's last episode is the open one from May: no ESF result in March
        assertThat(march.get("EECR01/total=total/totalt")).isNull();
        assertThat(march.get("EECR02/total=total/totalt")).isEqualByComparingTo("1");
        // person 1's first episode started in March, person 0's in January
        assertThat(march.get("EECO01/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(may.get("PART_NEW/team=2/totalt")).isEqualByComparingTo("1");
        assertThat(may.get("EECO01/total=total/totalt")).isNull();
        assertThat(s.indicators("lifetime", "2026-11-01").get("EECO01/total=total/totalt"))
                .isEqualByComparingTo("2");
    }

    @Test
    void selfReportedNonBinaryGenderOverridesTheLegalOneAndTheLatestStatementWins() throws Exception {
        var early = s.episode(person(0), "2025-01-10", "2025-02-28");
        early.put("kon", "K");
        var later = s.episode(person(0), "2025-04-01", null);
        later.put("kon", "X");
        s.episode(person(1), "2025-01-10", null);                             // legal gender from the number

        s.computeAsOf("2026-11-01");
        var year = s.indicators("2025", "2026-11-01");

        assertThat(year.get("PART_NEW/total=total/ickebinar")).isEqualByComparingTo("1");
        assertThat(year.get("PART_NEW/total=total/totalt")).isEqualByComparingTo("2");
        String legal = Integer.parseInt(person(1).substring(10, 11)) % 2 == 0 ? "kvinna" : "man";
        assertThat(year.get("PART_NEW/total=total/" + legal)).isEqualByComparingTo("1");
    }

    @Test
    void tertialHalfYearAndYearBoundaries() throws Exception {
        s.episode(person(0), "2025-04-30", "2025-05-01");                     // new in T1, ended in T2
        s.episode(person(1), "2025-06-30", "2025-07-01");                     // new in H1, ended in H2
        s.episode(person(2), "2025-12-31", null);                             // new on the year's last day

        s.computeAsOf("2026-11-01");

        var t1 = s.indicators("2025-T1", "2026-11-01");
        assertThat(t1.get("PART_NEW/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(t1.get("PART_ONGOING_END/total=total/totalt")).isEqualByComparingTo("1");
        var t2 = s.indicators("2025-T2", "2026-11-01");
        assertThat(t2.get("PART_ONGOING_START/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(t2.get("PART_ENDED/total=total/totalt")).isEqualByComparingTo("2");   // 1 May and 1 July
        var h2 = s.indicators("2025-H2", "2026-11-01");
        assertThat(h2.get("PART_NEW/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(h2.get("PART_ENDED/total=total/totalt")).isEqualByComparingTo("1");
        var year = s.indicators("2025", "2026-11-01");
        assertThat(year.get("PART_NEW/total=total/totalt")).isEqualByComparingTo("3");
        assertThat(year.get("PART_ONGOING_END/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(s.indicators("2026", "2026-11-01").get("PART_ONGOING_START/total=total/totalt"))
                .isEqualByComparingTo("1");
    }
}
