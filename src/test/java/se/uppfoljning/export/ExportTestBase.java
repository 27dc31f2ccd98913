package se.uppfoljning.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.job.JobRequest;
import se.uppfoljning.job.ProjectJob;

/**
 * Base of the export tests: deltagare extracts written row by row, ingested through the real ingest
 * job, and the export jobs run as the command line runs them, with their console output captured.
 */
abstract class ExportTestBase extends DatabaseTest {
    static final String PROJECT = "stockholmskraften";
    static final String[] DELTAGARE = {"personnummer", "team", "omrade", "startdatum", "slutdatum",
            "avslutsanledning", "sysselsattning_efter", "kon", "remittent", "utbildningsniva", "funktionsnedsattning",
            "arbetslos_sedan", "ersattning_start", "ersattning_slut", "samtycke", "skyddad"};

    @Autowired
    IngestRunner runner;
    @Autowired
    List<ProjectJob> jobs;
    @TempDir
    Path tmp;
    InboxBuilder inbox;
    Path out;
    /** What the last export printed on standard output. */
    String console;

    @BeforeEach
    void emptyExportHistory() {
        jdbc.sql("TRUNCATE export_run CASCADE").update();
        inbox = new InboxBuilder(tmp.resolve("inbox"));
        out = tmp.resolve("out");
    }

    /** A complete episode in team 1 with consent; change what the case needs. */
    static Map<String, String> episode(String pnr, String start) {
        Map<String, String> e = new LinkedHashMap<>();
        for (String c : DELTAGARE) e.put(c, "");
        e.put("personnummer", pnr);
        e.put("team", "1");
        e.put("omrade", "Hässelby-Vällingby");
        e.put("startdatum", start);
        e.put("remittent", "SOC");
        e.put("utbildningsniva", "ISCED_3_4");
        e.put("funktionsnedsattning", "N");
        e.put("ersattning_start", "FORSORJNINGSSTOD");
        return e;
    }

    /** The episode ended on the date, according to plan, with the status and income support after it. */
    static Map<String, String> ended(Map<String, String> e, String end, String status, String support) {
        Map<String, String> copy = new LinkedHashMap<>(e);
        copy.put("slutdatum", end);
        copy.put("avslutsanledning", "ENLIGT_PLAN");
        copy.put("sysselsattning_efter", status);
        copy.put("ersattning_slut", support);
        return copy;
    }

    static Map<String, String> with(Map<String, String> e, String column, String value) {
        Map<String, String> copy = new LinkedHashMap<>(e);
        copy.put(column, value);
        return copy;
    }

    /** Writes deltagare/&lt;fileName&gt; (its delivery date in the name) with the episodes. */
    void deliver(String fileName, List<Map<String, String>> episodes) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(";", DELTAGARE));
        for (Map<String, String> e : episodes) lines.add(String.join(";", e.values()));
        inbox.csv("deltagare", fileName, lines.toArray(String[]::new));
    }

    void ingest(String asOf) throws Exception {
        IngestRunner.Result result = runner.run(IngestFixture.project(PROJECT), IngestFixture.projectFile(PROJECT),
                inbox.root(), tmp.resolve("ingest-out"), Path.of("jobs/sources").toAbsolutePath(), LocalDate.parse(asOf));
        assertThat(result.status()).as("ingest " + result.files()).isEqualTo(IngestRunner.Status.DONE);
        assertThat(result.files()).allSatisfy(f -> assertThat(f.rowsRejected()).as(f.fileName()).isZero());
    }

    /** Runs an export job as the command line does and returns its exit code. */
    int export(String job, String period, String asOf) throws Exception {
        ProjectJob projectJob = jobs.stream().filter(j -> j.name().equals(job)).findFirst().orElseThrow();
        JobRequest request = new JobRequest(IngestFixture.project(PROJECT), IngestFixture.projectFile(PROJECT), null,
                out, Path.of("jobs/sources").toAbsolutePath(), LocalDate.parse(asOf), period, false);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return projectJob.run(request);
        } finally {
            System.setOut(original);
            console = captured.toString(StandardCharsets.UTF_8);
            original.print(console);
        }
    }

    Path registration() {
        return out.resolve(PROJECT).resolve("registrering");
    }

    /** The file's lines split into cells (the files are written without quotes for these values). */
    static List<List<String>> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> List.of(l.split(";", -1))).toList();
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Every file under the folder with its bytes' SHA-256 and modification time, to show nothing was touched. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> s = new TreeMap<>();
        if (!Files.exists(dir)) return s;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                s.put(dir.relativize(p).toString(),
                        PrivateFiles.sha256(Files.readAllBytes(p)) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return s;
    }

    /** All text written under out/, to show a number appears nowhere it should not. */
    static Map<Path, String> allFiles(Path dir) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(p, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** The key of the (only) episode starting on the date. */
    String episodeKey(String start) {
        return jdbc.sql("SELECT DISTINCT episode_key FROM episode WHERE start_date = CAST(? AS date) AND NOT void")
                .param(start).query(String.class).single();
    }
}
