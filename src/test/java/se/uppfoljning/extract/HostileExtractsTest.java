package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.job.IngestRunner.Status;

/**
 * The hostile corpus: files agencies really send, and worse. Each case builds one inbox (mostly one
 * file), runs one ingest and states the exact outcome: the run returns (DONE or FILES_FAILED, never
 * FAILED), each file is LOADED with exactly these rejected rows (line, field, reason) or FAILED with
 * a message that names the file (and the line where one applies) and says what to do, and
 * rows_read = rows_loaded + rows_rejected. docs/extract-formats.md gives the decisions in words.
 */
class HostileExtractsTest extends DatabaseTest {
    static final String B = "bistand/bistand_2026-10-31.csv";
    static final String BH = "personnummer;manad;belopp;omrade;hushallstyp";
    static final String D = "deltagare/deltagare_2026-10-31.csv";
    static final String DH = "personnummer;team;omrade;startdatum;slutdatum;avslutsanledning;sysselsattning_efter;kon;samtycke;skyddad";
    static final String I = "insatser/insatser_af_2026-10-31.csv";
    static final String IH = "personnummer;insats;anordnare;startdatum;slutdatum;timmar_per_vecka";
    static final String X = "bistand/bistand_2026-10-31.xlsx";
    static final Object[] XH = {"personnummer", "manad", "belopp", "omrade", "hushallstyp"};
    /** What a failure message must say about what to do. */
    static final String WHAT_TO_DO = "(?is).*\\b(deliver|save|rename|fix|remove|add|close)\\b.*";

    static int filesWritten;
    static int casesRun;

    @Autowired
    IngestRunner runner;
    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ fixtures

    static String pnr(int n) {
        return hyphenated(adult(n));
    }

    /** A valid bistand row of person n: March 2025, 1,200 kr. */
    static String b(int n) {
        return pnr(n) + ";2025-03;1200;Rinkeby-Kista;Ensamstående";
    }

