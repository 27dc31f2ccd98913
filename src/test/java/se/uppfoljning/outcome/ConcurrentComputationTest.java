package se.uppfoljning.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static se.uppfoljning.outcome.Scenario.person;

import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * run-all runs its reports and exports two at a time, and each asks for the outcome facts of the same
 * project and as-of date: one computes them, the other waits for it and reuses its run.
 */
class ConcurrentComputationTest extends ScenarioTest {
    static final LocalDate FOURTH_OF_NOVEMBER = LocalDate.of(2026, 11, 4);

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aJobAskingForTheFactsWhileAnotherComputesThemWaitsAndReusesThatRun() throws Exception {
        s.episode(person(0), "2025-01-10", "2025-06-30");
        s.episode(person(1), "2025-02-01", null);
        s.computeAsOf("2026-11-03");
        CountDownLatch computed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try {
            // the first job computes the facts as of the 4th and has not committed them yet
            Future<Long> first = jobs.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                long run = compute(FOURTH_OF_NOVEMBER);
                computed.countDown();
                awaitQuietly(commit);
                return run;
            }));
            assertThat(computed.await(60, TimeUnit.SECONDS)).isTrue();

            Future<Long> second = jobs.submit(() -> compute(FOURTH_OF_NOVEMBER));

            awaitWaitingLock();
            assertThat(second.isDone()).as("the second job waits for the first").isFalse();
            commit.countDown();
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(first.get(60, TimeUnit.SECONDS));
            assertThat(count("SELECT count(*) FROM outcome_run WHERE as_of = ?", FOURTH_OF_NOVEMBER)).isOne();
        } finally {
            commit.countDown();
            jobs.shutdownNow();
        }
    }

    /** Until a session of this database waits for an advisory lock (the second job, on the first's). */
    private void awaitWaitingLock() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (count("""
                    SELECT count(*) FROM pg_locks
                     WHERE locktype = 'advisory' AND NOT granted
                       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the second job never waited for the first");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
