package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxReportWriterTest {

    @Test
    void sheetNamesAreSafeShortAndUnique() {
        Set<String> used = new HashSet<>(Set.of("om rapporten"));
        String first = XlsxReportWriter.sheetName("a_very_long_table_identifier_that_goes_on_and_on", used);
        String second = XlsxReportWriter.sheetName("a_very_long_table_identifier_that_goes_on_and_on_too", used);
        String odd = XlsxReportWriter.sheetName("exits/by:status?[x]", used);
        String clash = XlsxReportWriter.sheetName("Om rapporten", used);
        assertThat(List.of(first, second, odd, clash)).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(31));
        assertThat(second).isNotEqualToIgnoringCase(first).endsWith("~2");
        assertThat(odd).doesNotContain("/", ":", "?", "[", "]");
        assertThat(clash).isEqualTo("Om rapporten~2");
    }

    @Test
    void monthlyWorkbookShowsTheYearSoFarBesideTheMonth() throws IOException {
        try (Workbook workbook = write(ReportDatasetFixture.monthly())) {
            Sheet flows = workbook.getSheet("part_new_team");
            assertThat(flows.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Maj 2026");
            assertThat(flows.getRow(2).getCell(7).getStringCellValue()).isEqualTo("Hittills i år");
            assertThat(flows.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Nya deltagare efter team");
            assertThat(flows.getRow(XlsxReportWriter.HEADER_ROW + 1).getCell(2).getStringCellValue()).isEqualTo("Team 1");
            assertThat(workbook.getSheet("exits").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Till arbete, varav subventionerat arbete, Till studier m.fl.");
        }
    }

    @Test
    void withoutComparisonFiguresTheSheetHasOnlyThePeriod() throws IOException {
        ReportDataset esf = ReportDatasetFixture.esf();
        ReportDataset alone = new ReportDataset("halvarsrapport", esf.job(), esf.executionId(), esf.projectId(),
                esf.projectName(), esf.period(), esf.periodStart(), esf.periodEnd(), esf.asOf(), esf.specVersion(),
                esf.suppressionThreshold(), esf.cells(), List.of(), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        try (Workbook workbook = write(alone)) {
            Sheet output = workbook.getSheet("esf_output");
            assertThat(output.getRow(XlsxReportWriter.HEADER_ROW).getCell(7).getStringCellValue()).isEqualTo("Enhet");
            assertThat(output.getRow(XlsxReportWriter.HEADER_ROW).getCell(8).getStringCellValue()).isEqualTo("Indikator-ID");
        }
    }

    private static Workbook write(ReportDataset dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxReportWriter(ReportLabels.swedish()).write(dataset, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }
}
