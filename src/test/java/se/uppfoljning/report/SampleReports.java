package se.uppfoljning.report;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the fixture's five reports into a folder, to look at them (docs/reports.md says how):
 * {@code java -cp <test classpath> se.uppfoljning.report.SampleReports out/sample}.
 */
public final class SampleReports {

    private SampleReports() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "out/sample");
        ReportWriter writer = new ReportWriter();
        for (ReportDataset dataset : List.of(ReportDatasetFixture.halfYear(), ReportDatasetFixture.tertial(),
                ReportDatasetFixture.annual(), ReportDatasetFixture.monthly(), ReportDatasetFixture.esf())) {
            Path dir = ReportWriter.reportDir(out, dataset);
            writer.write(dataset, dir);
            System.out.println(dir);
        }
    }
}
