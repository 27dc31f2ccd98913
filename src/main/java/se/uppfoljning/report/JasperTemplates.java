package se.uppfoljning.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;

/**
 * The JasperReports templates of {@code report-templates/} (on the classpath), each loaded at its
 * first use and kept for the life of the JVM. A compiled {@link JasperReport} is immutable, so one
 * copy serves every run and thread; the cache is the only state, shared on purpose.
 *
 * <p>Compiling a {@code .jrxml} costs seconds in a fresh JVM (the expression compiler warms up: 5–15 s
 * for the ten templates, half of a demo), loading a compiled one milliseconds. So the build compiles
 * them ({@link TemplateCompiler}, in Maven's {@code process-classes} phase) into
 * {@code <name>.jasper} beside each {@code <name>.jrxml} in the jar, with {@code <name>.jasper.sha256}
 * holding the {@link #stamp} of the jrxml it was compiled from: the SHA-256 of the jrxml and the
 * JasperReports version. A template is loaded from its {@code .jasper} only when that stamp matches
 * the jrxml on the classpath now; otherwise (a template edited in a build that did not compile it, such
 * as an IDE copying resources; a {@code .jasper} of another JasperReports version; a missing or
 * damaged file) it is compiled from the jrxml as before, with a line in the log. An edited template is
 * therefore always what renders.
 *
 * <p>Why at build time and not a cache on disk under the data folder: the build-time files travel in
 * the jar, so the first run on a fresh data folder (the demo, a new installation) is fast too; they
 * are compiled in the same build as the classes their expressions call ({@link PdfReportData}), so
 * they cannot outlive a change to those; and nothing is deserialised that the program wrote at run
 * time (the {@code .jasper} comes from the jar, like the code itself).
 */
final class JasperTemplates {

    static final String FOLDER = "report-templates/";
    static final String SOURCE_SUFFIX = ".jrxml";
    static final String COMPILED_SUFFIX = ".jasper";
    static final String STAMP_SUFFIX = ".jasper.sha256";

    private static final Logger log = LoggerFactory.getLogger(JasperTemplates.class);
    private static final Map<String, JasperReport> LOADED = new ConcurrentHashMap<>();
    private static volatile JRTemplate styles;

    /** How a template was obtained: the build's compiled file, or compiled here from the jrxml. */
    enum Origin { PRECOMPILED, COMPILED }

    record Loaded(JasperReport report, Origin origin) {
    }

    private JasperTemplates() {
    }

    /** The compiled template {@code report-templates/<name>.jrxml}. */
    static JasperReport report(String name) {
        return LOADED.computeIfAbsent(name, n -> load(n, JasperTemplates::openClasspath).report());
    }

    /** The shared styles, {@code report-templates/stilar.jrtx}. */
    static JRTemplate styles() {
        JRTemplate loaded = styles;
        if (loaded == null) {
            try (InputStream in = required(JasperTemplates::openClasspath, "stilar.jrtx")) {
                loaded = JRXmlTemplateLoader.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            styles = loaded;
        }
        return loaded;
    }

    /**
     * Template {@code name} from the files {@code open} gives by name ({@code null} for a file that is
     * not there): its {@code .jasper} when the stamp beside it matches the {@code .jrxml}, else the
     * {@code .jrxml} compiled now.
     */
    static Loaded load(String name, Function<String, InputStream> open) {
        byte[] jrxml = read(open, name + SOURCE_SUFFIX);
        if (jrxml == null) {
            throw new IllegalStateException("no report template " + FOLDER + name + SOURCE_SUFFIX + " on the classpath");
        }
        String stamp = stamp(jrxml);
        byte[] stored = read(open, name + STAMP_SUFFIX);
        String why;
        if (stored == null) {
            why = "no compiled " + name + COMPILED_SUFFIX + " from the build";
        } else if (!new String(stored, StandardCharsets.UTF_8).trim().equals(stamp)) {
            why = name + SOURCE_SUFFIX + " differs from the one " + name + COMPILED_SUFFIX + " was compiled from"
                    + " (edited, or another JasperReports version)";
        } else {
            try (InputStream in = open.apply(name + COMPILED_SUFFIX)) {
                if (in == null) {
                    why = "no compiled " + name + COMPILED_SUFFIX + " from the build";
                } else if (JRLoader.loadObject(in) instanceof JasperReport report) {
                    return new Loaded(report, Origin.PRECOMPILED);
                } else {
                    why = name + COMPILED_SUFFIX + " holds no report";
                }
            } catch (IOException | JRException | RuntimeException | LinkageError e) {
                why = name + COMPILED_SUFFIX + " could not be read (" + e + ")";
            }
        }
        log.info("report template {}{}: compiling it now: {}", FOLDER, name, why);
        return new Loaded(compile(name, jrxml), Origin.COMPILED);
    }

    /** What {@code <name>.jasper.sha256} holds: the jrxml's SHA-256 and the JasperReports version. */
    static String stamp(byte[] jrxml) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jrxml));
            return "sha256=" + sha + " jasperreports=" + jasperReportsVersion();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From the JasperReports jar's manifest; the same jar at build and run time gives the same text. */
    static String jasperReportsVersion() {
        String version = JasperReport.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    static JasperReport compile(String name, byte[] jrxml) {
        try {
            return JasperCompileManager.compileReport(new java.io.ByteArrayInputStream(jrxml));
        } catch (JRException e) {
            throw new IllegalStateException("report template " + FOLDER + name + SOURCE_SUFFIX + " does not compile: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] read(Function<String, InputStream> open, String file) {
        try (InputStream in = open.apply(file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + FOLDER + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream required(Function<String, InputStream> open, String file) {
        InputStream in = open.apply(file);
        if (in == null) {
            throw new IllegalStateException("no report template " + FOLDER + file + " on the classpath");
        }
        return in;
    }

    private static InputStream openClasspath(String file) {
        return JasperTemplates.class.getClassLoader().getResourceAsStream(FOLDER + file);
    }
}
