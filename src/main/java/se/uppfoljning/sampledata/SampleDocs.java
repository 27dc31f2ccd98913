package se.uppfoljning.sampledata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes {@code README.md} and {@code EXPECTED_REJECTS.md} beside the sample inboxes. */
final class SampleDocs {

    static final String REGENERATE = """
            mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
            java -cp "target/classes:$(cat target/classpath.txt)" se.uppfoljning.sampledata.SampleDataGenerator --out sample-data""";

    private SampleDocs() {
    }

    static void write(Path out, long seed, SampleDataGenerator.Summary summary) throws IOException {
        Files.writeString(out.resolve("README.md"), readme(seed, summary), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("EXPECTED_REJECTS.md"), expectedRejects(summary), StandardCharsets.UTF_8);
    }

    private static String readme(long seed, SampleDataGenerator.Summary summary) {
        StringBuilder b = new StringBuilder();
        b.append("""
                # Sample data (synthetic)

                Synthetic extracts for the two sample projects, `stockholmskraften` and `vasteras`
                (`jobs/projects/`), as the agencies would deliver them into an inbox (SPEC §4). No row
                describes a real person: every personnummer is one of Skatteverket's published test
                numbers (open data, CC0, `src/main/resources/sampledata/skatteverket-testpersonnummer.txt`),
                and the few samordningsnummer are derived from test numbers (day + 60, new check digit;
                there is no official list of test samordningsnummer).
                Everything else is drawn from a seeded random generator.

                Delivery date of every file: 2026-10-31 (run the sample with `--as-of 2026-11-01`).
                No date lies after it except in the deliberate bad rows listed in `EXPECTED_REJECTS.md`.

                ## Regenerate

                """);
        b.append("```\n").append(REGENERATE).append("\n```\n\n");
        b.append(String.format(Locale.ROOT, """
                Options: `--out <dir>`, `--seed <long>` (these files: seed %d, the default), `--scale <N>`
                (a single stockholmskraften inbox with N episodes, for benchmarks). The same seed gives
                byte-identical files.

                ## Layout

                `<project>/<source>/<scope>_<delivery date>.csv|xlsx`; a project's folder is its inbox
                (`--inbox sample-data/<project>`).

                """, seed));
        b.append("| file | rows | notes |\n|---|---:|---|\n");
        for (SampleDataGenerator.ProjectSummary p : summary.projects()) {
            for (SampleDataGenerator.FileSummary f : p.files()) {
                b.append("| `").append(f.path()).append("` | ").append(f.rows()).append(" | ")
                        .append(note(f.path())).append(" |\n");
            }
        }
        b.append('\n');
        for (SampleDataGenerator.ProjectSummary p : summary.projects()) {
            b.append(String.format(Locale.ROOT, "- %s: %d persons, %d episodes, %d of them ended.%n", p.project(),
                    p.persons(), p.episodes(), p.endedEpisodes()));
        }
        b.append("""

                Conventions exercised on purpose: `;`-separated CSV quoted only where needed, personnummer
                as `YYYYMMDD-NNNC`, `YYYYMMDDNNNC`, `YYMMDD-NNNC` and with blanks around; a few dates as
                `YYYYMMDD` (stockholmskraften af_status); amounts and hours with a decimal comma;
                `|`-separated lists; mostly our own codes (SPEC §4) and in some rows the agencies' codes
                that the profiles in `jobs/sources/` map (e.g. sokandekategori `11`, avaktualiseringsorsak
                `Fått arbete`, insats `AF-PRA`); a few persons in the agencies' files who are in no
                episode (SPEC R7); anonymous participations (samtycke N, skyddad J); void episodes
                (FELREG); re-entries; a few participants under the age limit (eligibility findings,
                not rejects).
                """);
        return b.toString();
    }

    private static String note(String path) {
        if (path.endsWith(".xlsx")) {
            return "XLSX: date cells, numeric hours, personnummer as text";
        }
        if (path.contains("/bistand/")) {
            return "Windows-1252";
        }
        if (path.contains("/af_status/")) {
            return "UTF-8, CRLF line ends";
        }
        if (path.startsWith("stockholmskraften/kontakter/")) {
            return "UTF-8 with BOM";
        }
        return "UTF-8";
    }

    private static String expectedRejects(SampleDataGenerator.Summary summary) {
        StringBuilder b = new StringBuilder("""
                # Expected rejects

                The deliberate bad rows of the sample (all in `stockholmskraften`), one for each reason code
                of SPEC R3 and two for `UNKNOWN_TEAM_OR_AREA`. Each has exactly one defect. Lines are
                physical lines with the header as line 1 (SPEC R4). Ingest of the sample must reject exactly
                these rows, for these reasons, and load every other row; no file comes near the 20 % limit.

                | file | line | field | value | reason | what |
                |---|---:|---|---|---|---|
                """);
        for (ExpectedReject r : summary.expectedRejects()) {
            String value = r.value().isEmpty() ? "(empty)" : "`" + r.value() + "`";
            b.append(String.format(Locale.ROOT, "| `%s` | %d | %s | %s | `%s` | %s |%n", r.file(), r.line(),
                    r.field(), value, r.reason(), r.what()));
        }
        return b.toString();
    }
}
