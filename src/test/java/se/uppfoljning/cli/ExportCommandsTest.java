package se.uppfoljning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The export subcommands on the command line; none of these gets as far as starting the database. */
class ExportCommandsTest {

    @Test
    void theExportJobsAreSubcommandsWithRecreate() {
        String help = run("--help");
        assertThat(help).contains("sus-export", "esf-export", "finsam-export");
        for (String job : new String[] {"sus-export", "esf-export", "finsam-export"}) {
            String usage = run(job, "--help");
            assertThat(usage).contains("--recreate=<export-id>", "--project=<id>", "--as-of=<YYYY-MM-DD>",
                    "docs/exports.md", "4 nothing changed since the last export");
        }
    }

    @Test
    void anUnknownProjectIsBadInputBeforeTheDatabaseStarts() {
        assertThat(Main.execute("sus-export", "--project", "no-such-project")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Main.execute("esf-export", "--project", "no-such-project", "--recreate", "1"))
                .isEqualTo(ExitCodes.BAD_INPUT);
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
