package se.uppfoljning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** Every command answers --help without starting the database; the helper for install-cron is hidden. */
class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "run-all", "status", "restart", "schedule", "demo", "cron-lines"})
    void everyCommandHasHelp(String command) {
        assertThat(Main.execute(command, "--help")).isZero();
        String usage = new CommandLine(new Main()).getSubcommands().get(command).getUsageMessage();
        assertThat(usage).contains("Usage: uppfoljning " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run-all", "status", "restart", "schedule"})
    void theMainHelpListsTheOperatorsCommands(String command) {
        assertThat(new CommandLine(new Main()).getUsageMessage()).contains("  " + command + " ");
    }

    @org.junit.jupiter.api.Test
    void cronLinesIsForScriptsOnly() {
        assertThat(new CommandLine(new Main()).getUsageMessage()).doesNotContain("cron-lines");
    }

    @org.junit.jupiter.api.Test
    void aWrongRunAllIsAConfigurationErrorBeforeTheDatabaseStarts() {
        assertThat(Main.execute("run-all", "--period", "2026-10")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Main.execute("run-all", "--inbox", "/tmp/x")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Main.execute("schedule", "--only", "weekly-report")).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
