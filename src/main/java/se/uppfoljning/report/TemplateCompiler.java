package se.uppfoljning.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * Compiles every {@code <name>.jrxml} of a folder into {@code <name>.jasper}, with
 * {@code <name>.jasper.sha256} holding the jrxml's {@link JasperTemplates#stamp stamp}. The build runs it
 * on {@code target/classes/report-templates} (Maven's {@code process-classes} phase, see pom.xml), so
 * the jar carries the compiled templates and a run does not spend seconds compiling them
 * ({@link JasperTemplates}). A template that does not compile fails the build.
 *
 * <p>{@code java -cp <classpath> se.uppfoljning.report.TemplateCompiler <folder>}
 */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TemplateCompiler <folder with .jrxml files>");
            System.exit(2);
        }
        long start = System.nanoTime();
        List<Path> compiled = compileAll(Path.of(args[0]));
        System.out.printf("TemplateCompiler: %d report templates compiled in %s (%d ms)%n", compiled.size(), args[0],
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Compiles each jrxml of {@code folder}; returns the {@code .jasper} files written. */
    static List<Path> compileAll(Path folder) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(folder)) {
            sources = files.filter(p -> p.getFileName().toString().endsWith(JasperTemplates.SOURCE_SUFFIX)).sorted().toList();
        }
        return sources.stream().map(TemplateCompiler::compile).toList();
    }

    private static Path compile(Path jrxml) {
        String file = jrxml.getFileName().toString();
        String name = file.substring(0, file.length() - JasperTemplates.SOURCE_SUFFIX.length());
        Path jasper = jrxml.resolveSibling(name + JasperTemplates.COMPILED_SUFFIX);
        Path stampFile = jrxml.resolveSibling(name + JasperTemplates.STAMP_SUFFIX);
        try {
            byte[] source = Files.readAllBytes(jrxml);
            // the stamp goes last: a build stopped half-way leaves no stamp that vouches for a partial file
            Files.deleteIfExists(stampFile);
            JasperReport report = JasperTemplates.compile(name, source);
            try (OutputStream out = Files.newOutputStream(jasper)) {
                JRSaver.saveObject(report, out);
            }
            Files.writeString(stampFile, JasperTemplates.stamp(source) + "\n", StandardCharsets.UTF_8);
            return jasper;
        } catch (IOException | JRException e) {
            throw new IllegalStateException("writing " + jasper + ": " + e.getMessage(), e);
        }
    }
}
