package se.uppfoljning.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.uppfoljning.config.ConfigException;

/** The job files shipped in jobs/ and what the loader says about wrong ones. */
class JobSchedulesTest {
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Monday 2 November 2026, noon. */
    static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 2, 12, 0, 0, 0, STOCKHOLM);

    static final JobSchedules shipped = JobSchedules.load(Path.of("jobs"));

    @Test
    void everyJobOfSpecSection10ThatRunsOnAScheduleHasAFileThatParses() {
        assertThat(shipped.all()).extracting(JobSchedule::job).containsExactly("ingest", "monthly-report",
                "tertial-report", "halfyear-report", "annual-report", "esf-report", "sus-export", "esf-export",
                "finsam-export", "run-all");
    }

    @ParameterizedTest(name = "{0} fires at {1} and then {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ingest          | 2026-11-02 13:00 | 2026-11-02 14:00
            monthly-report  | 2026-11-03 06:00 | 2026-12-03 06:00
            tertial-report  | 2027-01-05 06:00 | 2027-05-05 06:00
            halfyear-report | 2027-01-05 06:00 | 2027-07-05 06:00
            annual-report   | 2027-01-15 06:00 | 2028-01-15 06:00
            esf-report      | 2026-11-03 06:00 | 2026-12-03 06:00
            sus-export      | 2026-11-03 06:00 | 2026-12-03 06:00
            esf-export      | 2026-11-03 06:00 | 2026-12-03 06:00
            finsam-export   | 2027-01-05 06:00 | 2027-07-05 06:00
            run-all         | 2026-11-03 02:30 | 2026-11-04 02:30
            """)
    void nextFireTimesAfterMondayNoonAreWhatTheFileSays(String job, String first, String second) {
        Cron cron = shipped.of(job).orElseThrow().cron();
        ZonedDateTime one = cron.next(NOON);

        assertThat(MINUTE.format(one)).isEqualTo(first);
        assertThat(MINUTE.format(cron.next(one))).isEqualTo(second);
    }

    @Test
    void theIngestRunsEveryWorkingHourAndNotAtWeekends() {
        Cron ingest = shipped.of("ingest").orElseThrow().cron();
        ZonedDateTime fridayEvening = ZonedDateTime.of(2026, 11, 6, 17, 0, 0, 0, STOCKHOLM);

        assertThat(MINUTE.format(ingest.next(fridayEvening))).isEqualTo("2026-11-09 07:00");
    }

    @ParameterizedTest(name = "{0}: {1} for {2}")
    @CsvSource(delimiter = '|', textBlock = """
            monthly-report  | previous-month     | stockholmskraften vasteras
            tertial-report  | previous-tertial   | stockholmskraften vasteras
            halfyear-report | previous-half-year | stockholmskraften vasteras
            annual-report   | previous-year      | stockholmskraften vasteras
            esf-report      | lifetime           | stockholmskraften
            sus-export      | previous-month     | stockholmskraften vasteras
            esf-export      | previous-month     | stockholmskraften
            finsam-export   | previous-half-year | stockholmskraften vasteras
            """)
    void eachReportCoversItsPeriodForTheProjectsItAppliesTo(String job, String rule, String projects) {
        JobSchedule s = shipped.of(job).orElseThrow();

        assertThat(s.period().id()).isEqualTo(rule);
        assertThat(s.projects()).containsExactly(projects.split(" "));
        assertThat(s.inbox()).isNull();
        assertThat(s.out()).isEqualTo("out");
    }

    @Test
    void ingestAndRunAllReadEachProjectsOwnInbox() {
        Path home = Path.of("/srv/uppfoljning");
        for (String job : List.of("ingest", "run-all")) {
            JobSchedule s = shipped.of(job).orElseThrow();
            assertThat(s.period()).isNull();
            assertThat(s.inboxOf("vasteras", home)).isEqualTo(Path.of("/srv/uppfoljning/inbox/vasteras"));
        }
        assertThat(shipped.runAll().jobs()).containsExactly("monthly-report", "tertial-report", "halfyear-report",
                "annual-report", "esf-report", "sus-export", "esf-export", "finsam-export");
    }

    @ParameterizedTest(name = "run-all of {0} runs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-03 | monthly-report esf-report sus-export esf-export
            2026-11-04 | -
            2027-01-05 | tertial-report halfyear-report finsam-export
            2027-01-15 | annual-report
            2027-05-05 | tertial-report
            2027-07-05 | halfyear-report finsam-export
            """)
    void runAllRunsTheJobsWhoseCronFiresOnTheAsOfDate(LocalDate asOf, String due) {
        List<String> jobs = new ArrayList<>();
        for (String job : shipped.runAll().jobs()) {
            if (shipped.of(job).orElseThrow().dueOn(asOf, STOCKHOLM)) jobs.add(job);
        }
        assertThat(jobs).containsExactly(due.equals("-") ? new String[0] : due.split(" "));
    }

    // ---------------------------------------------------------------- wrong files

    @TempDir
    Path tmp;
    Path jobs;

    @BeforeEach
    void jobsFolderWithTheShippedProjects() throws IOException {
        jobs = Files.createDirectories(tmp.resolve("jobs"));
        Files.createDirectories(jobs.resolve("projects"));
        for (String p : List.of("stockholmskraften", "vasteras")) {
            Files.copy(Path.of("jobs/projects", p + ".yml"), jobs.resolve("projects").resolve(p + ".yml"));
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            monthly-report.yml | 'cron' '6 3 * *' has 4 fields                      | cron: "6 3 * *"~projects: [vasteras]~period: previous-month
            monthly-report.yml | 'cron' is missing                                   | projects: [vasteras]~period: previous-month
            monthly-report.yml | 'projects' names project 'malmo', which cannot be used: Unknown project 'malmo' | cron: "0 6 3 * *"~projects: [malmo]~period: previous-month
            monthly-report.yml | 'projects' is missing or empty                      | cron: "0 6 3 * *"~period: previous-month
            monthly-report.yml | 'period' 'last-month' is not a period rule (known: previous-month, previous-tertial, previous-half-year, previous-year, lifetime) | cron: "0 6 3 * *"~projects: [vasteras]~period: last-month
            monthly-report.yml | 'period' is missing                                 | cron: "0 6 3 * *"~projects: [vasteras]
            esf-export.yml     | 'projects' names project 'vasteras', which is not funded by ESF | cron: "0 6 3 * *"~projects: [vasteras]~period: previous-month
            ingest.yml         | 'inbox' is missing                                  | cron: "0 7 * * *"~projects: [vasteras]
            ingest.yml         | 'inbox' must contain {project}                      | cron: "0 7 * * *"~projects: [vasteras, stockholmskraften]~inbox: inbox
            ingest.yml         | 'period' does not apply to ingest                   | cron: "0 7 * * *"~projects: [vasteras]~inbox: inbox/{project}~period: previous-month
            annual-report.yml  | 'inbox' does not apply to annual-report             | cron: "0 6 15 1 *"~projects: [vasteras]~period: previous-year~inbox: inbox/{project}
            annual-report.yml  | 'schedule' is not a key of a job file               | schedule: "0 6 15 1 *"~projects: [vasteras]~period: previous-year
            run-all.yml        | 'jobs' lists 'ingest', which is not a report or export job | cron: "30 2 * * *"~projects: [vasteras]~inbox: inbox/{project}~jobs: [ingest]
            monthly-reports.yml| no job is called 'monthly-reports'                  | cron: "0 6 3 * *"~projects: [vasteras]~period: previous-month
            """)
    void aWrongJobFileIsAConfigurationErrorNamingTheFileAndKey(String file, String message, String content)
            throws IOException {
        Files.writeString(jobs.resolve(file), content.replace("~", "\n") + "\n");

        assertThatThrownBy(() -> JobSchedules.load(jobs)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(jobs.resolve(file).toString())
                .hasMessageContaining(message);
    }

    @Test
    void runAllCannotRunAJobThatHasNoFileSayingWhenItIsDue() throws IOException {
        Files.writeString(jobs.resolve("run-all.yml"), """
                cron: "30 2 * * *"
                projects: [vasteras]
                inbox: inbox/{project}
                jobs: [monthly-report]
                """);

        assertThatThrownBy(() -> JobSchedules.load(jobs)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("run-all.yml: 'jobs' lists 'monthly-report', which has no file");
    }

    @Test
    void aMissingInboxFolderIsNamedWithTheCommandThatCreatesIt() throws IOException {
        Files.writeString(jobs.resolve("ingest.yml"), """
                cron: "0 7 * * *"
                projects: [vasteras, stockholmskraften]
                inbox: inbox/{project}
                """);
        Files.createDirectories(tmp.resolve("inbox/vasteras"));
        JobSchedules schedules = JobSchedules.load(jobs);

        assertThat(schedules.missingInboxes(tmp)).containsExactly(tmp.resolve("inbox/stockholmskraften"));
        assertThatThrownBy(() -> schedules.requireInboxes(tmp)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(jobs.resolve("ingest.yml") + ": 'inbox' inbox/{project} → "
                        + tmp.resolve("inbox/stockholmskraften"))
                .hasMessageContaining("mkdir -p " + tmp.resolve("inbox/stockholmskraften"));
    }
}
