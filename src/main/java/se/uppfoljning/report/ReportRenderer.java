package se.uppfoljning.report;

import java.nio.file.Path;

/** Writes one format of a report (PDF, XLSX, tables.csv, run.json) into the report's folder. */
public interface ReportRenderer {

    /** The file name it writes for this report, e.g. tables.csv or halvarsrapport.pdf. */
    String fileName(ReportDataset dataset);

    void write(ReportDataset dataset, Path dir) throws Exception;
}
