package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunJsonWriterTest {

    @Test
    void sameDatasetGivesTheSameJsonWithTheSpecKeysFirst() {
        String json = RunJsonWriter.json(ReportDatasetFixture.halfYear(), List.of());
        assertThat(RunJsonWriter.json(ReportDatasetFixture.halfYear(), List.of())).isEqualTo(json);
        assertThat(json).startsWith("{\n  \"job\" : \"halfyear-report\",\n  \"execution_id\" : 42,\n  \"project\" : \"stockholmskraften\",");
        assertThat(json.indexOf("\"period\"")).isLessThan(json.indexOf("\"as_of\""));
        assertThat(json).contains("\"spec_version\" : \"1.2\"", "\"suppression_threshold\" : 5",
                "\"file\" : \"bistånd_socialtjänsten_2026-06-30.xlsx\"", "\"rows_rejected\" : 14",
                "\"reason\" : \"MONTH_OUT_OF_RANGE\"", "\"id\" : \"EMPLOYED_6M\"", "\"outputs\" : [ ]");
    }
}
