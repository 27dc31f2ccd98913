package se.uppfoljning.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule mode's clock: fires each job at the times its cron expression names, one job at a
 * time, in one thread. A job that fails is logged and the loop goes on. A firing missed while another
 * job was running happens as soon as that job ends, once (missed repeats are not piled up), in the
 * order of the times they were due.
 */
public final class ScheduleLoop {
    private static final Logger log = LoggerFactory.getLogger(ScheduleLoop.class);

    /** What a firing does. */
    @FunctionalInterface
    public interface Action {
        void fire(JobSchedule job, ZonedDateTime at) throws Exception;
    }

    /** Waits for the given time or until the loop is stopped; true when the time has passed. */
    @FunctionalInterface
    public interface Waiter {
        boolean await(Duration duration) throws InterruptedException;
    }

    private final List<JobSchedule> jobs;
    private final Clock clock;
    private final Action action;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<JobSchedule, ZonedDateTime> next = new LinkedHashMap<>();

    public ScheduleLoop(List<JobSchedule> jobs, Clock clock, Action action) {
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        this.action = action;
        ZonedDateTime now = now();
        for (JobSchedule j : this.jobs) next.put(j, j.cron().next(now));
    }

    /** Each job's next fire time, in the order of the job files. */
    public synchronized Map<JobSchedule, ZonedDateTime> nextFireTimes() {
        return new LinkedHashMap<>(next);
    }

    /** Runs until {@link #stop()}, waiting in real time. */
    public void run() throws InterruptedException {
        run(d -> !stopped.await(Math.max(1, d.toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Runs until {@link #stop()}, waiting with the given waiter (tests advance a clock instead). */
    public void run(Waiter waiter) throws InterruptedException {
        while (!isStopped()) {
            Map.Entry<JobSchedule, ZonedDateTime> due = earliest();
            Duration wait = Duration.between(now(), due.getValue());
            if (!wait.isNegative() && !wait.isZero()) {
                if (!waiter.await(wait) || isStopped()) return;
                continue; // woken: look again, the clock decides
            }
            fire(due.getKey(), due.getValue());
        }
    }

    private void fire(JobSchedule job, ZonedDateTime at) {
        try {
            log.info("{}: firing (due {})", job.job(), at);
            action.fire(job, at);
        } catch (Throwable t) {
            log.error("{}: the firing due {} failed; the schedule goes on", job.job(), at, t);
            System.err.println(job.job() + ": failed (" + t.getClass().getSimpleName() + ": " + t.getMessage()
                    + "); the schedule goes on. See data/logs/uppfoljning.log.");
        }
        ZonedDateTime after = now().isAfter(at) ? now() : at;
        synchronized (this) {
            next.put(job, job.cron().next(after));
        }
    }

    private synchronized Map.Entry<JobSchedule, ZonedDateTime> earliest() {
        List<Map.Entry<JobSchedule, ZonedDateTime>> entries = new ArrayList<>(next.entrySet());
        Map.Entry<JobSchedule, ZonedDateTime> best = entries.get(0);
        for (var e : entries) {
            if (e.getValue().isBefore(best.getValue())) best = e;
        }
        return best;
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    /** Stops the loop: no further firing starts; a firing in progress runs to its end. */
    public void stop() {
        stopped.countDown();
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }
}
