package se.uppfoljning.export;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljning.TestPersons.adult;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.uppfoljning.cli.ExitCodes;

/** finsam-export: the Uppföljning Finsam counts by gender, anonymous participations included. */
class FinsamExportTest extends ExportTestBase {

    @Test
    void countsNewActiveAndEndedByGenderWithAnonymousParticipationsAndNoPersonalData() throws Exception {
        deliver("deltagare_2026-10-31.csv", List.of(
                with(episode(adult(0), "2025-11-03"), "kon", "K"),                           // active, not new
                with(episode(adult(1), "2026-02-02"), "kon", "K"),                           // new
                ended(with(episode(adult(2), "2026-03-02"), "kon", "M"), "2026-09-30", "ARBETE", "LON"), // new, ended
                with(with(episode(adult(3), "2026-04-01"), "kon", "X"), "samtycke", "N"),    // new, anonymous
                with(with(episode(adult(4), "2026-05-04"), "kon", "M"), "skyddad", "J"),     // new, protected
                ended(with(episode(adult(5), "2025-10-01"), "kon", "K"), "2025-12-31", "ARBETE", "LON"))); // before
        ingest("2026-11-01");

        assertThat(export("finsam-export", "2026", "2026-11-01")).isEqualTo(ExitCodes.DONE);

        var file = out.resolve(PROJECT).resolve("finsam").resolve("finsam-2026.csv");
        assertThat(read(file)).containsExactly(FinsamExport.HEADER,
                List.of("stockholmskraften", "2026", "nya", "1", "2", "1", "4"),
                List.of("stockholmskraften", "2026", "aktiva", "2", "2", "1", "5"),
                List.of("stockholmskraften", "2026", "avslutade", "0", "1", "0", "1"));
        String text = Files.readString(file);
        for (int n = 0; n < 6; n++) assertThat(text).doesNotContain(adult(n).substring(0, 8));
        assertThat(console).contains("anonyma deltagare bland de aktiva (räknas): 2");

        var before = snapshot(out);
        assertThat(export("finsam-export", "2026", "2026-11-01")).isEqualTo(ExitCodes.NOTHING_TO_DO);
        assertThat(snapshot(out)).isEqualTo(before);
    }
}
