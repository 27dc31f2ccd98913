package se.uppfoljning.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes every output of one report run (SPEC §7) into one folder: {@code tables.csv},
 * {@code <report-id>.xlsx}, {@code <report-id>.pdf} and {@code run.json}, all from the same
 * {@link ReportDataset}. The files are first written under temporary names and moved into place
 * together at the end, so a failed run leaves the previous run's files as they were, never half a set.
 */
public final class ReportWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportWriter.class);
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The four files of one run. */
    public record ReportFiles(Path tablesCsv, Path xlsx, Path pdf, Path runJson) {
    }

    private final TablesCsvWriter csv = new TablesCsvWriter();
    private final XlsxReportWriter xlsx;
    private final PdfReportRenderer pdf;
    private final RunJsonWriter runJson = new RunJsonWriter();

    public ReportWriter() {
        this(ReportLabels.swedish());
    }

    public ReportWriter(ReportLabels labels) {
        this.xlsx = new XlsxReportWriter(labels);
        this.pdf = new PdfReportRenderer(labels);
    }

    /** {@code out/<project>/<report-id>/<period>/} (SPEC §7). */
    public static Path reportDir(Path out, ReportDataset dataset) {
        return out.resolve(segment(dataset.projectId())).resolve(segment(dataset.reportId()))
                .resolve(segment(dataset.period()));
    }

    /** Writes the four files into {@code dir} (created if missing), replacing an earlier run's. */
    public ReportFiles write(ReportDataset dataset, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Path> staged = new LinkedHashMap<>();
        try {
            long start = System.nanoTime();
            Path tables = stage(dir, TablesCsvWriter.FILE_NAME, staged);
            csv.write(dataset, tables);
            long csvDone = System.nanoTime();
            Path workbook = stage(dir, XlsxReportWriter.fileName(dataset), staged);
            xlsx.write(dataset, workbook);
            long xlsxDone = System.nanoTime();
            Path document = stage(dir, PdfReportRenderer.fileName(dataset), staged);
            pdf.render(dataset, document);
            long pdfDone = System.nanoTime();
            log.info("{} {}: tables.csv {} ms, xlsx {} ms, pdf {} ms", dataset.reportId(), dataset.period(),
                    (csvDone - start) / 1_000_000, (xlsxDone - csvDone) / 1_000_000, (pdfDone - xlsxDone) / 1_000_000);

            List<RunJsonWriter.OutputFile> outputs = new ArrayList<>();
            for (Map.Entry<String, Path> file : staged.entrySet()) {
                outputs.add(new RunJsonWriter.OutputFile(file.getKey(), sha256(file.getValue()), Files.size(file.getValue())));
            }
            Path lineage = stage(dir, RunJsonWriter.FILE_NAME, staged);
            runJson.write(dataset, outputs, lineage);

            for (Map.Entry<String, Path> file : staged.entrySet()) {
                move(file.getValue(), dir.resolve(file.getKey()));
            }
            staged.clear();
        } finally {
            for (Path leftover : staged.values()) {
                Files.deleteIfExists(leftover);
            }
        }
        return new ReportFiles(dir.resolve(TablesCsvWriter.FILE_NAME), dir.resolve(XlsxReportWriter.fileName(dataset)),
                dir.resolve(PdfReportRenderer.fileName(dataset)), dir.resolve(RunJsonWriter.FILE_NAME));
    }

    private static Path stage(Path dir, String name, Map<String, Path> staged) {
        Path temporary = dir.resolve("." + name + ".tmp");
        staged.put(name, temporary);
        return temporary;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String segment(String value) {
        if (value == null || !SAFE_SEGMENT.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("not usable as a folder name: " + value);
        }
        return value;
    }
}
