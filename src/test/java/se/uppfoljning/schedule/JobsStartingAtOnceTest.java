package se.uppfoljning.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import se.uppfoljning.DatabaseTest;

/**
 * run-all starts two jobs at a time after the ingest, so two Spring Batch jobs are often created in
 * the same moment. With Spring Batch's default (SERIALIZABLE creation) PostgreSQL failed one of them
 * now and then ("could not serialize access"); application.properties creates them READ COMMITTED.
 */
class JobsStartingAtOnceTest extends DatabaseTest {
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    PlatformTransactionManager transactions;

    Job job(String name) {
        return new JobBuilder(name, jobRepository)
                .start(new StepBuilder(name + ".step", jobRepository)
                        .tasklet((contribution, chunk) -> RepeatStatus.FINISHED, transactions).build())
                .build();
    }

    @Test
    void twoDifferentJobsStartedAtTheSameMomentBothRun() throws Exception {
        Job first = job("start-at-once-a");
        Job second = job("start-at-once-b");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<JobExecution>> started = new ArrayList<>();
                for (Job j : List.of(first, second)) {
                    long r = round;
                    started.add(two.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return jobOperator.start(j, new JobParametersBuilder().addLong("round", r)
                                .addLong("at", System.nanoTime()).toJobParameters());
                    }));
                }
                for (Future<JobExecution> f : started) {
                    assertThat(f.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
                }
            }
        } finally {
            two.shutdownNow();
        }
    }
}
