package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.outcome.Scenario.person;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** EMPLOYED_6M (R19): the day six months after the end, clamped to the month's last day. */
class Employed6mTest extends ScenarioTest {

    @Test
    void anEmploymentInsatsRunningOnTheDayCountsAndOneThatEndedBeforeDoesNot() throws Exception {
        var running = s.episode(person(0), "2025-01-10", "2025-02-15");
        s.insats(person(0), "LONESTOD", "2025-03-01", "");
        var ended = s.episode(person(1), "2025-01-10", "2025-02-15");
        s.insats(person(1), "ANSTALLNING", "2025-02-20", "2025-08-14");      // ends the day before D
        var clamped = s.episode(person(2), "2024-12-01", "2025-08-31");       // D = 2026-02-28

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(running, "employed_6m", Boolean.class)).isTrue();
        assertThat(s.fact(ended, "employed_6m_day", LocalDate.class)).isEqualTo("2025-08-15");
        // the insats is no evidence on D, but its start is the latest status event before D: work
        assertThat(s.fact(ended, "employed_6m", Boolean.class)).isTrue();
        assertThat(s.fact(clamped, "employed_6m_day", LocalDate.class)).isEqualTo("2026-02-28");
    }

    @Test
    void aLaterJobSeekingEventBeforeTheDayOutweighsAnEarlierJobAndTheDayMustHavePassed() throws Exception {
        var lostJob = s.episode(person(0), "2025-01-10", "2025-02-15");
        s.insats(person(0), "ANSTALLNING", "2025-02-20", "2025-05-01");
        s.af(person(0), "2025-05-02", "11", "", "");                          // open registration, jobseeking
        var tooEarly = s.episode(person(1), "2025-01-10", "2025-06-15");      // D = 2025-12-15

        s.computeAsOf("2025-12-14");

        assertThat(s.fact(lostJob, "employed_6m_measurable", Boolean.class)).isTrue();
        assertThat(s.fact(lostJob, "employed_6m", Boolean.class)).isFalse();
        assertThat(s.fact(tooEarly, "employed_6m_measurable", Boolean.class)).isFalse();
    }

    @Test
    void eventsUpToTheDayCountAndLaterOnesAreNeitherUsedNorKept() throws Exception {
        var onTheDay = s.episode(person(0), "2025-01-10", "2025-02-15");     // D = 2025-08-15
        s.af(person(0), "2024-03-01", "11", "2025-08-15", "Fått arbete");     // dated D: counts
        var dayAfter = s.episode(person(1), "2025-01-10", "2025-02-15");
        s.insats(person(1), "ANSTALLNING", "2025-08-16", "");                  // starts the day after D
        var clamped = s.episode(person(2), "2024-12-01", "2025-08-31");        // D = 2026-02-28
        s.af(person(2), "2024-03-01", "11", "2026-02-28", "Fått arbete");
        var clampedAfter = s.episode(person(3), "2024-12-01", "2025-08-31");
        s.af(person(3), "2024-03-01", "11", "2026-03-01", "Fått arbete");

        s.computeAsOf("2026-11-01");

        assertThat(s.fact(onTheDay, "employed_6m", Boolean.class)).isTrue();
        assertThat(s.fact(dayAfter, "employed_6m_measurable", Boolean.class)).isTrue();
        assertThat(s.fact(dayAfter, "employed_6m", Boolean.class)).isFalse();
        assertThat(s.fact(clamped, "employed_6m", Boolean.class)).isTrue();
        // the open registration (ARBETSSOKANDE, dated the end date) is the latest event up to D
        assertThat(s.fact(clampedAfter, "employed_6m", Boolean.class)).isFalse();
        // status_event keeps only what EXIT_STATUS and EMPLOYED_6M look at: nothing after D
        assertThat(count("""
                SELECT count(*) FROM status_event s JOIN episode_fact f USING (run_id, episode_id)
                 WHERE s.run_id = ? AND s.event_date > f.employed_6m_day""", s.run())).isZero();
        assertThat(count("""
                SELECT count(*) FROM status_event s JOIN episode_fact f USING (run_id, episode_id)
                 WHERE s.run_id = ? AND s.event_date = f.employed_6m_day""", s.run())).isEqualTo(2);
    }
}
