package se.uppfoljning.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Writes every format of a report into out/&lt;project&gt;/&lt;report-id&gt;/&lt;period&gt;/. The files are
 * written into a fresh folder beside it and moved into place at the end, so a crash never leaves a
 * half-written report where a reader would take it for whole.
 */
@Component
public class ReportOutput {
    private final List<ReportRenderer> renderers;

    public ReportOutput(List<ReportRenderer> renderers) {
        this.renderers = renderers;
    }

    public static Path dirOf(Path out, String projectId, String reportId, String period) {
        return out.resolve(projectId).resolve(reportId).resolve(period);
    }

    public Path write(ReportDataset dataset, Path out) throws Exception {
        Path target = dirOf(out, dataset.projectId(), dataset.reportId(), dataset.period());
        Files.createDirectories(target.getParent());
        Path staging = target.resolveSibling("." + target.getFileName() + ".writing-" + dataset.executionId());
        deleteTree(staging);
        Files.createDirectories(staging);
        for (ReportRenderer renderer : renderers) renderer.write(dataset, staging);
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + dataset.executionId());
        if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
