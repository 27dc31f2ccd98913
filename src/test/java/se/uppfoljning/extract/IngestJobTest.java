package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.TestDatabase;
import se.uppfoljning.DatabaseTest;
import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.LockedTable;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.job.IngestRunner.Status;

/** The ingest job end to end on small crafted inboxes, against the real PostgreSQL. */
class IngestJobTest extends DatabaseTest {
    static final String DELTAGARE_HEADER = "personnummer;team;omrade;startdatum;slutdatum;avslutsanledning;sysselsattning_efter;kon;samtycke;skyddad";

    @Autowired
    IngestRunner runner;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path tmp;
    InboxBuilder inbox;
    IngestFixture fixture;

    @BeforeEach
    void setUp() {
        inbox = new InboxBuilder(tmp.resolve("inbox"));
        fixture = new IngestFixture(runner, tmp.resolve("out"));
    }

    /** n valid episodes of persons adult(offset..offset+n-1), team 1, starting in 2025. */
    static List<String> validEpisodes(int offset, int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(hyphenated(adult(offset + i)) + ";1;Hässelby-Vällingby;2025-01-" + String.format("%02d", 1 + i % 28)
                    + ";;;;;;");
        }
        return rows;
    }

    static String[] lines(String header, List<String> rows) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all.toArray(String[]::new);
    }

    @Test
    void validEpisodesEnterTheRegisterWithTheNumberOnlyEncryptedAndOnlyWithConsent() throws Exception {
        inbox.csv("deltagare", "deltagare_2026-10-31.csv",
                DELTAGARE_HEADER,
                hyphenated(adult(0)) + ";1;Hässelby-Vällingby;2025-01-10;2025-06-30;ENLIGT_PLAN;ARBETE;;;",
                adult(1) + ";2;skärholmen;2025-02-01;;;;K;J;N",
                hyphenated(adult(2)).substring(2) + ";3;Rinkeby-Kista;2025-03-01;;;;X;N;",
                "  " + hyphenated(adult(3)) + " ;6;Östermalm;2025-03-01;;;;;J;J");

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(result.files()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("LOADED");
            assertThat(f.rowsRead()).isEqualTo(4);
            assertThat(f.rowsLoaded()).isEqualTo(4);
            assertThat(f.rowsRejected()).isZero();
        });
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(4);
        // the area is stored as the project file spells it
        assertThat(count("SELECT count(*) FROM episode WHERE area = 'Skärholmen'")).isEqualTo(1);
        // consent N and protected identity J are anonymous participations: no number stored
        assertThat(count("SELECT count(*) FROM episode WHERE anonymous")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM episode WHERE anonymous AND pnr_encrypted IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM episode WHERE NOT anonymous AND pnr_encrypted IS NOT NULL")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM episode WHERE reported_gender = 'X'")).isEqualTo(1);
        // no column anywhere holds the number in clear
        String clear = adult(1);
        assertThat(count("SELECT count(*) FROM episode e WHERE e::text LIKE ?", "%" + clear + "%")).isZero();
        assertThat(count("SELECT count(*) FROM person p WHERE p::text LIKE ?", "%" + clear + "%")).isZero();
    }

    @Test
    void everyRowReasonOfSpecSection4EndsInTheRejectFileWithLineFieldAndMaskedValue() throws Exception {
        List<String> rows = new ArrayList<>(validEpisodes(10, 40));
        String badPnr = adult(100).substring(0, 11) + ((adult(100).charAt(11) - '0' + 1) % 10);
        rows.add(hyphenated(badPnr) + ";1;Hässelby-Vällingby;2025-01-10;;;;;;");          // line 42
        rows.add(hyphenated(adult(101)) + ";1;Hässelby-Vällingby;2025-02-30;;;;;;");      // line 43
        rows.add(hyphenated(adult(102)) + ";1;Hässelby-Vällingby;;;;;;;");                // line 44
        rows.add(hyphenated(adult(103)) + ";1;Hässelby-Vällingby;2025-01-10;2025-05-01;SLUTAT;;;;"); // 45
        rows.add(hyphenated(adult(104)) + ";1;Hässelby-Vällingby;2026-11-15;;;;;;");      // line 46
        rows.add(hyphenated(adult(105)) + ";1;Hässelby-Vällingby;2025-05-01;2025-04-01;AVBROTT;;;;"); // 47
        rows.add(hyphenated(adult(106)) + ";7;Hässelby-Vällingby;2025-01-10;;;;;;");      // line 48
        rows.add(hyphenated(adult(107)) + ";1;Skärholmen;2025-01-10;;;;;;");              // line 49
        rows.add(hyphenated(adult(10)) + ";1;Hässelby-Vällingby;2025-03-01;;;;;;");       // line 50 overlaps line 2
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", lines(DELTAGARE_HEADER, rows));
        inbox.csv("bedomning", "bedomning_2026-10-31.csv",
                "personnummer;datum;steg;typ",
                hyphenated(adult(10)) + ";2025-02-01;3;START",
                hyphenated(adult(11)) + ";2025-02-01;9;START",
                hyphenated(adult(12)) + ";2025-02-01;3;START",
                hyphenated(adult(13)) + ";2025-02-01;3;START",
                hyphenated(adult(14)) + ";2025-02-01;3;START");
        inbox.csv("bistand", "bistand_2026-10-31.csv",
                "personnummer;manad;belopp",
                hyphenated(adult(10)) + ";2025-01;5 432,50",
                hyphenated(adult(11)) + ";2025-02;abc",
                hyphenated(adult(12)) + ";2022-01;100",
                hyphenated(adult(13)) + ";2025-03;-200",
                hyphenated(adult(14)) + ";2025-03;1200",
                hyphenated(adult(15)) + ";2025-03;1200",
                hyphenated(adult(16)) + ";2025-03;1200",
                hyphenated(adult(17)) + ";2025-03;1200",
                hyphenated(adult(18)) + ";2025-03;1200",
                hyphenated(adult(19)) + ";2025-03;1200");

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.DONE);
        Map<Integer, String[]> deltagare = rejects("deltagare", "deltagare_2026-10-31.csv");
        assertThat(deltagare.keySet()).containsExactlyInAnyOrder(42, 43, 44, 45, 46, 47, 48, 49, 50);
        assertThat(deltagare.get(42)).startsWith("42", "personnummer", badPnr.substring(0, 8) + "-****", "INVALID_PNR");
        assertThat(deltagare.get(43)).startsWith("43", "startdatum", "2025-02-30", "INVALID_DATE");
        assertThat(deltagare.get(44)).startsWith("44", "startdatum", "", "MISSING_VALUE");
        assertThat(deltagare.get(45)).startsWith("45", "avslutsanledning", "SLUTAT", "UNKNOWN_CODE");
        assertThat(deltagare.get(46)).startsWith("46", "startdatum", "2026-11-15", "DATE_AFTER_DELIVERY");
        assertThat(deltagare.get(47)).startsWith("47", "slutdatum", "2025-04-01", "END_BEFORE_START");
        assertThat(deltagare.get(48)).startsWith("48", "team", "7", "UNKNOWN_TEAM_OR_AREA");
        assertThat(deltagare.get(49)).startsWith("49", "omrade", "Skärholmen", "UNKNOWN_TEAM_OR_AREA");
        assertThat(deltagare.get(50)).startsWith("50", "startdatum", "2025-03-01", "OVERLAPPING_EPISODE");
        assertThat(rejects("bedomning", "bedomning_2026-10-31.csv").get(3)).startsWith("3", "steg", "9", "OUT_OF_RANGE");
        Map<Integer, String[]> bistand = rejects("bistand", "bistand_2026-10-31.csv");
        assertThat(bistand.get(3)).startsWith("3", "belopp", "abc", "NOT_A_NUMBER");
        assertThat(bistand.get(4)).startsWith("4", "manad", "2022-01", "MONTH_OUT_OF_RANGE");
        // decimal comma, thousands blank and a negative correction are amounts
        assertThat(count("SELECT count(*) FROM payment WHERE amount IN (5432.50, -200)")).isEqualTo(2);

        for (var f : result.files()) {
            assertThat(f.rowsRead()).as(f.fileName()).isEqualTo(f.rowsLoaded() + f.rowsRejected());
        }
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(40);
        String rejectText = Files.readString(RejectFileWriter.pathOf(fixture.out(),
                new ExtractFile(0, "", Source.DELTAGARE, "", "deltagare_2026-10-31.csv", null, null, null, null)));
        assertThat(rejectText).startsWith("line;field;value;reason;message_sv;message_en\n")
                .doesNotContain(badPnr).doesNotContain(adult(101));
    }

    @Test
    void aRowWithSeveralDefectsIsRejectedOnceForTheFirstReasonInR3Order() throws Exception {
        List<String> rows = new ArrayList<>(validEpisodes(10, 20));
        // unknown code (avslutsanledning) and invalid date (slutdatum): INVALID_DATE comes first in R3
        rows.add(hyphenated(adult(200)) + ";1;Hässelby-Vällingby;2025-01-10;2025-13-01;SLUTAT;;;;");
        // two unknown codes: the leftmost column is named
        rows.add(hyphenated(adult(201)) + ";1;Hässelby-Vällingby;2025-01-10;2025-03-01;SLUTAT;JOBB;;;");
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", lines(DELTAGARE_HEADER, rows));

        fixture.ingest("stockholmskraften", inbox.root());

        Map<Integer, String[]> rejects = rejects("deltagare", "deltagare_2026-10-31.csv");
        assertThat(rejects.get(22)).startsWith("22", "slutdatum", "2025-13-01", "INVALID_DATE");
        assertThat(rejects.get(23)).startsWith("23", "avslutsanledning", "SLUTAT", "UNKNOWN_CODE");
    }

    @Test
    void aFileOverTheRejectThresholdLoadsNothingAndExactlyTwentyPercentPasses() throws Exception {
        List<String> over = new ArrayList<>(validEpisodes(10, 7));
        over.add(hyphenated(adult(300)) + ";9;Hässelby-Vällingby;2025-01-10;;;;;;");
        over.add(hyphenated(adult(301)) + ";9;Hässelby-Vällingby;2025-01-10;;;;;;");  // 2 of 9 = 22 %
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", lines(DELTAGARE_HEADER, over));
        List<String> exactly = new ArrayList<>();
        for (int i = 0; i < 4; i++) exactly.add(hyphenated(adult(20 + i)) + ";2025-02-01;3;START");
        exactly.add(hyphenated(adult(30)) + ";2025-02-01;8;START");                       // 1 of 5 = 20 %
        inbox.csv("bedomning", "bedomning_2026-10-31.csv", lines("personnummer;datum;steg;typ", exactly));

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.FILES_FAILED);
        var deltagare = fileOf(result, "deltagare");
        assertThat(deltagare.status()).isEqualTo("FAILED");
        assertThat(deltagare.rowsLoaded()).isZero();
        assertThat(deltagare.rowsRead()).isEqualTo(9);
        assertThat(deltagare.messageSv()).contains("2 av 9 rader").contains("Inget lästes in");
        assertThat(count("SELECT count(*) FROM episode")).isZero();
        assertThat(count("SELECT count(*) FROM stg_deltagare")).isZero();
        var bedomning = fileOf(result, "bedomning");
        assertThat(bedomning.status()).isEqualTo("LOADED");
        assertThat(count("SELECT count(*) FROM assessment")).isEqualTo(4);
    }

    @Test
    void overlapsAloneCanTakeADeltagareFileOverTheThresholdWhileTheEventFilesLoadBesideIt() throws Exception {
        // every row is valid on its own; the two last open episodes, of the persons of lines 2 and 3,
        // begin while those run (R1): 2 of 9 rows rejected, 22 %
        List<String> rows = new ArrayList<>(validEpisodes(10, 7));
        for (int person : new int[] {10, 11}) rows.add(hyphenated(adult(person)) + ";1;Hässelby-Vällingby;2025-03-01;;;;;;");
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", lines(DELTAGARE_HEADER, rows));
        inbox.csv("bedomning", "bedomning_2026-10-31.csv", "personnummer;datum;steg;typ",
                hyphenated(adult(40)) + ";2025-02-01;3;START", hyphenated(adult(41)) + ";2025-02-01;4;START");

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        var deltagare = fileOf(result, "deltagare");
        assertThat(deltagare.status()).isEqualTo("FAILED");
        assertThat(deltagare.rowsRead()).isEqualTo(9);
        assertThat(deltagare.rowsRejected()).isEqualTo(9); // a failed file loads none of its rows
        assertThat(deltagare.messageSv()).contains("2 av 9 rader");
        assertThat(rejects("deltagare", "deltagare_2026-10-31.csv")).containsOnlyKeys(9, 10)
                .allSatisfy((line, reject) -> assertThat(reject[3]).isEqualTo("OVERLAPPING_EPISODE"));
        assertThat(count("SELECT count(*) FROM episode")).isZero();
        assertThat(count("SELECT count(*) FROM stg_deltagare")).isZero();
        assertThat(count("SELECT count(*) FROM assessment")).isEqualTo(2);
        // the failed file's persons were never inserted: only the assessments' two are in the register
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(2);
    }

    @Test
    void aMissingRequiredColumnFailsTheFileWithAMessageThatSaysWhatToDo() throws Exception {
        inbox.csv("insatser", "insatser_af_2026-10-31.csv",
                "personnummer;insats;startdatum",
                hyphenated(adult(1)) + ";PRAKTIK;2025-03-01");
        inbox.csv("kontakter", "kontakter_2026-10-31.csv",
                "personnummer,datum,typ",
                hyphenated(adult(1)) + ",2025-03-01,ENSKILT");

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.FILES_FAILED);
        assertThat(result.files()).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo("FAILED");
            assertThat(f.rowsRead()).isEqualTo(f.rowsLoaded() + f.rowsRejected());
        });
        var insatser = fileOf(result, "insatser");
        assertThat(insatser.messageEn()).contains("insatser_af_2026-10-31.csv").contains("anordnare")
                .contains("jobs/sources/insatser.yml");
        var kontakter = fileOf(result, "kontakter");
        assertThat(kontakter.messageEn()).contains("separated by commas");
    }

    @Test
    void windows1252AndUtf8WithBomKeepSwedishLetters() throws Exception {
        inbox.write("bistand", "bistand_2026-10-31.csv",
                "personnummer;manad;belopp;omrade;hushallstyp\n"
                        + hyphenated(adult(1)) + ";2025-03;1200;Hässelby-Vällingby;Ensamstående utan barn\n",
                Charset.forName("windows-1252"));
        inbox.bytes("kontakter", "kontakter_2026-10-31.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("personnummer;datum;typ;aktorer\n" + hyphenated(adult(1)) + ";2025-03-01;Samordnad planering;AF|SOC\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(jdbc.sql("SELECT area || '/' || household_type FROM payment").query(String.class).single())
                .isEqualTo("Hässelby-Vällingby/Ensamstående utan barn");
        // the BOM is not part of the first column's name, and the profile maps the agency's code
        assertThat(jdbc.sql("SELECT kind FROM contact").query(String.class).single()).isEqualTo("SAMORDNAD_PLANERING");
        assertThat(jdbc.sql("SELECT raw_codes->>'typ' FROM contact").query(String.class).single())
                .isEqualTo("Samordnad planering");
        assertThat(jdbc.sql("SELECT encoding FROM extract_file ORDER BY source").query(String.class).list())
                .containsExactly("windows-1252", "UTF-8 (BOM)");
    }

    @Test
    void reDeliveringIdenticalContentChangesNothing() throws Exception {
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", lines(DELTAGARE_HEADER, validEpisodes(0, 5)));
        assertThat(fixture.ingest("stockholmskraften", inbox.root()).status()).isEqualTo(Status.DONE);
        Path first = inbox.root().resolve("deltagare/deltagare_2026-10-31.csv");
        Files.copy(first, inbox.root().resolve("deltagare/deltagare_kopia_2026-11-05.csv"));

        IngestRunner.Result again = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(again.status()).isEqualTo(Status.NOTHING_NEW);
        assertThat(again.unchangedFileIds()).hasSize(2);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM extract_file")).isEqualTo(1);
    }

    @Test
    void aLaterDeliveryOfTheSameScopeReplacesTheEarlierRowsAndBothStayInTheHistory() throws Exception {
        String header = "personnummer;insats;anordnare;startdatum;slutdatum";
        inbox.csv("insatser", "insatser_af_2026-09-30.csv", header,
                hyphenated(adult(1)) + ";PRAKTIK;AF;2025-03-01;2025-05-01",
                hyphenated(adult(2)) + ";KOMVUX;STAD;2025-03-01;");
        inbox.csv("insatser", "insatser_stad_2026-09-30.csv", header,
                hyphenated(adult(3)) + ";ARBETSTRANING;STAD;2025-03-01;");
        fixture.ingest("stockholmskraften", inbox.root());
        inbox.csv("insatser", "insatser_af_2026-10-31.csv", header,
                hyphenated(adult(1)) + ";PRAKTIK;AF;2025-03-01;2025-06-01");

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.DONE);
        // insatser_af was replaced (one row now), insatser_stad is another scope and adds up
        assertThat(jdbc.sql("SELECT insats || ':' || coalesce(end_date::text, 'open') FROM insats ORDER BY insats").query(String.class).list())
                .containsExactly("ARBETSTRANING:open", "PRAKTIK:2025-06-01");
        assertThat(jdbc.sql("SELECT file_name || ':' || status FROM extract_file ORDER BY file_id").query(String.class).list())
                .containsExactly("insatser_af_2026-09-30.csv:SUPERSEDED", "insatser_stad_2026-09-30.csv:LOADED",
                        "insatser_af_2026-10-31.csv:LOADED");
    }

    @Test
    void episodesForeignKeyEndsAsTheMigrationsMadeItWhetherALoadDropsItOrChecksRowByRow() throws Exception {
        String keys = """
                SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname)
                  FROM pg_constraint WHERE conrelid = 'episode'::regclass AND contype = 'f'""";
        String personKey = "SELECT oid::bigint FROM pg_constraint WHERE conrelid = 'episode'::regclass AND conname = 'episode_person_key_fkey'";
        String asMigrated = jdbc.sql(keys).query(String.class).single();
        // V8: the key to extract_file is gone for good, the one to person stays
        assertThat(asMigrated).isEqualTo("episode_person_key_fkey FOREIGN KEY (person_key) REFERENCES person(person_key)");
        long migrated = count(personKey);
        String indexes = "SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes"
                + " WHERE schemaname = current_schema() AND tablename = 'episode'";
        String indexesAsMigrated = jdbc.sql(indexes).query(String.class).single();
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", lines(DELTAGARE_HEADER, validEpisodes(0, 20)));

        fixture.ingest("stockholmskraften", inbox.root());

        // into an empty table: the key was dropped for the insert and added back
        assertThat(count(personKey)).isNotEqualTo(migrated);
        assertThat(jdbc.sql(keys).query(String.class).single()).isEqualTo(asMigrated);
        long afterFirst = count(personKey);
        inbox.csv("deltagare", "deltagare_ost_2026-10-31.csv", lines(DELTAGARE_HEADER, validEpisodes(100, 1)));

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        // one row next to twenty: checked as it goes in, the key untouched
        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(count(personKey)).isEqualTo(afterFirst);
        assertThat(jdbc.sql(keys).query(String.class).single()).isEqualTo(asMigrated);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(21);
        assertThat(jdbc.sql(indexes).query(String.class).single()).isEqualTo(indexesAsMigrated)
                .contains("episode_project_person").contains("episode_file").contains("episode_pkey");
        assertThat(count("SELECT count(*) FROM episode e WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.person_key = e.person_key)")).isZero();
    }

    /** The register tables' indexes and constraints, as the catalogue defines them. */
    /**
     * Rows of a register table whose file's status was recorded by another transaction than the one
     * that put them in the register: an episode by its own insert, an event file's rows by attaching
     * their table as the file's partition (the partition's catalogue row is that transaction's).
     */
    private long putInByAnotherTransaction(String table) {
        String putInBy = table.equals("episode") ? "r.xmin" : "(SELECT c.xmin FROM pg_class c WHERE c.oid = r.tableoid)";
        return count("SELECT count(*) FROM " + table + " r JOIN extract_file f ON f.file_id = r.file_id"
                + " WHERE " + putInBy + "::text <> f.xmin::text");
    }

    private String registerSchema() {
        return jdbc.sql("""
                SELECT string_agg(d, E'\n' ORDER BY d) FROM (
                    SELECT tablename || ' ' || indexdef AS d FROM pg_indexes
                     WHERE schemaname = current_schema()
                       AND tablename IN ('person', 'episode', 'contact', 'assessment', 'insats', 'payment', 'af_registration')
                    UNION ALL
                    SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                     WHERE conrelid IN ('person'::regclass, 'episode'::regclass, 'contact'::regclass, 'assessment'::regclass,
                                        'insats'::regclass, 'payment'::regclass, 'af_registration'::regclass)) s""")
                .query(String.class).single();
    }

    /**
     * A file of every source: episodes of adult(0..n-1), each with one row in every event file, and
     * adult(eventOnly), who is in the event files but has no episode.
     */
    private void everySource(int n, int eventOnly) {
        everySource(inbox, n, eventOnly);
    }

    static void everySource(InboxBuilder inbox, int n, int eventOnly) {
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", lines(DELTAGARE_HEADER, validEpisodes(0, n)));
        List<String> contacts = new ArrayList<>(), assessments = new ArrayList<>(), insatser = new ArrayList<>(),
                payments = new ArrayList<>(), registrations = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            String pnr = hyphenated(adult(i == n ? eventOnly : i));
            contacts.add(pnr + ";2025-02-01;ENSKILT");
            assessments.add(pnr + ";2025-02-01;3;START");
            insatser.add(pnr + ";PRAKTIK;AF;2025-03-01;");
            payments.add(pnr + ";2025-03;1200");
            registrations.add(pnr + ";2025-01-15");
        }
        inbox.csv("kontakter", "kontakter_2026-10-31.csv", lines("personnummer;datum;typ", contacts));
        inbox.csv("bedomning", "bedomning_2026-10-31.csv", lines("personnummer;datum;steg;typ", assessments));
        inbox.csv("insatser", "insatser_af_2026-10-31.csv", lines("personnummer;insats;anordnare;startdatum;slutdatum", insatser));
        inbox.csv("insatser", "insatser_stad_2026-10-31.csv", "personnummer;insats;anordnare;startdatum;slutdatum",
                hyphenated(adult(0)) + ";KOMVUX;STAD;2025-04-01;");
        inbox.csv("bistand", "bistand_2026-10-31.csv", lines("personnummer;manad;belopp", payments));
        inbox.csv("af_status", "af_status_2026-10-31.csv", lines("personnummer;inskrivningsdatum", registrations));
    }

    @Test
    void episodesAndEventsLoadOnTwoTransactionsEachFileWithItsStatusAndTheSchemaEndsAsMigrated() throws Exception {
        String schemaAsMigrated = registerSchema();
        everySource(30, 500);

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(result.files()).hasSize(7).allSatisfy(f -> {
            assertThat(f.status()).as(f.fileName()).isEqualTo("LOADED");
            assertThat(f.rowsRejected()).as(f.fileName()).isZero();
            assertThat(f.rowsLoaded()).as(f.fileName()).isEqualTo(f.fileName().startsWith("deltagare") ? 30
                    : f.fileName().startsWith("insatser_stad") ? 1 : 31);
        });
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM contact")).isEqualTo(31);
        assertThat(count("SELECT count(*) FROM assessment")).isEqualTo(31);
        assertThat(count("SELECT count(*) FROM insats")).isEqualTo(32);
        assertThat(count("SELECT count(*) FROM payment")).isEqualTo(31);
        assertThat(count("SELECT count(*) FROM af_registration")).isEqualTo(31);
        // the person of the events alone too
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(31);
        for (String table : List.of("episode", "contact", "assessment", "insats", "payment", "af_registration")) {
            assertThat(TestDatabase.staged(jdbc, table)).as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM stg_person")).isZero();
        // each event file is its table's partition (V11)
        assertThat(jdbc.sql("""
                        SELECT i.inhparent::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                         WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace ORDER BY 1""")
                .query(String.class).list())
                .containsExactly("af_registration", "assessment", "contact", "insats", "insats", "payment", "payment_month");
        // episode_id follows the file's lines
        assertThat(jdbc.sql("SELECT line FROM episode ORDER BY episode_id").query(Integer.class).list())
                .isSorted().hasSize(30);
        // every index and key as the migrations made them, though both sides dropped and rebuilt theirs
        assertThat(registerSchema()).isEqualTo(schemaAsMigrated);
        // each file's rows were put in the register by the transaction that recorded its status ...
        for (String table : List.of("episode", "contact", "assessment", "insats", "payment", "af_registration")) {
            assertThat(putInByAnotherTransaction(table)).as(table).isZero();
        }
        // ... the episodes by one, all event files by another, and the persons by a third before both
        assertThat(count("SELECT count(DISTINCT xmin::text) FROM extract_file WHERE source = 'deltagare'")).isOne();
        assertThat(count("SELECT count(DISTINCT xmin::text) FROM extract_file WHERE source <> 'deltagare'")).isOne();
        assertThat(count("SELECT count(DISTINCT xmin::text) FROM extract_file")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM person p JOIN extract_file f ON f.xmin::text = p.xmin::text")).isZero();
    }

    @Test
    void largeEventFilesAreSharedBetweenTheTwoTransactionsSoThatBothEndTogether() throws Exception {
        String schemaAsMigrated = registerSchema();
        everySource(10, 500);
        // far more event rows than episodes, as in a national inbox: insatser go first, to the second
        // connection; bistand, the next largest, then to the step's, which had only the episodes
        List<String> persons = new ArrayList<>(), insatser = new ArrayList<>(), payments = new ArrayList<>();
        for (int i = 0; i < 10; i++) persons.add(hyphenated(adult(i)));
        for (int i = 0; i < 60_000; i++) insatser.add(persons.get(i % 10) + ";PRAKTIK;AF;2025-03-01;");
        for (int i = 0; i < 55_000; i++) payments.add(persons.get(i % 10) + ";2025-03;" + (100 + i % 7));
        inbox.csv("insatser", "insatser_af_2026-10-31.csv", lines("personnummer;insats;anordnare;startdatum;slutdatum", insatser));
        inbox.csv("bistand", "bistand_2026-10-31.csv", lines("personnummer;manad;belopp", payments));

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(count("SELECT count(*) FROM insats")).isEqualTo(60_001);
        assertThat(count("SELECT count(*) FROM payment")).isEqualTo(55_000);
        String writer = "SELECT xmin::text FROM extract_file WHERE file_name = ?";
        String episodes = jdbc.sql(writer).param("deltagare_2026-10-31.csv").query(String.class).single();
        String second = jdbc.sql(writer).param("insatser_af_2026-10-31.csv").query(String.class).single();
        assertThat(second).isNotEqualTo(episodes);
        assertThat(jdbc.sql(writer).param("bistand_2026-10-31.csv").query(String.class).single()).isEqualTo(episodes);
        for (String small : List.of("kontakter_2026-10-31.csv", "bedomning_2026-10-31.csv", "af_status_2026-10-31.csv",
                "insatser_stad_2026-10-31.csv")) {
            assertThat(jdbc.sql(writer).param(small).query(String.class).single()).as(small).isEqualTo(second);
        }
        for (String table : List.of("episode", "insats", "payment", "contact")) {
            assertThat(putInByAnotherTransaction(table)).as(table).isZero();
        }
        // payment's indexes were dropped and built again on the step's side, insat's on the other
        assertThat(registerSchema()).isEqualTo(schemaAsMigrated);
    }

    @Test
    void whenTheEpisodesFailAfterTheEventFilesCommittedTheseStayLoadedAndTheRestartLoadsOnlyTheRest() throws Exception {
        everySource(30, 500);
        IngestRunner.Result failed;
        // Held here, person lets the persons be inserted (ROW EXCLUSIVE) but not the step's transaction
        // go past it: it waits for person when the episodes' merge drops episode's key to person
        // (SHARE ROW EXCLUSIVE) or at the latest at ANALYZE person, while the event files' transaction
        // goes on. The load's overlap check reads episode, so episode itself cannot be held.
        try (LockedTable person = LockedTable.lock(dataSource, "person", "SHARE UPDATE EXCLUSIVE")) {
            var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return fixture.ingest("stockholmskraften", inbox.root());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String waiting = "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'person'::regclass";
            LockedTable.await(() -> count(waiting) == 1, "the step's transaction waiting for person");
            LockedTable.await(() -> count("SELECT count(*) FROM extract_file WHERE source <> 'deltagare' AND status = 'LOADED'") == 6,
                    "the event files' transaction to commit");
            // the waiting statement is cancelled: the step fails and its transaction rolls back (a dropped
            // connection would leave the step UNKNOWN, as Spring Batch marks a failed rollback)
            assertThat(count("SELECT count(pg_cancel_backend(pid)) FROM pg_locks WHERE NOT granted"
                    + " AND relation = 'person'::regclass")).isOne();
            failed = run.get(2, java.util.concurrent.TimeUnit.MINUTES);
        }

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(jdbc.sql("SELECT source || ':' || status FROM extract_file WHERE status <> 'LOADED'").query(String.class).list())
                .containsExactly("deltagare:PENDING");
        assertThat(count("SELECT count(*) FROM episode")).isZero();
        assertThat(count("SELECT count(*) FROM stg_deltagare")).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM contact")).isEqualTo(31);
        // the persons were committed on their own: the event files' before either side began, the episodes' before their merge
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(31);

        IngestRunner.Result restarted = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(restarted.status()).isEqualTo(Status.DONE);
        assertThat(count("SELECT count(*) FROM extract_file WHERE status = 'LOADED'")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM episode")).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM contact")).isEqualTo(31);
        assertThat(count("SELECT count(*) FROM insats")).isEqualTo(32);
        assertThat(count("SELECT count(*) FROM (SELECT DISTINCT file_id, line FROM payment) d")).isEqualTo(31);
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(31);
        assertThat(count("SELECT count(*) FROM stg_deltagare")).isZero();
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution ORDER BY job_execution_id").query(String.class).list())
                .containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void aLaterDeliveryOfAScopeTakesTheEarlierFilesPartitionsPlaceAndOtherScopesKeepTheirs() throws Exception {
        String header = "personnummer;insats;anordnare;startdatum;slutdatum";
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) rows.add(hyphenated(adult(i)) + ";PRAKTIK;AF;2025-03-" + String.format("%02d", 1 + i) + ";");
        inbox.csv("insatser", "insatser_af_2026-09-30.csv", lines(header, rows));
        inbox.csv("insatser", "insatser_stad_2026-09-30.csv", header, hyphenated(adult(100)) + ";KOMVUX;STAD;2025-03-01;");
        fixture.ingest("stockholmskraften", inbox.root());
        long september = fileId("insatser_af_2026-09-30.csv");
        long stad = fileId("insatser_stad_2026-09-30.csv");
        assertThat(partitions("insats")).containsExactlyInAnyOrder("insats_file_" + september, "insats_file_" + stad);
        inbox.delete("insatser", "insatser_af_2026-09-30.csv");
        inbox.csv("insatser", "insatser_af_2026-10-31.csv", header, hyphenated(adult(1)) + ";PRAKTIK;AF;2025-04-01;",
                hyphenated(adult(2)) + ";PRAKTIK;AF;2025-04-02;");

        IngestRunner.Result result = fixture.ingest("stockholmskraften", inbox.root());

        assertThat(result.status()).isEqualTo(Status.DONE);
        long october = fileId("insatser_af_2026-10-31.csv");
        // September's partition is gone with its rows, the file stays in the history as superseded
        assertThat(partitions("insats")).containsExactlyInAnyOrder("insats_file_" + october, "insats_file_" + stad);
        assertThat(TestDatabase.staged(jdbc, "insats")).isZero();
        assertThat(count("SELECT count(*) FROM insats")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM insats WHERE file_id = ?", october)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT status FROM extract_file WHERE file_id = ?").param(september)
                .query(String.class).single()).isEqualTo("SUPERSEDED");
        // every partition has the table's BRIN index on project_id, and the parent no other index
        assertThat(count("""
                SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema()
                   AND indexdef LIKE '%USING brin (project_id)' AND tablename LIKE 'insats_file_%'""")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'insats'")
                .query(String.class).list()).containsExactly("insats_project");
        // made LIKE insats, the staged table kept person_key's type (V14)
        assertThat(jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'person_key'""")
                .param("insats_file_" + october).query(String.class).single()).isEqualTo("bytea");
    }

    @Test
    void aPartitionsRowsHaveTheirFilesProjectWithoutEachStoringIt() throws Exception {
        inbox.csv("insatser", "insatser_af_2026-09-30.csv", "personnummer;insats;anordnare;startdatum;slutdatum",
                hyphenated(adult(1)) + ";PRAKTIK;AF;2025-03-01;", hyphenated(adult(2)) + ";KOMVUX;STAD;2025-03-02;");

        fixture.ingest("stockholmskraften", inbox.root());

        String partition = "insats_file_" + fileId("insatser_af_2026-09-30.csv");
        assertThat(jdbc.sql("SELECT project_id || ':' || count(*) FROM insats GROUP BY project_id")
                .query(String.class).list()).containsExactly("stockholmskraften:2");
        // the value is the column's missing value in the catalogue, for every row staged before it was added
        assertThat(jdbc.sql("""
                        SELECT atthasmissing FROM pg_attribute
                         WHERE attrelid = to_regclass(?) AND attname = 'project_id' AND NOT attisdropped""")
                .param(partition).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aBistandFilesSumsPerPersonAndMonthAddUpToItsPaymentRowsAndGoWithTheFile() throws Exception {
        String header = "personnummer;manad;belopp";
        List<String> rows = new ArrayList<>();
        // person 0's October twice in a row, then again after another person's rows: two sums of October
        rows.add(hyphenated(adult(0)) + ";2026-10;100,005");   // payment keeps 100.01 (numeric(12,2))
        rows.add(hyphenated(adult(0)) + ";2026-10;-50");
        rows.add(hyphenated(adult(1)) + ";2026-10;300");
        rows.add(hyphenated(adult(0)) + ";2026-10;7,50");
        rows.add(hyphenated(adult(0)) + ";2026-09;200");
        rows.add(hyphenated(adult(0)) + ";2026-13;200");       // rejected: no such month, in no sum
        // more rows than a chunk (DatabaseTest.CHUNK_SIZE), so that a run of one person-month crosses chunks
        for (int i = 0; i < 2 * CHUNK_SIZE; i++) rows.add(hyphenated(adult(2)) + ";2026-08;1");
        inbox.csv("bistand", "bistand_2026-10-31.csv", lines(header, rows));

        fixture.ingest("stockholmskraften", inbox.root());

        long file = fileId("bistand_2026-10-31.csv");
        assertThat(partitions("payment_month")).containsExactly("payment_month_file_" + file);
        // grouped by person and month, the sums are what the payment rows add up to, and hold each row once
        String fromRows = """
                SELECT project_id, person_key, month, sum(amount) AS paid, count(*) AS rows
                  FROM payment GROUP BY 1, 2, 3""";
        String fromSums = """
                SELECT project_id, person_key, month, sum(paid) AS paid, sum(rows) AS rows
                  FROM payment_month GROUP BY 1, 2, 3""";
        assertThat(count("SELECT count(*) FROM (" + fromRows + ") r")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM ((" + fromRows + ") EXCEPT (" + fromSums + ")) x")).isZero();
        assertThat(count("SELECT count(*) FROM ((" + fromSums + ") EXCEPT (" + fromRows + ")) x")).isZero();
        assertThat(jdbc.sql("SELECT paid::text AS sum FROM payment_month WHERE month = DATE '2026-10-01' ORDER BY paid")
                .query(String.class).list()).containsExactly("7.50", "50.01", "300.00");
        // adult(2)'s 2 * CHUNK_SIZE rows of August: one sum per chunk they lie in, not one per row
        assertThat(count("SELECT count(*) FROM payment_month WHERE month = DATE '2026-08-01'")).isBetween(2L, 3L);

        // a later delivery of the scope replaces the file: its sums go with its rows
        inbox.delete("bistand", "bistand_2026-10-31.csv");
        inbox.csv("bistand", "bistand_2026-11-30.csv", header, hyphenated(adult(1)) + ";2026-11;400");
        fixture.ingest("stockholmskraften", inbox.root());

        long november = fileId("bistand_2026-11-30.csv");
        assertThat(partitions("payment_month")).containsExactly("payment_month_file_" + november);
        assertThat(jdbc.sql("SELECT project_id || ':' || month || ':' || paid || ':' || rows FROM payment_month")
                .query(String.class).list()).containsExactly("stockholmskraften:2026-11-01:400.00:1");
    }

    private long fileId(String fileName) {
        return count("SELECT file_id FROM extract_file WHERE file_name = ?", fileName);
    }

    private List<String> partitions(String table) {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                         WHERE i.inhparent = to_regclass(?) AND c.relkind = 'r' ORDER BY i.inhrelid""")
                .param(table).query(String.class).list();
    }

    /** The reject file read back: line number → its six fields. */
    /** The run's summary line of the file of that source (one per source in these tests). */
    private static FileRegistry.FileSummary fileOf(IngestRunner.Result result, String source) {
        return result.files().stream().filter(f -> f.source().equals(source)).findFirst().orElseThrow();
    }

    private Map<Integer, String[]> rejects(String source, String fileName) throws Exception {
        Path file = fixture.out().resolve("rejects").resolve(source).resolve(fileName + ".rejects.csv");
        Map<Integer, String[]> out = new java.util.HashMap<>();
        try (var reader = new com.opencsv.CSVReaderBuilder(Files.newBufferedReader(file))
                .withCSVParser(new com.opencsv.RFC4180ParserBuilder().withSeparator(';').build()).build()) {
            reader.readNext();
            String[] row;
            while ((row = reader.readNext()) != null) out.put(Integer.parseInt(row[0]), row);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
