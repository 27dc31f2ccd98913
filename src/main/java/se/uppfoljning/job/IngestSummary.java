package se.uppfoljning.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import se.uppfoljning.extract.FileRegistry.FileSummary;

/** The closing table of an ingest: per file rows read, loaded, rejected and its status. */
public final class IngestSummary {
    private IngestSummary() {
    }

    public static void print(PrintStream out, String projectId, IngestRunner.Result result, Path outDir) {
        out.printf(Locale.ROOT, "%nInläsning %s%s%n", projectId,
                result.executionId() == null ? "" : " (körning " + result.executionId() + ")");
        if (result.files().isEmpty()) {
            out.println("  Inga nya filer i inkorgen.");
            return;
        }
        out.printf(Locale.ROOT, "  %-10s %-34s %9s %9s %9s  %s%n", "källa", "fil", "lästa", "inlästa", "avvisade", "status");
        for (FileSummary f : result.files()) {
            boolean unchanged = result.unchangedFileIds().contains(f.fileId());
            out.printf(Locale.ROOT, "  %-10s %-34s %9s %9s %9s  %s%n", f.source(), f.fileName(), n(f.rowsRead()),
                    n(f.rowsLoaded()), n(f.rowsRejected()), unchanged ? "oförändrad (redan inläst)" : status(f.status()));
        }
        for (FileSummary f : result.files()) {
            if (!result.unchangedFileIds().contains(f.fileId()) && f.messageSv() != null) {
                out.println("  ! " + f.messageSv());
            }
        }
        long withRejects = result.files().stream()
                .filter(f -> !result.unchangedFileIds().contains(f.fileId()) && f.rowsRejected() != null && f.rowsRejected() > 0)
                .count();
        if (withRejects > 0) out.println("  Avvisade rader: " + outDir.resolve("rejects") + "/<källa>/<fil>.rejects.csv");
    }

    private static String n(Integer v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,d", v).replace(',', ' ');
    }

    private static String status(String s) {
        return switch (s) {
            case "LOADED" -> "inläst";
            case "FAILED" -> "UNDERKÄND";
            case "SUPERSEDED" -> "ersatt av nyare leverans";
            default -> s;
        };
    }
}
