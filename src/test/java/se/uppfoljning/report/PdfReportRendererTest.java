package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each report's template renders from its dataset, with the pages docs/reports.md describes. */
class PdfReportRendererTest {

    private final ReportLabels labels = ReportLabels.swedish();
    private final PdfReportRenderer renderer = new PdfReportRenderer(labels);

    @TempDir
    Path dir;

    @Test
    void monthlyReportHasFlowsYearToDateTeamsTargetsProcessAndDataQuality() throws IOException {
        String text = render(ReportDatasetFixture.monthly());
        assertThat(text).contains("Månadsrapport", "Maj 2026", "Hittills i år", "Deltagarflöden efter team", "Team 1",
                "Aktiva deltagare per månad", "Avslut efter status vid avslut", "Utfall mot projektets mål", "Andel av målet",
                "43,1", "Processmått", "Gemensam kartläggning", "78,1", "24,5", "Datakvalitet",
                "deltagare: deltagare_2026-06-30.csv", "(INVALID_PNR)", "Inget försörjningsstöd inom 31 dagar från",
                "(REQUIRES_FORSORJNINGSSTOD)", "Summa", "Om rapporten",
                "Ingen: rapporten är för projektledningen");
    }

    @Test
    void esfReportListsIndicatorsWithoutDataAsNotCollected() throws IOException {
        ReportDataset esf = ReportDatasetFixture.esf();
        String text = render(esf);
        assertThat(text).contains("ESF+-indikatorer", "Hela projekttiden", "EECO01 Deltagare totalt",
                "EECO12 Deltagare med", "EECO13 Tredjelandsmedborgare", "EECR03 Har fått en kvalifikation",
                "EECR04 I arbete, inklusive", "Projektets deltagare");
        assertThat(count(text, "ej insamlat")).isGreaterThanOrEqualTo(6);
        assertThat(esf.cells()).noneMatch(c -> c.indicator().equals("EECO13") || c.indicator().equals("EECR03"));
        String lifetimeTotal = CellValues.display(esf.cumulative().stream()
                .filter(c -> c.indicator().equals("EECO01") && c.gender().equals("totalt")).findFirst().orElseThrow(), labels);
        assertThat(text).contains(lifetimeTotal);
    }

    @Test
    void tertialAndAnnualReportsUseTheFinsamPages() throws IOException {
        assertThat(render(ReportDatasetFixture.tertial())).contains("Tertialrapport", "Tertial 1 2026 (januari–april)",
                "Tertial 3 2025 (september–december)", "Nya deltagare efter remittent", "Antal att rapportera i Uppföljning Finsam");
        assertThat(render(ReportDatasetFixture.annual())).contains("Helårsrapport", "Helåret 2025", "Helåret 2024",
                "Resultat och uppföljning");
    }

    @Test
    void everyFigureOfTablesCsvIsOnSomePage() {
        for (ReportDataset dataset : List.of(ReportDatasetFixture.halfYear(), ReportDatasetFixture.monthly(),
                ReportDatasetFixture.esf())) {
            PdfReportData data = PdfReportModel.build(dataset, labels, Map.of());
            Set<String> shown = new HashSet<>();
            for (String key : data.keys()) {
                data.rowList(key).forEach(row -> {
                    if (row.get("id") != null) {
                        shown.add((String) row.get("id"));
                    }
                });
            }
            for (ReportCell cell : dataset.cells()) {
                assertThat(shown).as(dataset.reportId()).contains(cell.indicator() + "|" + cell.breakdown() + "|" + cell.breakdownValue());
            }
        }
    }

    @Test
    void aBaseOfZeroIsShownAsNotMeasurableYet() {
        ReportDataset dataset = ReportDatasetFixture.halfYear();
        PdfReportData data = PdfReportModel.build(dataset, labels, Map.of());
        Map<String, Map<String, ?>> outcomes = new HashMap<>();
        data.rowList("outcomes").forEach(row -> outcomes.put((String) row.get("id"), row));
        Map<String, ?> employed = outcomes.get("EMPLOYED_6M|total|total");
        assertThat(employed.get("c4")).isEqualTo("ej mätbar än");
        assertThat(outcomes.get("EMPLOYED_6M_BASE|total|total").get("c1")).isEqualTo("ej mätbar än");
        // non-binary participants are never measurable for self-sufficiency in the fixture
        assertThat(outcomes.get("SELF_SUFFICIENT_3M|total|total").get("c3")).isEqualTo("ej mätbar än");
    }

    @Test
    void templatesAreCompiledOncePerJvm() {
        assertThat(JasperTemplates.report("tabell")).isSameAs(JasperTemplates.report("tabell"));
        assertThat(JasperTemplates.styles()).isSameAs(JasperTemplates.styles());
    }

    @Test
    void aReportWithoutATemplateFailsClearly() {
        ReportDataset unknown = copyWithReport(ReportDatasetFixture.halfYear(), "kvartalsrapport");
        assertThatThrownBy(() -> renderer.render(unknown, dir.resolve("x.pdf")))
                .hasMessageContaining("report-templates/kvartalsrapport.jrxml");
    }

    static ReportDataset copyWithReport(ReportDataset d, String reportId) {
        return new ReportDataset(reportId, d.job(), d.executionId(), d.projectId(), d.projectName(), d.period(),
                d.periodStart(), d.periodEnd(), d.asOf(), d.specVersion(), d.suppressionThreshold(), d.cells(),
                d.previous(), d.previousPeriod(), d.cumulative(), d.activeByMonth(), d.targets(), d.processMeasures(),
                d.extracts(), d.eligibilityFindings(), d.definitions());
    }

    private String render(ReportDataset dataset) throws IOException {
        Path pdf = dir.resolve(dataset.reportId() + ".pdf");
        renderer.render(dataset, pdf);
        assertThat(PdfText.pages(pdf)).isBetween(3, 12);
        return PdfText.of(pdf);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
