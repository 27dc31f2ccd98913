package se.uppfoljning.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import se.uppfoljning.TestPersons;
import se.uppfoljning.TestRun;

/**
 * DESIGN invariant 4, checked on the whole test run: no personnummer of the test data in any log
 * line, any output file (except the two registration files) or any exception message the tests
 * saw. Ordered after every other test class ({@link RunsLast}); tagged like the database tests so
 * the second CI pass (-Dgroups=database) checks its own run too.
 */
@RunsLast
@Tag("database")
class PrivacyScanTest {

    @Test
    void noTestPersonnummerInLogsOutputsOrExceptionMessagesOfThisRun() throws Exception {
        PrivacyScan scan = new PrivacyScan(new PersonnummerScanner(TestPersons.all()));
        // the program's log, also a part rolled over at midnight during the run
        try (Stream<Path> logs = Files.list(TestRun.LOG_DIR)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("uppfoljning.*\\.log")).sorted().toList()) {
                scan.logSince(log, TestRun.STARTED);
            }
        }
        scan.log(TestRun.CONSOLE_FILE, 0);
        // the embedded PostgreSQL servers' logs of this run (each test JVM has a data folder of its own)
        String dataDir = System.getProperty("uppfoljning.data-dir");
        if (dataDir != null) {
            try (Stream<Path> logs = Files.list(Path.of(dataDir))) {
                for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) scan.log(log, 0);
            }
        }
        scan.outputs(TestRun.OUTPUT);
        for (TestRun.Seen seen : TestRun.seen()) scan.message(seen.where(), seen.message());

        String summary = scan.summary();
        System.out.println(summary);
        Files.writeString(TestRun.OUTPUT_ROOT.resolve("privacy-scan.txt"), summary + "\n", StandardCharsets.UTF_8);
        assertThat(scan.leaks()).as(summary).isEmpty();
    }
}
