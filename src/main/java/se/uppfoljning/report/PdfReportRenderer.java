package se.uppfoljning.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders {@code <report-id>.pdf} with JasperReports from {@code report-templates/<report-id>.jrxml}
 * and the shared subreports ({@code tabell}, {@code lista}, {@code text}, {@code stapeldiagram},
 * {@code linjediagram}) and styles ({@code stilar.jrtx}). The dataset is turned into named sections
 * by {@link PdfReportModel}; the templates are filled from those (map data sources), never from the
 * database. A4, DejaVu Sans embedded throughout, Swedish labels from {@link ReportLabels}.
 */
public final class PdfReportRenderer {

    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final ReportLabels labels;

    public PdfReportRenderer(ReportLabels labels) {
        this.labels = labels;
    }

    public static String fileName(ReportDataset dataset) {
        return dataset.reportId() + ".pdf";
    }

    public void render(ReportDataset dataset, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            render(dataset, out);
        }
    }

    public void render(ReportDataset dataset, OutputStream out) throws IOException {
        JasperPrint print = fill(dataset);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(labels.report(dataset.reportId()) + " – " + dataset.projectName() + " – "
                + labels.period(dataset.period()));
        configuration.setMetadataAuthor(dataset.projectName());
        configuration.setMetadataSubject(dataset.reportId() + " " + dataset.period() + ", as of " + dataset.asOf());
        configuration.setMetadataCreator("uppfoljning " + dataset.job());
        configuration.setTagLanguage("sv-SE");
        configuration.setDisplayMetadataTitle(true);
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new IOException("exporting " + dataset.reportId() + ".pdf failed: " + e.getMessage(), e);
        }
    }

    /** The filled report, before export (tests look at its pages). */
    JasperPrint fill(ReportDataset dataset) throws IOException {
        Map<String, Object> common = new HashMap<>();
        common.put("STYLES", JasperTemplates.styles());
        common.put(JRParameter.REPORT_LOCALE, SWEDISH);
        common.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels.bundle());
        PdfReportData data = PdfReportModel.build(dataset, labels, common);

        Map<String, Object> parameters = new HashMap<>(common);
        parameters.put("DATA", data);
        parameters.put("TABLE", JasperTemplates.report("tabell"));
        parameters.put("LIST", JasperTemplates.report("lista"));
        parameters.put("TEXT", JasperTemplates.report("text"));
        parameters.put("BAR_CHART", JasperTemplates.report("stapeldiagram"));
        parameters.put("LINE_CHART", JasperTemplates.report("linjediagram"));
        parameters.put("REPORT_TITLE", labels.report(dataset.reportId()));
        parameters.put("PROJECT", dataset.projectName());
        parameters.put("PERIOD_LABEL", labels.period(dataset.period()));
        parameters.put("PERIOD_DATES", dataset.periodStart() + " – " + dataset.periodEnd());
        parameters.put("FOOTER", labels.text("page.prepared", "Datauttag per") + " " + dataset.asOf() + " · "
                + labels.text("page.run", "körning") + " " + dataset.job() + " #" + dataset.executionId());
        try {
            return JasperFillManager.fillReport(JasperTemplates.report(dataset.reportId()), parameters,
                    new JREmptyDataSource(1));
        } catch (JRException e) {
            throw new IOException("filling " + dataset.reportId() + ".pdf failed: " + e.getMessage(), e);
        }
    }
}
