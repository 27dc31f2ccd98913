package se.uppfoljning.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crontab lines: one per job and project, as the Java generator and scripts/install-cron write them. */
class CronLinesTest {
    static final JobSchedules shipped = JobSchedules.load(Path.of("jobs"));
    final Path home = Path.of("/srv/uppfoljning");

    @Test
    void oneLinePerJobAndProjectThatTakesEverythingElseFromTheJobFile() {
        List<String> lines = CronLines.lines(shipped, home, List.of(), null);

        int expected = shipped.all().stream().mapToInt(s -> s.projects().size()).sum();
        assertThat(lines).hasSize(expected).hasSize(18);
        assertThat(lines).contains(
                "0 6 3 * * cd /srv/uppfoljning && scripts/run monthly-report --project vasteras"
                        + " >> /srv/uppfoljning/data/logs/monthly-report.log 2>&1",
                "30 2 * * * cd /srv/uppfoljning && scripts/run run-all --project stockholmskraften"
                        + " >> /srv/uppfoljning/data/logs/run-all.log 2>&1");
        assertThat(lines).filteredOn(l -> l.contains("scripts/run esf-")).allMatch(l -> l.contains("stockholmskraften"));
    }

    @Test
    void onlyTheJobsAskedForAndAPathForCronWhenJavaIsElsewhere() {
        List<String> lines = CronLines.lines(shipped, Path.of("/home/op/my projects/uppföljning"), List.of("run-all"),
                "/opt/java/bin:/usr/bin:/bin");

        assertThat(lines).containsExactly(
                "30 2 * * * cd '/home/op/my projects/uppföljning' && PATH=/opt/java/bin:/usr/bin:/bin scripts/run run-all"
                        + " --project stockholmskraften >> '/home/op/my projects/uppföljning/data/logs/run-all.log' 2>&1",
                "30 2 * * * cd '/home/op/my projects/uppföljning' && PATH=/opt/java/bin:/usr/bin:/bin scripts/run run-all"
                        + " --project vasteras >> '/home/op/my projects/uppföljning/data/logs/run-all.log' 2>&1");
    }

    // ---------------------------------------------------------------- scripts/install-cron as a process

    @TempDir
    Path tmp;

    /** An installation of its own: the script, the job files and the inbox folders --install requires. */
    @org.junit.jupiter.api.BeforeEach
    void installation() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("scripts"));
        Files.copy(Path.of("scripts/install-cron"), home.resolve("scripts/install-cron"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        org.springframework.util.FileSystemUtils.copyRecursively(Path.of("jobs"), home.resolve("jobs"));
        for (String p : List.of("stockholmskraften", "vasteras")) Files.createDirectories(home.resolve("inbox").resolve(p));
    }

    @Test
    void installCronPrintsTheLinesBetweenTheMarkersAndChangesNothingByDefault() throws Exception {
        Result dry = installCron();

        Path repo = tmp.resolve("home");
        assertThat(dry.exit()).isZero();
        assertThat(dry.stdout()).startsWith("# BEGIN uppfoljning (" + repo + ")\n").endsWith("# END uppfoljning\n");
        assertThat(dry.stdout().lines().filter(l -> l.contains(" && scripts/run "))).hasSize(18);
        assertThat(dry.stdout()).contains("0 6 3 * * cd " + repo + " && scripts/run monthly-report --project vasteras >> "
                + repo + "/data/logs/monthly-report.log 2>&1");
        assertThat(dry.stderr()).contains("dry run: nothing installed");
        assertThat(tmp.resolve("crontab.txt")).doesNotExist();
    }

    @Test
    void installReplacesItsOwnEarlierBlockOnlyAndKeepsTheRestOfTheCrontab() throws Exception {
        Path repo = tmp.resolve("home");
        Files.writeString(tmp.resolve("crontab.txt"), String.join("\n",
                "MAILTO=ops@example.org",
                "15 1 * * * /usr/local/bin/backup",
                "# BEGIN uppfoljning (" + repo + ")",
                "0 0 * * * an old line of ours",
                "# END uppfoljning",
                "# BEGIN uppfoljning (/srv/another-installation)",
                "0 0 * * * another installation's line",
                "# END uppfoljning",
                "45 23 * * 0 /usr/local/bin/rotate", ""));

        Result installed = installCron("--install", "--only", "run-all,monthly-report");

        assertThat(installed.exit()).as(installed.stderr()).isZero();
        List<String> crontab = Files.readAllLines(tmp.resolve("crontab.txt")).stream()
                .map(l -> l.replaceAll("PATH=\\S+ ", "")).toList();
        assertThat(crontab).startsWith("MAILTO=ops@example.org", "15 1 * * * /usr/local/bin/backup",
                "# BEGIN uppfoljning (/srv/another-installation)", "0 0 * * * another installation's line",
                "# END uppfoljning", "45 23 * * 0 /usr/local/bin/rotate", "# BEGIN uppfoljning (" + repo + ")");
        assertThat(crontab).doesNotContain("0 0 * * * an old line of ours").endsWith("# END uppfoljning");
        assertThat(crontab.stream().filter(l -> l.contains(" && scripts/run "))).hasSize(4);

        // installing again leaves one block, not two
        installCron("--install", "--only", "run-all,monthly-report");
        assertThat(Files.readAllLines(tmp.resolve("crontab.txt")).stream().map(l -> l.replaceAll("PATH=\\S+ ", "")))
                .isEqualTo(crontab);
    }

    record Result(int exit, String stdout, String stderr) {
    }

    /** Runs scripts/install-cron with the program from the test class path and a stand-in crontab on a file. */
    private Result installCron(String... args) throws Exception {
        Path program = script("program", "exec '" + javaBin() + "' -cp '" + System.getProperty("java.class.path")
                + "' -Duppfoljning.home='" + tmp.resolve("home") + "' se.uppfoljning.cli.Main \"$@\"");
        Path crontab = script("crontab", "f='" + tmp.resolve("crontab.txt") + "'\n"
                + "if [ \"$1\" = -l ]; then [ -f \"$f\" ] && cat \"$f\" || { echo 'no crontab' >&2; exit 1; }\n"
                + "elif [ \"$1\" = - ]; then cat > \"$f\"; fi");
        List<String> command = new java.util.ArrayList<>(List.of(tmp.resolve("home/scripts/install-cron").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve("out").toFile())
                .redirectError(tmp.resolve("err").toFile());
        pb.environment().put("UPPFOLJNING_RUN", program.toString());
        pb.environment().put("CRONTAB", crontab.toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // where java is outside cron's PATH the lines name its folder: not what these tests are about
        String out = Files.readString(tmp.resolve("out")).replaceAll("PATH=\\S+ ", "");
        return new Result(p.exitValue(), out, Files.readString(tmp.resolve("err")));
    }

    private Path script(String name, String body) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, "#!/usr/bin/env bash\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
