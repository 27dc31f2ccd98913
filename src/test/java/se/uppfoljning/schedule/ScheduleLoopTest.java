package se.uppfoljning.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The schedule mode's loop on a test clock: waiting moves the clock forward instead of sleeping, so a
 * month of firings takes no time and no assertion depends on the wall clock.
 */
class ScheduleLoopTest {
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(ZonedDateTime start) {
            now = start.toInstant();
        }

        @Override
        public ZoneId getZone() {
            return STOCKHOLM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static JobSchedule job(String name, String cron) {
        return new JobSchedule(name, Path.of("jobs", name + ".yml"), Cron.parse(cron), List.of("vasteras"), null,
                null, "out", List.of());
    }

    final TestClock clock = new TestClock(ZonedDateTime.of(2026, 11, 2, 12, 0, 0, 0, STOCKHOLM));
    final List<String> fired = new ArrayList<>();

    @Test
    void firesEachJobAtItsTimesAndPrintsTheNextFireTimeOfEach() throws Exception {
        ScheduleLoop loop = new ScheduleLoop(List.of(job("run-all", "30 2 * * *"), job("monthly-report", "0 6 3 * *")),
                clock, (job, at) -> fired.add(job.job() + " " + MINUTE.format(at)));

        assertThat(loop.nextFireTimes().values()).extracting(MINUTE::format).containsExactly("11-03 02:30", "11-03 06:00");
        runUntil(loop, 5);

        assertThat(fired).containsExactly("run-all 11-03 02:30", "monthly-report 11-03 06:00", "run-all 11-04 02:30",
                "run-all 11-05 02:30", "run-all 11-06 02:30");
    }

    @Test
    void aFailingJobIsLoggedAndTheScheduleGoesOn() throws Exception {
        ScheduleLoop loop = new ScheduleLoop(List.of(job("ingest", "0 7-17 * * 1-5")), clock, (job, at) -> {
            fired.add(MINUTE.format(at));
            if (fired.size() == 1) throw new IllegalStateException("the database went away");
        });

        runUntil(loop, 3);

        assertThat(fired).containsExactly("11-02 13:00", "11-02 14:00", "11-02 15:00");
    }

    @Test
    void aFiringMissedWhileAnotherJobRanHappensOnceRightAfterIt() throws Exception {
        ScheduleLoop loop = new ScheduleLoop(List.of(job("run-all", "30 2 * * *"), job("ingest", "0 * * * *")), clock,
                (job, at) -> {
                    fired.add(job.job() + " " + MINUTE.format(at) + " ran at " + MINUTE.format(ZonedDateTime.now(clock)));
                    if (job.job().equals("run-all")) clock.advance(Duration.ofHours(3)); // a long night
                });

        runUntil(loop, 18);

        // the hourly ingest due at 03:00, 04:00 and 05:00 runs once, at 05:30, then keeps its hours
        assertThat(fired).contains("run-all 11-03 02:30 ran at 11-03 02:30", "ingest 11-03 03:00 ran at 11-03 05:30",
                "ingest 11-03 06:00 ran at 11-03 06:00");
        assertThat(fired).noneMatch(f -> f.startsWith("ingest 11-03 04:00") || f.startsWith("ingest 11-03 05:00"));
    }

    @Test
    void stopEndsTheLoopAndNothingMoreFires() throws Exception {
        ScheduleLoop loop = new ScheduleLoop(List.of(job("ingest", "0 * * * *")), clock, (job, at) -> fired.add("fired"));
        loop.stop();

        loop.run(d -> {
            clock.advance(d);
            return true;
        });

        assertThat(fired).isEmpty();
        assertThat(loop.isStopped()).isTrue();
    }

    /** Runs the loop, moving the test clock over each wait, until n firings happened. */
    private void runUntil(ScheduleLoop loop, int n) throws InterruptedException {
        loop.run(d -> {
            if (fired.size() >= n) loop.stop();
            clock.advance(d);
            return !loop.isStopped();
        });
    }
}