    /** Valid bistand rows of persons from..from+count-1. */
    static List<String> bs(int from, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) rows.add(b(from + i));
        return rows;
    }

    /** A valid episode of person n in team 1 starting on the given day. */
    static String d(int n, String start) {
        return pnr(n) + ";1;Hässelby-Vällingby;" + start + ";;;;;;";
    }

    static List<String> ds(int from, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) rows.add(d(from + i, "2025-01-" + String.format("%02d", 1 + i % 28)));
        return rows;
    }

    static String[] lines(String header, List<String> rows, String... more) {
        List<String> all = new ArrayList<>();
        if (header != null) all.add(header);
        all.addAll(rows);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    static String[] lines(String first, List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return lines(first, all);
    }

    static String[] xrow(int n) {
        return new String[] {pnr(n), "2025-03", "1200", "Rinkeby-Kista", "Ensamstående"};
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cp1252(String s) {
        return s.getBytes(Charset.forName("windows-1252"));
    }

    static String join(String sep, String... lines) {
        return String.join(sep, lines);
    }

    /** A header of n columns with ours among x1..xn, and a row to match for person p. */
    static String wide(int n, int p, boolean oursLast) {
        StringBuilder h = new StringBuilder();
        StringBuilder r = new StringBuilder();
        int filler = n - 3;
        if (!oursLast) {
            h.append("personnummer;manad;belopp");
            r.append(pnr(p)).append(";2025-03;1200");
        }
        for (int i = 1; i <= filler; i++) {
            if (!h.isEmpty()) {
                h.append(';');
                r.append(';');
            }
            h.append('x').append(i);
            r.append(i % 10);
        }
        if (oursLast) {
            h.append(";personnummer;manad;belopp");
            r.append(';').append(pnr(p)).append(";2025-03;1200");
        }
        return h + "\n" + r;
    }

    // ------------------------------------------------------------------ the corpus

    static Stream<Case> corpus() {
        List<Case> c = new ArrayList<>();

        // --- empty and header-only
        c.add(new Case("empty file (0 bytes)").bytes(B, new byte[0]).failed(B, 0, "is empty"));
        c.add(new Case("only blank lines").csv(B, "", "  ", "\t", "").failed(B, 0, "is empty"));
        c.add(new Case("only a UTF-8 byte-order mark").bytes(B, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                .failed(B, 0, "is empty"));
        c.add(new Case("header only: a delivery with no rows").csv(B, BH).loaded(B, 0));
        c.add(new Case("header only, CRLF, no final line break").bytes(B, utf8(BH + "\r\n")).loaded(B, 0));
        c.add(new Case("no header: the first line is data").csv(B, lines(null, bs(0, 3)))
                .failed(B, 2, "required column missing", "line 1", "looks like data"));
        c.add(new Case("two exports pasted together: the header again in the middle").csv(B, lines(BH, bs(0, 3),
                        BH.toUpperCase(java.util.Locale.ROOT), b(3), pnr(4) + ";2025-03;x;;"))
                .loaded(B, 5, rej(7, "belopp", "NOT_A_NUMBER")));
        c.add(new Case("XLSX: two sheets' rows pasted together, the header again").bytes(X, HostileFiles.xlsx(XH, xrow(0), xrow(1), XH, xrow(2)))
                .loaded(X, 3));
        c.add(new Case("the same content under two names in one delivery").csv(B, lines(BH, bs(0, 2)))
                .csv("bistand/bistand_kopia_2026-10-31.csv", lines(BH, bs(0, 2)))
                .loaded(B, 2));
        c.add(new Case("header after two blank lines").csv(B, lines("", List.of("", BH), bs(0, 4)))
                .loaded(B, 4));

        // --- delimiters
        c.add(new Case("comma-separated").csv(B, BH.replace(';', ','), b(0).replace(';', ','))
                .failed(B, 1, "separated by commas"));
        c.add(new Case("tab-separated").csv(B, BH.replace(';', '\t'), b(0).replace(';', '\t'))
                .failed(B, 1, "separated by tabs"));
        c.add(new Case("Excel's sep=; hint line before the header").csv(B, lines("sep=;", List.of(BH), bs(0, 3)))
                .loaded(B, 3));
        c.add(new Case("semicolon inside a quoted field").csv(B, lines(BH, bs(0, 4),
                        pnr(4) + ";2025-03;1200;Rinkeby-Kista;\"Sambo; två barn\""))
                .loaded(B, 5).sql("SELECT household_type FROM payment WHERE line = 6", "Sambo; två barn"));
        c.add(new Case("quoted header names and values").csv(B,
                        "\"personnummer\";\"manad\";\"belopp\";\"omrade\";\"hushallstyp\"",
                        "\"" + pnr(0) + "\";\"2025-03\";\"1200\";\"Rinkeby-Kista\";\"Ensamstående\"")
                .loaded(B, 1));
        c.add(new Case("header in other case and with the profile's aliases").csv(B, lines("PNR;Månad;UTBETALT;Stadsdel;Hushållstyp", bs(0, 3)))
                .loaded(B, 3));
        c.add(new Case("header names with blanks around them").csv(B, lines(" personnummer ; manad ;belopp ;omrade; hushallstyp", bs(0, 2)))
                .loaded(B, 2));
        c.add(new Case("an extra column we do not know (ignored)").csv(B, lines(BH + ";handlaggare", bs(0, 3).stream().map(r -> r + ";Kim").toList()))
                .loaded(B, 3));
        c.add(new Case("two unknown columns with the same name (ignored)").csv(B, lines(BH + ";kommentar;kommentar", bs(0, 2).stream().map(r -> r + ";a;b").toList()))
                .loaded(B, 2));
        c.add(new Case("required column twice").csv(B, BH + ";personnummer", b(0) + ";" + pnr(0))
                .failed(B, 1, "personnummer appears twice", "columns 1 and 6"));
        c.add(new Case("the same column by name and by alias").csv(B, "pnr;" + BH, pnr(0) + ";" + b(0))
                .failed(B, 1, "personnummer appears twice", "columns 1 and 2"));
        c.add(new Case("trailing empty columns in header and rows").csv(B, lines(BH + ";;;", bs(0, 3).stream().map(r -> r + ";;;").toList()))
                .loaded(B, 3));
        c.add(new Case("a deltagare file in the bistand folder").csv(B, lines(DH, ds(0, 2)))
                .failed(B, 2, "required column missing", "manad, belopp", "jobs/sources/bistand.yml"));

        // --- line ends and blank lines
        c.add(new Case("CRLF line ends").bytes(B, utf8(join("\r\n", lines(BH, bs(0, 5), pnr(5) + ";2025-03;abc;;")) + "\r\n"))
                .loaded(B, 6, rej(7, "belopp", "NOT_A_NUMBER")));
        c.add(new Case("lone CR line ends (old Mac)").bytes(B, utf8(join("\r", lines(BH, bs(0, 5), pnr(5) + ";2025-03;abc;;")) + "\r"))
                .loaded(B, 6, rej(7, "belopp", "NOT_A_NUMBER")));
        c.add(new Case("LF, CRLF and CR mixed").bytes(B, utf8(BH + "\r\n" + b(0) + "\n" + b(1) + "\r" + b(2) + "\r\n" + b(3) + "\n" + b(4) + "\r"
                        + pnr(5) + ";2025-13;1;;\n"))
                .loaded(B, 6, rej(7, "manad", "INVALID_DATE")));
        c.add(new Case("blank lines in the middle keep physical line numbers").csv(B, lines(BH, bs(0, 3), "", ";;;;", "   ", b(3), b(4), pnr(5) + ";2025-03;;;"))
                .loaded(B, 6, rej(10, "belopp", "MISSING_VALUE")));
        c.add(new Case("truncated: last line cut in the middle").bytes(B, utf8(join("\n", lines(BH, bs(0, 9))) + "\n" + pnr(9) + ";2025-0"))
                .loaded(B, 10, rej(11, "belopp", "MISSING_VALUE")));
        c.add(new Case("last line complete but without line break").bytes(B, utf8(join("\n", lines(BH, bs(0, 4)))))
                .loaded(B, 4));
        c.add(new Case("a DOS end-of-file mark (Ctrl-Z) at the end").bytes(B, utf8(join("\n", lines(BH, bs(0, 4))) + "\n\u001a"))
                .loaded(B, 4));

        // --- quotes
        c.add(new Case("quoted field with a line break").csv(B, lines(BH, bs(0, 4),
                        pnr(4) + ";2025-03;1200;Rinkeby-Kista;\"Ensamstående\nmed barn\"", pnr(5) + ";2025-03;x;;"))
                .loaded(B, 6, rej(8, "belopp", "NOT_A_NUMBER"))
                .sql("SELECT household_type FROM payment WHERE line = 6", "Ensamstående\nmed barn"));
        c.add(new Case("a quote inside an unquoted value").csv(B, lines(BH, bs(0, 2), pnr(2) + ";2025-03;1200;Rinkeby-Kista;Bor hos \"mamma\""))
                .loaded(B, 3).sql("SELECT household_type FROM payment WHERE line = 4", "Bor hos \"mamma\""));
        c.add(new Case("unbalanced quote never closed").csv(B, lines(BH, bs(0, 3), pnr(3) + ";2025-03;1200;\"Rinkeby-Kista;Ensamstående", b(4), b(5)))
                .failed(B, 3, "line 5", "quote"));
        c.add(new Case("unbalanced quote closed lines later swallows rows").csv(B, lines(BH, bs(0, 3),
                        pnr(3) + ";2025-03;1200;\"Rinkeby-Kista;Ensamstående", b(4), b(5), pnr(6) + ";2025-03;1200;Rinkeby-Kista;Hus 2\"", b(7)))
                .failed(B, 3, "line 5", "line 8", "quote"));
        c.add(new Case("backslashes, tabs and a line break in a quoted value are kept").csv(B, lines(BH, bs(0, 2),
                        pnr(2) + ";2025-03;1200;Rinkeby-Kista;\"C:\\temp\\N\tx\\\\y\""))
                .loaded(B, 3).sql("SELECT household_type FROM payment WHERE line = 4", "C:\\temp\\N\tx\\\\y"));

        // --- sizes
        c.add(new Case("a 1 MB field").csv(B, lines(BH, bs(0, 2), pnr(2) + ";2025-03;1200;Rinkeby-Kista;" + "x".repeat(1 << 20), b(3)))
                .failed(B, 2, "line 4", "hushallstyp", "1,048,576 characters"));
        c.add(new Case("an unclosed quote in a 6 MB file stops after 1,000 lines").lazy(B, () -> utf8(String.join("\n",
                        lines(BH, bs(0, 3), pnr(3) + ";2025-03;1200;\"Rinkeby-Kista;Ensamstående")) + "\n"
                        + (b(4) + "\n").repeat(6_000_000 / b(4).length())))
                .failed(B, 3, "line 5", "more than 1,000 lines", "quote"));
        c.add(new Case("an unclosed quote in a file of long lines stops at 4 million characters").lazy(B, () -> utf8(String.join("\n",
                        lines(BH, bs(0, 3), pnr(3) + ";2025-03;1200;\"Rinkeby-Kista;Ensamstående")) + "\n"
                        + (b(4) + ";" + "y".repeat(20_000) + "\n").repeat(300)))
                .failed(B, 3, "line 5", "longer than 4,000,000 characters", "quote"));
        c.add(new Case("a single 5 MB line").lazy(B, () -> utf8(String.join("\n", lines(BH, bs(0, 3))) + "\n"
                        + pnr(3) + ";2025-03;1200;Rinkeby-Kista;" + "x;".repeat(2_500_000) + "\n" + b(4) + "\n"))
                .failed(B, 3, "line 5", "longer than 4,000,000 characters"));
        c.add(new Case("10,000 columns, ours first").bytes(B, utf8(wide(10_000, 0, false) + "\n"))
                .loaded(B, 1));
        c.add(new Case("10,000 columns, ours last").bytes(B, utf8(wide(10_000, 0, true) + "\n"))
                .loaded(B, 1));

        // --- encodings
        c.add(new Case("Windows-1252 with å ä ö").bytes(B, cp1252(join("\n", lines(BH, bs(0, 3))) + "\n"))
                .loaded(B, 3).sql("SELECT DISTINCT household_type FROM payment", "Ensamstående"));
        c.add(new Case("mixed encodings: UTF-8 lines and a Windows-1252 line").bytes(B, concat(
                        utf8(join("\n", lines(BH, bs(0, 3))) + "\n"), cp1252(b(3) + "\n"), utf8(b(4) + "\n")))
                .loaded(B, 5).sql("SELECT DISTINCT household_type FROM payment", "Ensamstående"));
        c.add(new Case("a UTF-8 byte-order mark on Windows-1252 text").bytes(B, concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, cp1252(join("\n", lines(BH, bs(0, 3))) + "\n")))
                .loaded(B, 3).sql("SELECT DISTINCT household_type FROM payment", "Ensamstående"));
        c.add(new Case("UTF-16 LE with BOM").bytes(B, concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        (join("\n", lines(BH, bs(0, 3))) + "\n").getBytes(StandardCharsets.UTF_16LE)))
                .loaded(B, 3).sql("SELECT DISTINCT household_type FROM payment", "Ensamstående"));
        c.add(new Case("UTF-16 BE with BOM").bytes(B, concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                        (join("\n", lines(BH, bs(0, 3))) + "\n").getBytes(StandardCharsets.UTF_16BE)))
                .loaded(B, 3).sql("SELECT DISTINCT household_type FROM payment", "Ensamstående"));
        c.add(new Case("UTF-16 LE without BOM").bytes(B, (join("\n", lines(BH, bs(0, 3))) + "\n").getBytes(StandardCharsets.UTF_16LE))
                .failed(B, 0, "UTF-16"));
        c.add(new Case("Excel's 'Unicode text': UTF-16 and tabs").bytes(B, concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        (join("\r\n", lines(BH.replace(';', '\t'), List.of(b(0).replace(';', '\t')))) + "\r\n").getBytes(StandardCharsets.UTF_16LE)))
                .failed(B, 1, "separated by tabs"));
        c.add(new Case("a NUL byte inside a text value").csv(B, lines(BH, bs(0, 3), pnr(3) + ";2025-03;1200;Rinkeby-Kista;Ensam\u0000stående"))
                .failed(B, 0, "not a text file", "NUL"));
        c.add(new Case("binary garbage").bytes(B, garbage(4096, true)).failed(B, 0, "not a text file"));
        c.add(new Case("binary garbage without NUL bytes").bytes(B, garbage(4096, false)).failed(B, 0, "not a text file"));
        c.add(new Case("an XLSX file named .csv").bytes(B, HostileFiles.xlsx(XH, xrow(0)))
                .failed(B, 0, "is an Excel file", "rename"));

        // --- values
        c.add(new Case("Excel's =\"0123\" text values").csv(B, lines(BH, bs(0, 2),
                        "=\"" + pnr(2) + "\";=\"2025-03\";=\"1200\";=\"Rinkeby-Kista\";=\"0123\""))
                .loaded(B, 3).sql("SELECT household_type || ':' || amount FROM payment WHERE line = 4", "0123:1200.00"));
        c.add(new Case("dates as Excel serial numbers in CSV").csv(D, lines(DH, ds(0, 3),
                        pnr(3) + ";1;Hässelby-Vällingby;45658;45748;ENLIGT_PLAN;;;;", pnr(4) + ";1;Hässelby-Vällingby;12345;;;;;;"))
                .loaded(D, 5, rej(6, "startdatum", "INVALID_DATE"))
                .sql("SELECT start_date || '/' || end_date FROM episode WHERE line = 5", "2025-01-01/2025-04-01"));
        c.add(new Case("dates as DD/MM/YYYY").csv(D, lines(DH, ds(0, 5), d(5, "10/01/2025")))
                .loaded(D, 6, rej(7, "startdatum", "INVALID_DATE")));
        c.add(new Case("every date as DD/MM/YYYY: over the threshold").csv(D, lines(DH, List.of(d(0, "01/02/2025"), d(1, "02/02/2025"), d(2, "03/02/2025")), d(3, "2025-02-04")))
                .failed(D, 4, "3 of 4 rows", "reject file"));
        c.add(new Case("dates with a time of day, as Swedish Excel writes them").csv(D, lines(DH, ds(0, 2), d(2, "2025-01-10 00:00"), d(3, "2025-01-11T00:00:00")))
                .loaded(D, 4).sql("SELECT start_date::text FROM episode WHERE line >= 4 ORDER BY line", "2025-01-10", "2025-01-11"));
        c.add(new Case("date 0000-01-01 and 1899-12-31").csv(D, lines(DH, ds(0, 8), d(8, "0000-01-01"), d(9, "1899-12-31")))
                .loaded(D, 10, rej(10, "startdatum", "INVALID_DATE"), rej(11, "startdatum", "INVALID_DATE")));
        c.add(new Case("negative amounts are corrections, negative hours are not").csv(I, IH,
                        pnr(0) + ";PRAKTIK;AF;2025-03-01;;20", pnr(1) + ";PRAKTIK;AF;2025-03-01;;-5", pnr(2) + ";PRAKTIK;AF;2025-03-01;;12,5",
                        pnr(3) + ";PRAKTIK;AF;2025-03-01;;0", pnr(4) + ";PRAKTIK;AF;2025-03-01;;40")
                .loaded(I, 5, rej(3, "timmar_per_vecka", "OUT_OF_RANGE")));
        c.add(new Case("non-numeric amounts").csv(B, lines(BH, bs(0, 16),
                        pnr(16) + ";2025-03;abc;;", pnr(17) + ";2025-03;(200);;", pnr(18) + ";2025-03;1e5;;", pnr(19) + ";2025-03;-2+3;;"))
                .loaded(B, 20, rej(18, "belopp", "NOT_A_NUMBER"), rej(19, "belopp", "NOT_A_NUMBER"),
                        rej(20, "belopp", "NOT_A_NUMBER"), rej(21, "belopp", "NOT_A_NUMBER"))
                .rejectFile(B, ";'-2+3;"));
        c.add(new Case("decimal comma, thousands blanks, signs and kr").csv(B, BH,
                        pnr(0) + ";2025-03;5 432,50;;", pnr(1) + ";2025-03;5\u00a0432,50;;", pnr(2) + ";2025-03;1 234 567;;",
                        pnr(3) + ";2025-03;1.234,50;;", pnr(4) + ";2025-03;1,234.50;;", pnr(5) + ";2025-03;-200;;",
                        pnr(6) + ";2025-03;\u2212200;;", pnr(7) + ";2025-03;1 200 kr;;", pnr(8) + ";2025-03;1200,00 SEK;;",
                        pnr(9) + ";2025-03;+300;;")
                .loaded(B, 10).sql("SELECT amount::text FROM payment ORDER BY line",
                        "5432.50", "5432.50", "1234567.00", "1234.50", "1234.50", "-200.00", "-200.00", "1200.00", "1200.00", "300.00"));
        c.add(new Case("amounts no register can hold").csv(B, lines(BH, bs(0, 8), pnr(8) + ";2025-03;99999999999999;;", pnr(9) + ";2025-03;1.234.5;;"))
                .loaded(B, 10, rej(10, "belopp", "OUT_OF_RANGE"), rej(11, "belopp", "NOT_A_NUMBER")));
        c.add(new Case("personnummer with blanks, in every accepted form").csv(B, BH,
                        adult(0).substring(0, 8) + " " + adult(0).substring(8) + ";2025-03;1;;",
                        " " + adult(1).substring(2, 8) + " - " + adult(1).substring(8) + " ;2025-03;1;;",
                        adult(2) + ";2025-03;1;;",
                        adult(3).substring(2) + ";2025-03;1;;",
                        adult(4).substring(0, 8) + "\u00a0-\u00a0" + adult(4).substring(8) + ";2025-03;1;;")
                .loaded(B, 5).sql("SELECT count(DISTINCT person_key)::text FROM payment", "5"));
        c.add(new Case("personnummer turned into a number by Excel").csv(B, lines(BH, bs(0, 9), "1,91212E+11;2025-03;1200;;"))
                .loaded(B, 10, rej(11, "personnummer", "INVALID_PNR")));
        c.add(new Case("leading and trailing blanks in every field").csv(D, lines(DH, ds(0, 2),
                        "  " + pnr(2) + "  ; 1 ;  Hässelby-Vällingby ; 2025-01-10 ; 2025-02-10 ; ENLIGT_PLAN ; ARBETE ; K ; J ; N "))
                .loaded(D, 3).sql("SELECT area || ':' || end_reason || ':' || status_after FROM episode WHERE line = 4",
                        "Hässelby-Vällingby:ENLIGT_PLAN:ARBETE"));
        c.add(new Case("no-break spaces around values").csv(D, lines(DH, ds(0, 2),
                        "\u00a0" + pnr(2) + "\u00a0;\u00a01;Hässelby-Vällingby\u00a0;\u00a02025-01-10\u00a0;2025-02-10\u00a0;\u00a0ENLIGT_PLAN\u00a0;;;;"))
                .loaded(D, 3).sql("SELECT end_reason FROM episode WHERE line = 4", "ENLIGT_PLAN"));
        c.add(new Case("formula-injection text in text fields is kept as text").csv(B, BH,
                        pnr(0) + ";2025-03;1200;Rinkeby-Kista;\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"klicka\"\")\"",
                        pnr(1) + ";2025-03;1200;Rinkeby-Kista;+cmd|' /C calc'!A0",
                        pnr(2) + ";2025-03;1200;Rinkeby-Kista;@SUM(1+1)",
                        pnr(3) + ";2025-03;1200;Rinkeby-Kista;-2+3")
                .loaded(B, 4).sql("SELECT household_type FROM payment ORDER BY line",
                        "=HYPERLINK(\"http://example.invalid\",\"klicka\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"));
        c.add(new Case("formula-injection text in a code field is neutralised in the reject file").csv(D, lines(DH, ds(0, 9),
                        pnr(9) + ";1;Hässelby-Vällingby;2025-01-10;2025-02-01;\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\";;;;"))
                .loaded(D, 10, rej(11, "avslutsanledning", "UNKNOWN_CODE"))
                .rejectFile(D, ";\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\";UNKNOWN_CODE;"));
        c.add(new Case("a personnummer written in a free-text field is masked").csv(B, lines(BH, bs(0, 2),
                        pnr(2) + ";2025-03;1200;Rinkeby-Kista;ring " + pnr(3) + " eller " + adult(4).substring(2)))
                .loaded(B, 3).sql("SELECT household_type FROM payment WHERE line = 4",
                        "ring " + adult(3).substring(0, 8) + "-**** eller " + adult(4).substring(2, 8) + "-****"));
        c.add(new Case("a row with fewer cells than the header").csv(B, lines(BH, bs(0, 8), pnr(8) + ";2025-03;1200", pnr(9) + ";2025-03"))
                .loaded(B, 10, rej(11, "belopp", "MISSING_VALUE")));
        c.add(new Case("a row with more cells than the header").csv(B, lines(BH, bs(0, 8),
                        pnr(8) + ";2025-03;1200;Rinkeby-Kista;Sambo; två barn", b(9) + ";;"))
                .loaded(B, 10, rej(10, "(kolumn 6)", "OUT_OF_RANGE")));
        c.add(new Case("the same episode twice").csv(D, lines(DH, ds(0, 5), d(0, "2025-01-01")))
                .loaded(D, 6, rej(7, "startdatum", "OVERLAPPING_EPISODE")));

        // --- file names and the inbox
        c.add(new Case("an invalid delivery date in the name").csv("bistand/bistand_2026-02-30.csv", lines(BH, bs(0, 2)))
                .failed("bistand/bistand_2026-02-30.csv", 0, "2026-02-30", "rename"));
        c.add(new Case("delivery date written YYYYMMDD in the name").csv("bistand/bistand_20261031.csv", lines(BH, bs(0, 2)))
                .loaded("bistand/bistand_20261031.csv", 2)
                .sql("SELECT scope || ' ' || delivery_date FROM extract_file", "bistand/bistand 2026-10-31"));
        c.add(new Case("upper-case .CSV").csv("bistand/BISTAND_2026-10-31.CSV", lines(BH, bs(0, 2)))
                .loaded("bistand/BISTAND_2026-10-31.CSV", 2));
        c.add(new Case("the source folder in other case").csv("Bistand/bistand_2026-10-31.csv", lines(BH, bs(0, 2)))
                .loaded("Bistand/bistand_2026-10-31.csv", 2));
        c.add(new Case("Excel and LibreOffice lock files are not deliveries").csv(B, lines(BH, bs(0, 2)))
                .bytes("bistand/~$bistand_2026-10-31.xlsx", garbage(165, true))
                .bytes("bistand/.~lock.bistand_2026-10-31.csv#", utf8("Kim,kim,host,26.10.2026 10:00,file:///C:/x;"))
                .loaded(B, 2));
        c.add(new Case("an old .xls file").bytes("bistand/bistand_2026-10-31.xls", HostileFiles.xls(XH, xrow(0)))
                .failed("bistand/bistand_2026-10-31.xls", 0, ".xls", "save"));
        c.add(new Case("a zipped CSV").bytes("bistand/bistand_2026-10-31.zip", HostileFiles.xlsx(XH, xrow(0)))
                .failed("bistand/bistand_2026-10-31.zip", 0, "zip", "unpack"));
        c.add(new Case("eight digits at the end of a name that are no date").csv("bistand/bistand_team_12345678.csv", lines(BH, bs(0, 2)))
                .loaded("bistand/bistand_team_12345678.csv", 2)
                .sql("SELECT scope || ' ' || delivery_date FROM extract_file", "bistand/bistand_team_12345678 2026-11-01"));
        c.add(new Case("a .txt file").csv("bistand/bistand_2026-10-31.txt", lines(BH, bs(0, 2)))
                .failed("bistand/bistand_2026-10-31.txt", 0, ".txt", "rename"));

        // --- XLSX
        c.add(new Case("XLSX with typed cells: dates, numbers, a personnummer as a number").bytes(X, HostileFiles.xlsx(XH,
                        new Object[] {pnr(0), LocalDate.of(2025, 3, 1), 1200, "Rinkeby-Kista", "Ensamstående"},
                        new Object[] {Long.parseLong(adult(1)), "2025-03", 1234.5, null, null},
                        new Object[] {pnr(2), 45748, "1 200,50", null, null}))
                .loaded(X, 3).sql("SELECT month || ' ' || amount FROM payment ORDER BY line",
                        "2025-03-01 1200.00", "2025-03-01 1234.50", "2025-04-01 1200.50"));
        c.add(new Case("XLSX with blank rows and a reject keeps sheet row numbers").bytes(X, HostileFiles.xlsx(XH, xrow(0), null, null, xrow(1),
                        xrow(2), xrow(3), new Object[] {pnr(4), "2025-03", "x"}))
                .loaded(X, 5, rej(8, "belopp", "NOT_A_NUMBER")));
        c.add(new Case("XLSX upper-case .XLSX").bytes("bistand/BISTAND_2026-10-31.XLSX", HostileFiles.xlsx(XH, xrow(0)))
                .loaded("bistand/BISTAND_2026-10-31.XLSX", 1));
        c.add(new Case("XLSX with nothing in it").bytes(X, HostileFiles.xlsx()).failed(X, 0, "is empty"));
        c.add(new Case("XLSX with a title row above the header").bytes(X, HostileFiles.xlsx(new Object[] {"Utbetalningar oktober 2026"}, XH, xrow(0)))
                .failed(X, 2, "required column missing", "first row"));
        c.add(new Case("XLSX row with a cell beyond the header: an unnamed column").bytes(X, HostileFiles.xlsx(XH, xrow(0), xrow(1), xrow(2), xrow(3),
                        new Object[] {pnr(4), "2025-03", "1200", "Rinkeby-Kista", "Sambo", "två barn"}))
                .loaded(X, 5));
        c.add(new Case("XLSX with a NUL character in a cell (_x0000_)").bytes(X, HostileFiles.replaceInXml(HostileFiles.xlsx(XH, xrow(0),
                        new Object[] {pnr(1), "2025-03", "1200", "Rinkeby-Kista", "Ensam#NUL#stående"}), "#NUL#", "_x0000_"))
                .loaded(X, 2).sql("SELECT household_type FROM payment WHERE line = 3", "Ensamstående"));
        c.add(new Case("XLSX with 10,000 columns").lazy(X, () -> HostileFiles.xlsx(wideRow(10_000, "x"), wideData(10_000, 0)))
                .loaded(X, 1));
        c.add(new Case("an XLSX that is really a CSV").csv(X, lines(BH, bs(0, 2)))
                .failed(X, 0, "not an Excel file", "CSV"));
        c.add(new Case("a password-protected XLSX").bytes(X, HostileFiles.passwordProtected(HostileFiles.xlsx(XH, xrow(0)), "hemligt"))
                .failed(X, 0, "password"));
        c.add(new Case("an old .xls workbook named .xlsx").bytes(X, HostileFiles.xls(XH, xrow(0)))
                .failed(X, 0, "old Excel format"));
        c.add(new Case("a damaged XLSX (cut in half)").bytes(X, half(HostileFiles.xlsx(XH, xrow(0), xrow(1))))
                .failed(X, 0, "damaged"));
        c.add(new Case("an XLSX zip bomb: 2 GiB of one cell in a 2 MB file").file(X, p -> HostileFiles.zipBomb(p, 2048))
                .failed(X, 0, "zip bomb"));

        return c.stream();
    }

    static Object[] wideRow(int n, String prefix) {
        Object[] row = new Object[n];
        row[0] = "personnummer";
        row[1] = "manad";
        row[2] = "belopp";
        for (int i = 3; i < n; i++) row[i] = prefix + i;
        return row;
    }

    static Object[] wideData(int n, int p) {
        Object[] row = new Object[n];
        row[0] = pnr(p);
        row[1] = "2025-03";
        row[2] = 1200;
        for (int i = 3; i < n; i++) row[i] = i % 10;
        return row;
    }

    static byte[] garbage(int size, boolean withNul) {
        Random random = new Random(size * 31L + (withNul ? 1 : 0));
        byte[] b = new byte[size];
        random.nextBytes(b);
        if (!withNul) {
            for (int i = 0; i < b.length; i++) if (b[i] == 0) b[i] = 1;
        } else {
            b[7] = 0;
        }
        return b;
    }

    static byte[] half(byte[] b) {
        return Arrays.copyOf(b, b.length / 2);
    }

    // ------------------------------------------------------------------ the test

    // A guard against a hostile file making the run hang (an endless line, a zip bomb), not a speed
    // check: it is generous because the build machine is shared (one case took 31 s at load 25).
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    void theRunReturnsAndEveryFileHasItsExactOutcome(Case c) throws Exception {
        InboxBuilder inbox = new InboxBuilder(tmp.resolve("inbox"));
        for (Consumer<Path> w : c.writes) w.accept(inbox.root());
        filesWritten += c.writes.size();
        casesRun++;
        IngestFixture fixture = new IngestFixture(runner, tmp.resolve("out"));

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        boolean anyFailed = c.expects.stream().anyMatch(e -> e.status.equals("FAILED"));
        assertThat(result.status()).as("run status (%s; %s)", result.message(), result.files())
                .isEqualTo(anyFailed ? Status.FILES_FAILED : Status.DONE);
        List<String> names = jdbc.sql("SELECT file_name FROM extract_file ORDER BY file_name").query(String.class).list();
        assertThat(names).as("files registered").containsExactlyInAnyOrderElementsOf(
                c.expects.stream().map(e -> e.fileName()).toList());
        for (Expect e : c.expects) {
            var f = jdbc.sql("""
                            SELECT file_id, status, rows_read, rows_loaded, rows_rejected, message_sv, message_en
                              FROM extract_file WHERE file_name = ?""").param(e.fileName())
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3), rs.getObject(4),
                            rs.getObject(5), rs.getString(6), rs.getString(7)}).single();
            String en = (String) f[6];
            String sv = (String) f[5];
            assertThat(f[1]).as("status of %s (%s)", e.fileName(), en).isEqualTo(e.status);
            assertThat((Integer) f[2]).as("rows_read = rows_loaded + rows_rejected")
                    .isEqualTo((Integer) f[3] + (Integer) f[4]);
            assertThat(f[2]).as("rows_read of %s", e.fileName()).isEqualTo(e.rowsRead);
            if (e.status.equals("FAILED")) {
                assertThat(f[3]).as("a failed file loads nothing").isEqualTo(0);
                assertThat(sv).contains(e.fileName());
                assertThat(en).contains(e.fileName()).matches(WHAT_TO_DO);
                for (String part : e.says) assertThat(en).containsIgnoringCase(part);
                assertThat(count("SELECT count(*) FROM episode WHERE file_id = ?", f[0])
                        + count("SELECT count(*) FROM payment WHERE file_id = ?", f[0])).isZero();
            } else {
                List<String> rejects = jdbc.sql("SELECT line || ' ' || field || ' ' || reason FROM reject WHERE file_id = ? ORDER BY line")
                        .param(f[0]).query(String.class).list();
                assertThat(rejects).as("rejects of %s", e.fileName())
                        .containsExactlyElementsOf(e.rejects.stream().map(Rej::toString).toList());
                assertThat(f[4]).isEqualTo(e.rejects.size());
                Path rejectFile = fixture.out().resolve("rejects").resolve(e.source()).resolve(e.fileName() + ".rejects.csv");
                assertThat(Files.exists(rejectFile)).as("reject file of %s", e.fileName()).isEqualTo(!e.rejects.isEmpty());
                for (String part : e.rejectFileHas) assertThat(Files.readString(rejectFile)).contains(part);
            }
        }
        for (String[] q : c.sql) {
            List<String> rows = jdbc.sql(q[0]).query(String.class).list();
            assertThat(rows).as(q[0]).containsExactly(Arrays.copyOfRange(q, 1, q.length));
        }
    }

    @org.junit.jupiter.api.Test
    void aDeliveryWithoutRowsReplacesTheEarlierOneAndTheRunSummarySaysSo() throws Exception {
        InboxBuilder inbox = new InboxBuilder(tmp.resolve("inbox"));
        IngestFixture fixture = new IngestFixture(runner, tmp.resolve("out"));
        inbox.csv("bistand", "bistand_2026-09-30.csv", lines(BH, bs(0, 3)));
        assertThat(fixture.ingest("stockholmskraften", inbox.root()).status()).isEqualTo(Status.DONE);
        inbox.csv("bistand", "bistand_2026-10-31.csv", BH);

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(count("SELECT count(*) FROM payment")).isZero();
        var empty = result.files().stream().filter(f -> f.fileName().equals("bistand_2026-10-31.csv")).findFirst().orElseThrow();
        assertThat(empty.status()).isEqualTo("LOADED");
        assertThat(empty.messageEn()).contains("has no rows, so it replaces bistand_2026-09-30.csv");
        var out = new java.io.ByteArrayOutputStream();
        se.uppfoljning.job.IngestSummary.print(new java.io.PrintStream(out, true, StandardCharsets.UTF_8), "stockholmskraften",
                result, fixture.out());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("! bistand_2026-10-31.csv har inga rader och ersätter därför"
                + " bistand_2026-09-30.csv");
    }

    @AfterAll
    static void tell() {
        System.out.printf("Hostile corpus: %d cases, %d files%n", casesRun, filesWritten);
    }

    // ------------------------------------------------------------------ the case language

    record Rej(int line, String field, String reason) {
        @Override
        public String toString() {
            return line + " " + field + " " + reason;
        }
    }

    static Rej rej(int line, String field, String reason) {
        return new Rej(line, field, reason);
    }

    static final class Expect {
        final String path;
        final String status;
        final int rowsRead;
        final List<Rej> rejects;
        final List<String> says;
        final List<String> rejectFileHas = new ArrayList<>();

        Expect(String path, String status, int rowsRead, List<Rej> rejects, List<String> says) {
            this.path = path;
            this.status = status;
            this.rowsRead = rowsRead;
            this.rejects = rejects;
            this.says = says;
        }

        String fileName() {
            return path.substring(path.indexOf('/') + 1);
        }

        String source() {
            return path.substring(0, path.indexOf('/')).toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final class Case {
        final String name;
        final List<Consumer<Path>> writes = new ArrayList<>();
        final List<Expect> expects = new ArrayList<>();
        final List<String[]> sql = new ArrayList<>();

        Case(String name) {
            this.name = name;
        }

        Case csv(String path, String... lines) {
            return bytes(path, utf8(String.join("\n", lines) + "\n"));
        }

        Case bytes(String path, byte[] content) {
            return file(path, p -> {
                try {
                    Files.write(p, content);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        /** Content made only when the case runs (big files). */
        Case lazy(String path, java.util.function.Supplier<byte[]> content) {
            return file(path, p -> {
                try {
                    Files.write(p, content.get());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        Case file(String path, Consumer<Path> writer) {
            writes.add(root -> {
                Path p = root.resolve(path);
                try {
                    Files.createDirectories(p.getParent());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                writer.accept(p);
            });
            return this;
        }

        Case loaded(String path, int rowsRead, Rej... rejects) {
            expects.add(new Expect(path, "LOADED", rowsRead, List.of(rejects), List.of()));
            return this;
        }

        Case failed(String path, int rowsRead, String... says) {
            expects.add(new Expect(path, "FAILED", rowsRead, List.of(), List.of(says)));
            return this;
        }

        Case sql(String query, String... rows) {
            String[] q = new String[rows.length + 1];
            q[0] = query;
            System.arraycopy(rows, 0, q, 1, rows.length);
            sql.add(q);
            return this;
        }

        Case rejectFile(String path, String... has) {
            expects.stream().filter(e -> e.path.equals(path)).findFirst().orElseThrow().rejectFileHas.addAll(List.of(has));
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
