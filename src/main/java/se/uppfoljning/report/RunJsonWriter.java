package se.uppfoljning.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes run.json (SPEC §7): the lineage of one report run. Keys in a fixed order, two-space
 * indentation, {@code \n} line ends; no clock time, so it changes only when the run does. Besides
 * the required keys (job, execution_id, project, period, as_of, spec_version, extracts) it records
 * the report, the period's dates, the disclosure threshold, the definitions used and the files the
 * run wrote with their checksums.
 */
public final class RunJsonWriter {

    public static final String FILE_NAME = "run.json";

    /** A file the run wrote, with its SHA-256 (hex) and size. */
    public record OutputFile(String file, String sha256, long bytes) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public void write(ReportDataset dataset, List<OutputFile> outputs, Path file) throws IOException {
        Files.writeString(file, json(dataset, outputs), StandardCharsets.UTF_8);
    }

    static String json(ReportDataset dataset, List<OutputFile> outputs) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("job", dataset.job());
        root.put("execution_id", dataset.executionId());
        root.put("project", dataset.projectId());
        root.put("project_name", dataset.projectName());
        root.put("report_id", dataset.reportId());
        root.put("period", dataset.period());
        root.put("period_start", String.valueOf(dataset.periodStart()));
        root.put("period_end", String.valueOf(dataset.periodEnd()));
        root.put("previous_period", dataset.previousPeriod());
        root.put("as_of", String.valueOf(dataset.asOf()));
        root.put("spec_version", dataset.specVersion());
        root.put("suppression_threshold", dataset.suppressionThreshold());
        root.put("cells", dataset.cells().size());
        ArrayNode extracts = root.putArray("extracts");
        for (ReportDataset.ExtractLineage extract : dataset.extracts()) {
            ObjectNode node = extracts.addObject();
            node.put("source", extract.source());
            node.put("file", extract.file());
            node.put("sha256", extract.sha256());
            node.put("rows_read", extract.rowsRead());
            node.put("rows_loaded", extract.rowsLoaded());
            node.put("rows_rejected", extract.rowsRejected());
            node.put("status", extract.status());
            ArrayNode reasons = node.putArray("top_reject_reasons");
            for (ReportDataset.ReasonCount reason : extract.topRejectReasons()) {
                reasons.addObject().put("reason", reason.reason()).put("rows", reason.rows());
            }
        }
        ArrayNode definitions = root.putArray("definitions");
        for (ReportDataset.Definition definition : dataset.definitions()) {
            definitions.addObject().put("id", definition.id()).put("text_sv", definition.textSv())
                    .put("text_en", definition.textEn());
        }
        ArrayNode files = root.putArray("outputs");
        for (OutputFile output : outputs) {
            files.addObject().put("file", output.file()).put("sha256", output.sha256()).put("bytes", output.bytes());
        }
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return MAPPER.writer().with(printer).writeValueAsString(root) + "\n";
    }
}
