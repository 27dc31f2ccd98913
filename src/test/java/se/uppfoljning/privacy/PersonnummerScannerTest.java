package se.uppfoljning.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.uppfoljning.TestPersons;

/** The privacy check can fail: a planted number is found in each form and in each kind of place. */
class PersonnummerScannerTest {
    static final PersonnummerScanner SCANNER = new PersonnummerScanner(TestPersons.all());
    static final String PNR = adult(3);                 // 12 digits
    static final String SHORT = PNR.substring(2);       // 10 digits

    /** Not under the run's output folder: the planted numbers must not reach the real check. */
    Path dir;

    @BeforeEach
    void makeDir() throws IOException {
        dir = Files.createTempDirectory("privacy-scan-test-");
    }

    @AfterEach
    void removeDir() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void findsATestNumberInEveryForm() {
        List<String> forms = List.of(
                PNR,                                                   // YYYYMMDDNNNC
                PNR.substring(0, 8) + "-" + PNR.substring(8),          // YYYYMMDD-NNNC
                PNR.substring(0, 8) + "+" + PNR.substring(8),          // YYYYMMDD+NNNC
                SHORT.substring(0, 6) + "-" + SHORT.substring(6),      // YYMMDD-NNNC
                SHORT.substring(0, 6) + "+" + SHORT.substring(6),      // YYMMDD+NNNC
                SHORT,                                                 // YYMMDDNNNC
                PNR.substring(0, 8) + " - " + PNR.substring(8));       // typed with blanks
        for (String form : forms) {
            assertThat(SCANNER.scan("INFO row of " + form + ", rejected")).as(form).singleElement()
                    .satisfies(f -> assertThat(f.masked()).endsWith("****").doesNotContain(PNR.substring(8)));
        }
    }

    @Test
    void ignoresMaskedNumbersOtherDigitsAndNumbersInsideLongerRuns() {
        assertThat(SCANNER.scan(PNR.substring(0, 8) + "-****")).isEmpty();                // masked in a reject file
        assertThat(SCANNER.scan("1" + PNR + "9")).isEmpty();                             // part of a longer number
        assertThat(SCANNER.scan("2025-01-10;1200;45658;20261031")).isEmpty();            // dates and amounts
        assertThat(SCANNER.scan("sha256 00112233445566778899aabbccddeeff")).isEmpty();
        assertThat(SCANNER.scan(PNR.substring(0, 8) + "-" + bump(PNR.substring(8)))).isEmpty(); // not a test number
    }

    @Test
    void aPlantedNumberInALogLineAnOutputFileAnXlsxAndAMessageIsFound() throws Exception {
        Path log = dir.resolve("uppfoljning.log");
        Files.writeString(log, "old line with " + PNR + "\nINFO fine\nWARN row " + SHORT + " rejected\n");
        long afterOldLine = ("old line with " + PNR + "\n").length();
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("rejects/bistand"));
        Files.writeString(out.resolve("rejects/bistand/b.csv.rejects.csv"), "line;value\n2;" + TestPersons.hyphenated(PNR) + "\n");
        try (OutputStream o = Files.newOutputStream(out.resolve("report.xlsx")); ZipOutputStream zip = new ZipOutputStream(o)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(("<sst><si><t>" + PNR + "</t></si></sst>").getBytes(StandardCharsets.UTF_8));
        }
        // by design: the registration files and the test inputs
        Files.writeString(out.resolve("sus-registrering-2026-10.csv"), PNR + "\n");
        Files.writeString(out.resolve("esf-deltagare-2026-10.csv"), PNR + "\n");
        Files.createDirectories(out.resolve("inbox/bistand"));
        Files.writeString(out.resolve("inbox/" + PrivacyScan.INPUT_MARKER), "");
        Files.writeString(out.resolve("inbox/bistand/b.csv"), PNR + "\n");

        PrivacyScan scan = new PrivacyScan(SCANNER).log(log, afterOldLine).outputs(out)
                .message("test x", "IllegalStateException: bad row " + PNR);

        assertThat(scan.leaks()).extracting(PrivacyScan.Leak::where).containsExactlyInAnyOrder(
                log + ":2", out.resolve("rejects/bistand/b.csv.rejects.csv").toString(),
                out.resolve("report.xlsx") + "!xl/sharedStrings.xml", "test x");
        assertThat(scan.logLines()).isEqualTo(2);
        assertThat(scan.files()).isEqualTo(2);
        assertThat(scan.summary()).contains("4 personnummer found").doesNotContain(PNR).doesNotContain(SHORT);
    }

    @Test
    void aLogIsReadFromTheRunsStartAcrossTheDailyRollOverStackTracesIncluded() throws Exception {
        Path log = dir.resolve("uppfoljning.2026-11-23.log");
        Files.writeString(log, "2026-11-23 23:50:00.000 INFO earlier run " + PNR + "\n"
                + "2026-11-23 23:59:59.999 ERROR this run\n"
                + "java.lang.IllegalStateException: row " + SHORT + "\n"
                + "\tat x.y(Z.java:1)\n");
        PrivacyScan scan = new PrivacyScan(SCANNER).logSince(log, java.time.LocalDateTime.of(2026, 11, 23, 23, 55));

        assertThat(scan.leaks()).extracting(PrivacyScan.Leak::where).containsExactly(log + ":3");
        assertThat(scan.logLines()).isEqualTo(3);
    }

    /** The serial with its last digit changed: a number that is not in Skatteverket's list. */
    private static String bump(String serial) {
        String candidate;
        int d = serial.charAt(3) - '0';
        do {
            d = (d + 1) % 10;
            candidate = serial.substring(0, 3) + d;
        } while (TestPersons.all().contains(PNR.substring(0, 8) + candidate));
        return candidate;
    }
}
