package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TablesCsvWriterTest {

    @Test
    void writesTheHeaderAndOneLinePerCell() throws IOException {
        String csv = write(List.of(
                cell("area", "Skärholmen", "kvinna", "12", false, "persons"),
                cell("total", "total", "totalt", "0.25", false, "share"),
                cell("total", "total", "man", "3", true, "persons")));
        assertThat(csv).isEqualTo("""
                report_id;table_id;indicator;breakdown;breakdown_value;gender;value;suppressed;unit
                halvarsrapport;t1;PART_NEW;area;Skärholmen;kvinna;12;false;persons
                halvarsrapport;t1;PART_NEW;total;total;totalt;0.2500;false;share
                halvarsrapport;t1;PART_NEW;total;total;man;;true;persons
                """);
    }

    @Test
    void aSuppressedCellNeverShowsItsValue() throws IOException {
        assertThat(write(List.of(cell("total", "total", "man", "3", true, "persons"))))
                .endsWith(";man;;true;persons\n");
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralisedAndQuotedWhereNeeded() throws IOException {
        String csv = write(List.of(
                cell("area", "=1+2", "kvinna", "5", false, "persons"),
                cell("area", "@SUM(A1)", "kvinna", "5", false, "persons"),
                cell("area", "Norr; Söder", "kvinna", "5", false, "persons"),
                cell("area", "Det \"nya\" området", "kvinna", "5", false, "persons"),
                cell("area", "-5", "kvinna", "5", false, "persons")));
        assertThat(csv).contains(";'=1+2;", ";'@SUM(A1);", ";\"Norr; Söder\";", ";\"Det \"\"nya\"\" området\";", ";-5;");
        assertThat(csv.getBytes(StandardCharsets.UTF_8)[0]).isEqualTo((byte) 'r');
    }

    private static ReportCell cell(String breakdown, String value, String gender, String number, boolean suppressed,
                                   String unit) {
        return new ReportCell("t1", "PART_NEW", breakdown, value, gender, new BigDecimal(number), suppressed, unit);
    }

    private static String write(List<ReportCell> cells) throws IOException {
        ReportDataset dataset = new ReportDataset("halvarsrapport", "halfyear-report", 1, "p", "P", "2026-H1",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1), "1.2", 5, cells,
                List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TablesCsvWriter().write(dataset, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
