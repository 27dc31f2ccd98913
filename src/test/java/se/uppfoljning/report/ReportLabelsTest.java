package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportLabelsTest {

    private final ReportLabels labels = ReportLabels.swedish();

    @Test
    void indicatorsAndBreakdownsHaveSwedishLabels() {
        assertThat(labels.indicator("PART_NEW")).isEqualTo("Nya deltagare");
        assertThat(labels.indicator("EXIT_WORK")).isEqualTo("Till arbete");
        assertThat(labels.indicator("EECO01")).isEqualTo("Deltagare totalt");
        assertThat(labels.breakdown("age_band")).isEqualTo("Åldersgrupp");
        assertThat(labels.breakdown("area")).isEqualTo("Stadsdel/område");
        assertThat(labels.breakdown("support_group_start")).isEqualTo("Försörjning vid start");
        assertThat(labels.gender("ickebinar")).isEqualTo("Icke-binära");
        assertThat(labels.report("halvarsrapport")).isEqualTo("Halvårsrapport");
    }

    @Test
    void breakdownValuesAsReadersKnowThem() {
        assertThat(labels.breakdownValue("age_band", "18-29")).isEqualTo("18–29 år");
        assertThat(labels.breakdownValue("age_band", "<18")).isEqualTo("Under 18 år");
        assertThat(labels.breakdownValue("age_band_fine", "65+")).isEqualTo("65 år och äldre");
        assertThat(labels.breakdownValue("team", "3")).isEqualTo("Team 3");
        assertThat(labels.breakdownValue("referrer", "AF")).isEqualTo("Arbetsförmedlingen");
        assertThat(labels.breakdownValue("support_group_start", "ekonomiskt_bistand")).isEqualTo("Ekonomiskt bistånd");
        assertThat(labels.breakdownValue("area", "Hässelby-Vällingby")).isEqualTo("Hässelby-Vällingby");
    }

    @Test
    void anIdWithoutALabelIsShownAsItself() {
        assertThat(labels.indicator("NEW_INDICATOR_X")).isEqualTo("NEW_INDICATOR_X");
        assertThat(labels.breakdownValue("referrer", "NYTT")).isEqualTo("NYTT");
    }

    @Test
    void periods() {
        assertThat(labels.period("2026-03")).isEqualTo("Mars 2026");
        assertThat(labels.period("2026-H1")).isEqualTo("Första halvåret 2026");
        assertThat(labels.period("2025-H2")).isEqualTo("Andra halvåret 2025");
        assertThat(labels.period("2026-T2")).isEqualTo("Tertial 2 2026 (maj–augusti)");
        assertThat(labels.period("2026")).isEqualTo("Helåret 2026");
        assertThat(labels.period("lifetime")).isEqualTo("Hela projekttiden");
    }

    @Test
    void formatFillsPlaceholders() {
        assertThat(labels.format("about.suppression_text", 4, 5)).startsWith("Celler med 1–4 personer visas som .. (tröskel 5)");
    }
}
