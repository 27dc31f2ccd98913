package se.uppfoljning.report;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * Writes every format of a report (tables.csv, XLSX, PDF, run.json) from its one dataset into
 * out/&lt;project&gt;/&lt;report-id&gt;/&lt;period&gt;/. One writer per process, so the JasperReports templates
 * are compiled once.
 */
@Component
public class ReportOutput {
    private final ReportWriter writer = new ReportWriter();

    public ReportWriter.ReportFiles write(ReportDataset dataset, Path out) throws Exception {
        return writer.write(dataset, ReportWriter.reportDir(out, dataset));
    }
}
