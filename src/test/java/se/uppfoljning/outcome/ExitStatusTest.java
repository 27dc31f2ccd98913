package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;


import org.junit.jupiter.api.Test;


/** EXIT_STATUS (SPEC §5, R15, R16) on hand-built registers. */
class ExitStatusTest extends ScenarioTest {

    @Test
    void evidenceOnDay28AfterTheEndCountsAndOnDay29DoesNot() throws Exception {
        var day28 = s.episode(person(0), "2025-01-10", "2025-06-30");
        var day29 = s.episode(person(1), "2025-01-10", "2025-06-30");
        s.insats(person(0), "ANSTALLNING", "2025-07-28", "");
        s.insats(person(1), "ANSTALLNING", "2025-07-29", "");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(day28, "exit_status", String.class)).isEqualTo("ARBETE");
        assertThat(s.fact(day28, "exit_evidence_source", String.class)).isEqualTo("insatser");
        assertThat(s.fact(day29, "exit_status", String.class)).isEqualTo("OKAND");
    }

    @Test
    void theLatestEventInTheWindowWinsAndSameDayTiesFollowTheRanking() throws Exception {
        var latestWins = s.episode(person(0), "2025-01-10", "2025-06-30");
        latestWins.put("sysselsattning_efter", "ARBETE");                     // dated the end date
        s.insats(person(0), "KOMVUX", "2025-07-10", "");                      // later: STUDIER wins
        var tie = s.episode(person(1), "2025-01-10", "2025-06-30");
        s.insats(person(1), "KOMVUX", "2025-07-10", "");                      // STUDIER
        s.insats(person(1), "NYSTARTSJOBB", "2025-07-10", "");                // ARBETE_SUBV, same day: ranks higher

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(latestWins, "exit_status", String.class)).isEqualTo("STUDIER");
        assertThat(s.fact(tie, "exit_status", String.class)).isEqualTo("ARBETE_SUBV");
    }

    @Test
    void sameDayEvidenceOfOneStatusFromSeveralSourcesNamesTheFirstSourceInSpecOrder() throws Exception {
        var own = s.episode(person(0), "2025-01-10", "2025-06-30");
        own.put("sysselsattning_efter", "ARBETE");                            // deltagare, dated the end date
        s.insats(person(0), "ANSTALLNING", "2025-06-30", "");                  // insatser, ARBETE, same day
        var agencies = s.episode(person(1), "2025-01-10", "2025-06-30");
        s.insats(person(1), "ANSTALLNING", "2025-07-10", "");                  // insatser, ARBETE
        s.af(person(1), "2024-03-01", "11", "2025-07-10", "Fått arbete");      // af_status, ARBETE, same day

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(own, "exit_status", String.class)).isEqualTo("ARBETE");
        assertThat(s.fact(own, "exit_evidence_source", String.class)).isEqualTo("deltagare");
        assertThat(s.fact(agencies, "exit_status", String.class)).isEqualTo("ARBETE");
        assertThat(s.fact(agencies, "exit_evidence_source", String.class)).isEqualTo("af_status");
        assertThat(s.fact(agencies, "exit_evidence_date", java.time.LocalDate.class)).isEqualTo("2025-07-10");
    }

    @Test
    void anOpenAfRegistrationIsJobSeekingAndADeregistrationCauseIsEvidence() throws Exception {
        var open = s.episode(person(0), "2025-01-10", "2025-06-30");
        s.af(person(0), "2024-03-01", "11", "", "");
        var deregistered = s.episode(person(1), "2025-01-10", "2025-06-30");
        s.af(person(1), "2024-03-01", "11", "2025-07-15", "Fått arbete");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(open, "exit_status", String.class)).isEqualTo("ARBETSSOKANDE");
        assertThat(s.fact(open, "exit_evidence_date", java.time.LocalDate.class)).isEqualTo("2025-06-30");
        // the registration was open at the end date (ARBETSSOKANDE), the later deregistration to work wins
        assertThat(s.fact(deregistered, "exit_status", String.class)).isEqualTo("ARBETE");
    }

    @Test
    void anEpisodeEndedLessThan28DaysBeforeTheAsOfDateIsPreliminaryAndEvidenceAfterTheAsOfDateIsIgnored() throws Exception {
        var recent = s.episode(person(0), "2025-01-10", "2025-10-20");
        s.insats(person(0), "ANSTALLNING", "2025-10-25", "");
        var evidenceTooLate = s.episode(person(1), "2025-01-10", "2025-10-10");
        s.insats(person(1), "ANSTALLNING", "2025-10-28", "");                // in the window, after the as-of date
        var exactly28DaysAgo = s.episode(person(2), "2025-01-10", "2025-09-29");

        s.computeAsOf("2025-10-27");

        assertThat(s.fact(recent, "exit_status", String.class)).isEqualTo("ARBETE");
        assertThat(s.fact(recent, "exit_preliminary", Boolean.class)).isTrue();
        assertThat(s.fact(evidenceTooLate, "exit_status", String.class)).isEqualTo("OKAND");
        assertThat(s.fact(exactly28DaysAgo, "exit_preliminary", Boolean.class)).isFalse();
        var counts = s.indicators("2025", "2025-10-27");
        assertThat(counts.get("EXIT_PRELIMINARY/total=total/totalt")).isEqualByComparingTo("2");
        assertThat(counts.get("PART_ENDED/total=total/totalt")).isEqualByComparingTo("3");
    }

    @Test
    void anAnonymousParticipationCountsButLinksNoOtherAgencysEvidence() throws Exception {
        var anonymous = s.episode(person(0), "2025-01-10", "2025-06-30");
        anonymous.put("samtycke", "N");
        s.insats(person(0), "ANSTALLNING", "2025-07-01", "");
        var ownEvidence = s.episode(person(1), "2025-01-10", "2025-06-30");
        ownEvidence.put("skyddad", "J");
        ownEvidence.put("sysselsattning_efter", "STUDIER");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(anonymous, "exit_status", String.class)).isEqualTo("OKAND");
        assertThat(s.fact(ownEvidence, "exit_status", String.class)).isEqualTo("STUDIER");
        var counts = s.indicators("2025-H1", "2026-11-01");
        assertThat(counts.get("PART_ENDED/total=total/totalt")).isEqualByComparingTo("2");
        assertThat(counts.get("EXIT_STUDIES/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(counts.get("EXIT_UNKNOWN/total=total/totalt")).isEqualByComparingTo("1");
    }

    @Test
    void aVoidEpisodeCountsNowhere() throws Exception {
        var mistake = s.episode(person(0), "2025-01-10", "2025-02-01");
        mistake.put("avslutsanledning", "FELREG");
        s.episode(person(0), "2025-01-20", null);                             // overlaps the void one: allowed

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(mistake, "exit_status", String.class)).isNull();
        var counts = s.indicators("2025", "2026-11-01");
        assertThat(counts.get("PART_NEW/total=total/totalt")).isEqualByComparingTo("1");
        assertThat(counts.get("PART_ENDED/total=total/totalt")).isNull();
    }

    @Test
    void aPersonsEpisodesEachTakeTheEvidenceOfTheirOwnWindows() throws Exception {
        var first = s.episode(person(0), "2025-01-10", "2025-03-01");
        var second = s.episode(person(0), "2025-03-20", "2025-05-01");
        s.insats(person(0), "KOMVUX", "2025-03-10", "");                 // STUDIER, in the first's window only
        s.insats(person(0), "ANSTALLNING", "2025-05-29", "");            // ARBETE, day 28 after the second
        s.af(person(0), "2025-04-01", "11", "", "");                     // open from within the second: ARBETSSOKANDE

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(first, "exit_status", String.class)).isEqualTo("STUDIER");
        assertThat(s.fact(first, "exit_evidence_date", java.time.LocalDate.class)).isEqualTo("2025-03-10");
        assertThat(s.fact(second, "exit_status", String.class)).isEqualTo("ARBETE");
        // the registration begun before the second's end and open on it is an event on the end date, and the
        // latest event up to day D (2025-11-01) is the employment insats
        assertThat(s.fact(second, "employed_6m", Boolean.class)).isTrue();
        assertThat(s.fact(first, "employed_6m_evidence_status", String.class)).isEqualTo("ARBETE");
    }
}
