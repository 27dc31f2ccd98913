package se.uppfoljning.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.uppfoljning.TestPersons.adult;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.cli.ExitCodes;
import se.uppfoljning.config.ConfigException;

/** esf-export end to end: the monthly file, its worklist, and the re-issue after a correction. */
class EsfExportTest extends ExportTestBase {
    @Autowired
    ExportRecreator recreator;

    final Map<String, String> startsInAugust = episode(adult(0), "2026-08-05");
    final Map<String, String> endsInAugust = ended(with(episode(adult(1), "2026-07-01"), "kon", "K"), "2026-08-20",
            "ARBETE", "LON");
    final Map<String, String> anonymousInAugust = with(episode(adult(2), "2026-08-10"), "samtycke", "N");
    final Map<String, String> incompleteInAugust = with(episode(adult(3), "2026-08-12"), "funktionsnedsattning", "");
    final Map<String, String> startsInSeptember = episode(adult(4), "2026-09-14");

    @Test
    void theMonthListsItsStartsAndEndsWithPersonnummerAndNoAnonymousParticipation() throws Exception {
        deliver("deltagare_2026-10-31.csv",
                List.of(startsInAugust, endsInAugust, anonymousInAugust, incompleteInAugust, startsInSeptember));
        ingest("2026-11-01");

        assertThat(export("esf-export", "2026-08", "2026-11-01")).isEqualTo(ExitCodes.DONE);

        var file = registration().resolve("esf-deltagare-2026-08.csv");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(read(file)).containsExactly(EsfExport.HEADER,
                List.of(adult(0), "stockholmskraften", "1", "START", "2026-08-05", "", gender(adult(0)),
                        adult(0).substring(0, 4), "ISCED_3_4", "N", "", "N"),
                List.of(adult(1), "stockholmskraften", "1", "SLUT", "2026-07-01", "2026-08-20", "K",
                        adult(1).substring(0, 4), "", "", "ENLIGT_PLAN", "N"));
        assertThat(read(registration().resolve("esf-deltagare-2026-08-att-komplettera.csv"))).containsExactly(
                EsfExport.WORKLIST_HEADER,
                List.of(episodeKey("2026-08-12"), "1", "START", "2026-08-12", "funktionsnedsättning"));
        for (var f : allFiles(out).entrySet()) {
            assertThat(f.getValue()).as(f.getKey().toString()).doesNotContain(adult(2)).doesNotContain(adult(3));
        }
        assertThat(console).contains("START 1, SLUT 1").contains("anonyma deltaganden (räknas, listas inte): 1")
                .contains("att komplettera (inte med i filen): 1").doesNotContain(adult(0)).doesNotContain(adult(1));

        // the same month again, nothing changed: exit 4, nothing written
        var before = snapshot(out);
        assertThat(export("esf-export", "2026-08", "2026-11-01")).isEqualTo(ExitCodes.NOTHING_TO_DO);
        assertThat(snapshot(out)).isEqualTo(before);
    }

    @Test
    void aCorrectedMonthIsMarkedAndEveryLaterMonthAlreadyExportedIsReissued() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(startsInAugust, endsInAugust, startsInSeptember));
        ingest("2026-11-01");
        assertThat(export("esf-export", "2026-08", "2026-11-01")).isEqualTo(ExitCodes.DONE);
        assertThat(export("esf-export", "2026-09", "2026-11-01")).isEqualTo(ExitCodes.DONE);
        byte[] august = Files.readAllBytes(registration().resolve("esf-deltagare-2026-08.csv"));
        byte[] september = Files.readAllBytes(registration().resolve("esf-deltagare-2026-09.csv"));

        // a late extract: someone who started in August was missing from the earlier delivery
        Map<String, String> late = episode(adult(5), "2026-08-25");
        deliver("deltagare_2026-11-15.csv", List.of(startsInAugust, endsInAugust, startsInSeptember, late,
                episode(adult(6), "2026-10-07")));
        ingest("2026-11-16");

        assertThat(export("esf-export", "2026-10", "2026-11-16")).isEqualTo(ExitCodes.DONE);

        // August again, as a correction: the late row flagged J, the rest N
        assertThat(read(registration().resolve("esf-deltagare-2026-08-rattelse-1.csv"))).containsExactly(
                EsfExport.HEADER,
                List.of(adult(0), "stockholmskraften", "1", "START", "2026-08-05", "", gender(adult(0)),
                        adult(0).substring(0, 4), "ISCED_3_4", "N", "", "N"),
                List.of(adult(5), "stockholmskraften", "1", "START", "2026-08-25", "", gender(adult(5)),
                        adult(5).substring(0, 4), "ISCED_3_4", "N", "", "J"),
                List.of(adult(1), "stockholmskraften", "1", "SLUT", "2026-07-01", "2026-08-20", "K",
                        adult(1).substring(0, 4), "", "", "ENLIGT_PLAN", "N"));
        // September re-issued unchanged, every row N; October delivered for the first time
        assertThat(read(registration().resolve("esf-deltagare-2026-09-rattelse-1.csv")))
                .containsExactlyElementsOf(read(registration().resolve("esf-deltagare-2026-09.csv")));
        assertThat(read(registration().resolve("esf-deltagare-2026-10.csv"))).hasSize(2);
        // the first deliveries are kept as they were
        assertThat(Files.readAllBytes(registration().resolve("esf-deltagare-2026-08.csv"))).isEqualTo(august);
        assertThat(Files.readAllBytes(registration().resolve("esf-deltagare-2026-09.csv"))).isEqualTo(september);
        assertThat(jdbc.sql("SELECT period || ' v' || version || ' ' || reason FROM export_run ORDER BY export_id")
                .query(String.class).list())
                .containsExactly("2026-08 v1 NEW", "2026-09 v1 NEW", "2026-08 v2 CORRECTION", "2026-09 v2 REISSUE",
                        "2026-10 v1 NEW");
        assertThat(console).contains("RÄTTELSE").contains("rattelse J 1");

        // nothing changed since: exit 4, also for an earlier month
        assertThat(export("esf-export", "2026-10", "2026-11-16")).isEqualTo(ExitCodes.NOTHING_TO_DO);
        assertThat(export("esf-export", "2026-08", "2026-11-16")).isEqualTo(ExitCodes.NOTHING_TO_DO);

        // every delivery can be re-created byte for byte, the correction too
        long correction = jdbc.sql("SELECT export_id FROM export_run WHERE period = '2026-08' AND version = 2")
                .query(Long.class).single();
        var recreated = recreator.recreate(PROJECT, ExportRun.ESF, correction, out);
        assertThat(Files.readAllBytes(recreated.file()))
                .isEqualTo(Files.readAllBytes(registration().resolve("esf-deltagare-2026-08-rattelse-1.csv")));
    }

    @Test
    void aMonthThatIsNotOverIsRefused() {
        assertThatThrownBy(() -> export("esf-export", "2026-11", "2026-11-16")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not over");
        assertThatThrownBy(() -> export("esf-export", "2026-T1", "2026-11-16")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> export("esf-export", "2024-08", "2026-11-16")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("before the project's start");
    }

    private static String gender(String pnr) {
        return (pnr.charAt(10) - '0') % 2 == 0 ? "K" : "M";
    }
}
