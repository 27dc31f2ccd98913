package se.uppfoljning.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.uppfoljning.TestPersons.adult;
import static se.uppfoljning.TestPersons.hyphenated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.config.ConfigException;
import se.uppfoljning.identity.PersonnummerCipher;

/** sus-export end to end: ingest through the real job, export, read the files back. */
class SusExportTest extends ExportTestBase {
    @Autowired
    PersonnummerCipher cipher;
    @Autowired
    ExportRecreator recreator;

    final Map<String, String> running = episode(adult(0), "2026-03-02");
    final Map<String, String> endedToWork = ended(with(episode(adult(1), "2026-02-02"), "kon", "X"), "2026-06-30",
            "ARBETE", "LON");
    final Map<String, String> noConsent = with(episode(adult(2), "2026-04-01"), "samtycke", "N");
    final Map<String, String> protectedIdentity = with(episode(adult(3), "2026-04-02"), "skyddad", "J");
    final Map<String, String> incomplete = with(with(episode(adult(4), "2026-05-04"), "remittent", ""),
            "utbildningsniva", "");

    @Test
    void firstExportIsAllNyWithTheNumbersDecryptedFromTheRegisterOwnerOnly() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(running, endedToWork, noConsent, protectedIdentity, incomplete));
        ingest("2026-11-01");

        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.DONE);

        Path file = registration().resolve(SusExport.FILE);
        List<List<String>> rows = read(file);
        assertThat(rows.get(0)).isEqualTo(SusExport.HEADER);
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of("NY", adult(1), "X", adult(1).substring(0, 4), "stockholmskraften", "1", "2026-02-02", "SOC",
                        "FORSORJNINGSSTOD", "ISCED_3_4", "2026-06-30", "ENLIGT_PLAN", "ARBETE", "LON"),
                List.of("NY", adult(0), legalGender(adult(0)), adult(0).substring(0, 4), "stockholmskraften", "1",
                        "2026-03-02", "SOC", "FORSORJNINGSSTOD", "ISCED_3_4", "", "", "", ""));
        // the numbers in the file are the ones the register holds encrypted
        List<String> stored = jdbc.sql("SELECT pnr_encrypted FROM episode WHERE pnr_encrypted IS NOT NULL")
                .query((rs, n) -> cipher.decrypt(rs.getBytes(1))).list();
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList())
                .allMatch(stored::contains).doesNotHaveDuplicates();

        // owner-only: the file 0600, its folder 0700
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(registration())).isEqualTo("rwx------");

        // the incomplete row is in the worklist, without personnummer, and not in the file
        List<List<String>> worklist = read(registration().resolve(SusExport.WORKLIST));
        assertThat(worklist).containsExactly(SusExport.WORKLIST_HEADER,
                List.of(episodeKey("2026-05-04"), "1", "2026-05-04", "remittent, utbildningsnivå"));

        // anonymous participations are in no file at all, and counted
        for (var f : allFiles(out).entrySet()) {
            for (int n : new int[] {2, 3, 4}) {
                assertThat(f.getValue()).as(f.getKey().toString()).doesNotContain(adult(n));
            }
        }
        assertThat(console).contains("anonyma deltaganden (räknas, listas inte): 2")
                .contains("att komplettera (inte med i filen): 1")
                .contains("NY 2, ANDRAD 0, AVSLUTAD 0");
        // never a number on the console
        for (int n = 0; n < 5; n++) assertThat(console).doesNotContain(adult(n)).doesNotContain(adult(n).substring(2));

        // the history keeps no personnummer, only the person key and the row hash
        assertThat(count("SELECT count(*) FROM export_row WHERE array_to_string(cells, ';') ~ '[0-9]{10}'")).isZero();
        assertThat(count("SELECT count(*) FROM export_run WHERE kind = 'SUS' AND row_count = 2 AND worklist_count = 1"
                + " AND anonymous_count = 2 AND file_sha256 = ?", PrivateFiles.sha256(Files.readAllBytes(file))))
                .isEqualTo(1);
    }

    @Test
    void afterAnEndAndANewParticipantInACorrectedDeliveryTheNextExportHoldsOneAvslutadAndOneNy() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(running, endedToWork));
        ingest("2026-11-01");
        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.DONE);

        // a later delivery of the same scope replaces the earlier: the running episode has ended, one is new
        Map<String, String> newcomer = episode(hyphenated(adult(5)), "2026-11-02");
        deliver("deltagare_2026-11-15.csv",
                List.of(ended(running, "2026-11-10", "STUDIER", "STUDIEMEDEL"), endedToWork, newcomer));
        ingest("2026-11-16");
        assertThat(count("SELECT count(*) FROM extract_file WHERE status = 'SUPERSEDED'")).isEqualTo(1);

        assertThat(export("sus-export", null, "2026-11-16")).isEqualTo(ExitCodes.DONE);

        List<List<String>> rows = read(registration().resolve(SusExport.FILE));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("NY", adult(5));
        assertThat(rows.get(2)).startsWith("AVSLUTAD", adult(0));
        assertThat(rows.get(2).subList(10, 14)).containsExactly("2026-11-10", "ENLIGT_PLAN", "STUDIER", "STUDIEMEDEL");
        assertThat(console).contains("NY 1, ANDRAD 0, AVSLUTAD 1 (totalt 2)");

        // a changed value of an episode already registered is ANDRAD
        deliver("deltagare_2026-11-20.csv", List.of(ended(running, "2026-11-10", "STUDIER", "STUDIEMEDEL"),
                with(endedToWork, "utbildningsniva", "ISCED_5_8"), newcomer));
        ingest("2026-11-21");
        assertThat(export("sus-export", null, "2026-11-21")).isEqualTo(ExitCodes.DONE);
        rows = read(registration().resolve(SusExport.FILE));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("ANDRAD", adult(1));
        assertThat(rows.get(1).get(9)).isEqualTo("ISCED_5_8");
    }

    @Test
    void theHistorysKeyToItsExportEndsAsTheMigrationsMadeItWhetherAFirstExportDropsItOrADeltaChecksRowByRow()
            throws Exception {
        String keys = """
                SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname)
                  FROM pg_constraint WHERE conrelid = 'export_row'::regclass AND contype = 'f'""";
        String exportKey = "SELECT oid::bigint FROM pg_constraint WHERE conrelid = 'export_row'::regclass"
                + " AND conname = 'export_row_export_id_fkey'";
        String asMigrated = jdbc.sql(keys).query(String.class).single();
        assertThat(asMigrated).isEqualTo(
                "export_row_export_id_fkey FOREIGN KEY (export_id) REFERENCES export_run(export_id) ON DELETE CASCADE");
        long migrated = count(exportKey);
        deliver("deltagare_2026-10-31.csv", List.of(running, endedToWork));
        ingest("2026-11-01");

        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.DONE);

        // the first export's rows, into an empty history: the key was dropped for them and added back
        assertThat(count(exportKey)).isNotEqualTo(migrated);
        assertThat(jdbc.sql(keys).query(String.class).single()).isEqualTo(asMigrated);
        assertThat(count("SELECT count(*) FROM export_row r JOIN export_run x USING (export_id) WHERE x.kind = 'SUS'"))
                .isEqualTo(2);
        long afterFirst = count(exportKey);
        deliver("deltagare_2026-11-15.csv", List.of(ended(running, "2026-11-10", "STUDIER", "STUDIEMEDEL"), endedToWork));
        ingest("2026-11-16");

        assertThat(export("sus-export", null, "2026-11-16")).isEqualTo(ExitCodes.DONE);

        // a delta is checked as it goes in, the key untouched, and it sees the first export's state
        assertThat(count(exportKey)).isEqualTo(afterFirst);
        assertThat(jdbc.sql(keys).query(String.class).single()).isEqualTo(asMigrated);
        assertThat(console).contains("NY 0, ANDRAD 0, AVSLUTAD 1 (totalt 1)");
        assertThat(count("SELECT count(*) FROM export_row r WHERE NOT EXISTS"
                + " (SELECT 1 FROM export_run x WHERE x.export_id = r.export_id)")).isZero();
    }

    @Test
    void aFirstExportWithNothingToWriteLeavesTheHistorysKeyAsMigrated() throws Exception {
        String keys = "SELECT count(*) FROM pg_constraint WHERE conrelid = 'export_row'::regclass"
                + " AND conname = 'export_row_export_id_fkey' AND contype = 'f'";
        deliver("deltagare_2026-10-31.csv", List.of(noConsent, incomplete));
        ingest("2026-11-01");

        // the one registrable-looking participation is incomplete, the other anonymous: no row to write
        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.NOTHING_TO_DO);

        assertThat(count("SELECT count(*) FROM export_run")).isZero();
        assertThat(count(keys)).isEqualTo(1);
    }

    @Test
    void aRerunWithNoChangeExitsFourAndWritesNothing() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(running, endedToWork, incomplete));
        ingest("2026-11-01");
        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.DONE);
        Map<String, String> before = snapshot(out);
        Thread.sleep(20);

        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.NOTHING_TO_DO);
        assertThat(export("sus-export", null, "2026-11-05")).isEqualTo(ExitCodes.NOTHING_TO_DO);

        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM export_run")).isEqualTo(1);
        assertThat(console).contains("inga ändringar sedan förra exporten (export").contains("ingen fil skrevs");
    }

    @Test
    void anAsOfDateBeforeTheLastExportIsRefused() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(running));
        ingest("2026-11-01");
        assertThat(export("sus-export", null, "2026-11-05")).isEqualTo(ExitCodes.DONE);
        assertThatThrownBy(() -> export("sus-export", null, "2026-11-01")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("2026-11-05");
    }

    @Test
    void anExportIsRecreatedByteForByteAfterLaterExports() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(running, endedToWork));
        ingest("2026-11-01");
        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.DONE);
        byte[] original = Files.readAllBytes(registration().resolve(SusExport.FILE));
        long first = jdbc.sql("SELECT max(export_id) FROM export_run").query(Long.class).single();

        deliver("deltagare_2026-11-15.csv", List.of(ended(running, "2026-11-10", "ARBETE", "LON"), endedToWork));
        ingest("2026-11-16");
        assertThat(export("sus-export", null, "2026-11-16")).isEqualTo(ExitCodes.DONE);
        assertThat(Files.readAllBytes(registration().resolve(SusExport.FILE))).isNotEqualTo(original);

        ExportRecreator.Recreated r = recreator.recreate(PROJECT, ExportRun.SUS, first, out);

        assertThat(Files.readAllBytes(r.file())).isEqualTo(original);
        assertThat(r.file()).isEqualTo(registration().resolve("aterskapad").resolve(String.valueOf(first))
                .resolve(SusExport.FILE));
        assertThat(mode(r.file())).isEqualTo("rw-------");
        assertThat(mode(r.file().getParent())).isEqualTo("rwx------");
        assertThat(mode(r.file().getParent().getParent())).isEqualTo("rwx------");
        assertThatThrownBy(() -> recreator.recreate(PROJECT, ExportRun.ESF, first, out))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sus-export --recreate");
    }

    @Test
    void anExportWhoseNumbersTheRegisterNoLongerHoldsIsNotRecreated() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(running));
        ingest("2026-11-01");
        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.DONE);
        long first = jdbc.sql("SELECT max(export_id) FROM export_run").query(Long.class).single();

        // consent withdrawn: the corrected delivery says samtycke N, so the number is no longer stored
        deliver("deltagare_2026-11-15.csv", List.of(with(running, "samtycke", "N")));
        ingest("2026-11-16");

        assertThatThrownBy(() -> recreator.recreate(PROJECT, ExportRun.SUS, first, out))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no longer holds");
        assertThat(registration().resolve("aterskapad").resolve(String.valueOf(first))).doesNotExist();
    }

    @Test
    void anEpisodeThatDisappearedIsListedForRemovalWithoutPersonnummer() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(running, endedToWork));
        ingest("2026-11-01");
        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.DONE);
        String voidKey = episodeKey("2026-03-02");
        long first = jdbc.sql("SELECT max(export_id) FROM export_run").query(Long.class).single();

        // the running episode was registered by mistake; the other withdrew consent
        deliver("deltagare_2026-11-15.csv", List.of(with(with(running, "slutdatum", "2026-11-01"),
                "avslutsanledning", "FELREG"), with(endedToWork, "samtycke", "N")));
        ingest("2026-11-16");
        assertThat(export("sus-export", null, "2026-11-16")).isEqualTo(ExitCodes.DONE);

        assertThat(read(registration().resolve(SusExport.FILE))).containsExactly(SusExport.HEADER);
        List<List<String>> removals = read(registration().resolve(SusExport.REMOVALS));
        assertThat(removals).containsExactly(SusExport.REMOVALS_HEADER,
                List.of(episodeKeyOfStart("2026-02-02"), "1", "2026-02-02", "samtycke saknas", String.valueOf(first),
                        SusExport.FILE, "2"),
                List.of(voidKey, "1", "2026-03-02", "felregistrerad (FELREG)", String.valueOf(first), SusExport.FILE,
                        "3"));
        assertThat(Files.readString(registration().resolve(SusExport.REMOVALS))).doesNotContain(adult(0))
                .doesNotContain(adult(1));
        assertThat(console).contains("borttagna sedan tidigare export: 2");

        // taken out once; the next run has nothing to do
        assertThat(export("sus-export", null, "2026-11-16")).isEqualTo(ExitCodes.NOTHING_TO_DO);
    }

    @Test
    void protectedIdentityInAnyEpisodeKeepsEveryEpisodeOfThePersonOutOfTheFile() throws Exception {
        Map<String, String> earlier = ended(episode(adult(7), "2025-09-01"), "2025-12-19", "ARBETSSOKANDE", "A_KASSA");
        deliver("deltagare_2026-10-31.csv", List.of(earlier, running));
        ingest("2026-11-01");
        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.DONE);
        assertThat(read(registration().resolve(SusExport.FILE))).hasSize(3);
        long first = jdbc.sql("SELECT max(export_id) FROM export_run").query(Long.class).single();

        // the person comes back, now with protected identity: the earlier, consented episode goes too
        deliver("deltagare_2026-11-15.csv", List.of(earlier, running,
                with(episode(adult(7), "2026-11-02"), "skyddad", "J")));
        ingest("2026-11-16");
        assertThat(export("sus-export", null, "2026-11-16")).isEqualTo(ExitCodes.DONE);

        assertThat(read(registration().resolve(SusExport.FILE))).containsExactly(SusExport.HEADER);
        assertThat(read(registration().resolve(SusExport.REMOVALS))).containsExactly(SusExport.REMOVALS_HEADER,
                List.of(episodeKey("2025-09-01"), "1", "2025-09-01", "skyddad identitet", String.valueOf(first),
                        SusExport.FILE, "2"));
        assertThat(console).contains("anonyma deltaganden (räknas, listas inte): 2");
        // nor can the earlier export be re-created with the number of a person now protected
        assertThatThrownBy(() -> recreator.recreate(PROJECT, ExportRun.SUS, first, out))
                .isInstanceOf(ConfigException.class).hasMessageContaining("1 of its 2 rows");
    }

    @Test
    void rowsMissingRequiredValuesWaitInTheWorklistUntilCompleted() throws Exception {
        Map<String, String> endedUnknown = ended(episode(adult(6), "2026-01-05"), "2026-05-29", "", "");
        deliver("deltagare_2026-10-31.csv", List.of(incomplete, endedUnknown));
        ingest("2026-11-01");

        // nothing to register yet: no registration file, exit 4, but the worklist says what is missing
        assertThat(export("sus-export", null, "2026-11-01")).isEqualTo(ExitCodes.NOTHING_TO_DO);

        assertThat(registration().resolve(SusExport.FILE)).doesNotExist();
        assertThat(mode(registration().resolve(SusExport.WORKLIST))).isEqualTo("rw-------");
        assertThat(read(registration().resolve(SusExport.WORKLIST))).containsExactly(SusExport.WORKLIST_HEADER,
                List.of(episodeKey("2026-01-05"), "1", "2026-01-05", "sysselsättning efter, ersättning vid avslut"),
                List.of(episodeKey("2026-05-04"), "1", "2026-05-04", "remittent, utbildningsnivå"));

        deliver("deltagare_2026-11-15.csv", List.of(with(with(incomplete, "remittent", "AF"), "utbildningsniva",
                "ISCED_0_2"), endedUnknown));
        ingest("2026-11-16");
        assertThat(export("sus-export", null, "2026-11-16")).isEqualTo(ExitCodes.DONE);

        List<List<String>> rows = read(registration().resolve(SusExport.FILE));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("NY", adult(4));
        assertThat(read(registration().resolve(SusExport.WORKLIST))).hasSize(2);
    }

    private String episodeKeyOfStart(String start) {
        return jdbc.sql("SELECT DISTINCT episode_key FROM episode WHERE start_date = CAST(? AS date)")
                .param(start).query(String.class).single();
    }

    private static String legalGender(String pnr) {
        return (pnr.charAt(10) - '0') % 2 == 0 ? "K" : "M";
    }
}
