package se.uppfoljning.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;

/**
 * The JasperReports templates of {@code report-templates/} (on the classpath), each compiled at its
 * first use and kept for the life of the JVM: compiling costs seconds, filling a compiled report
 * milliseconds. A compiled {@link JasperReport} is immutable, so one copy serves every run and
 * thread; the cache is the only state, shared on purpose.
 */
final class JasperTemplates {

    static final String FOLDER = "report-templates/";
    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();
    private static volatile JRTemplate styles;

    private JasperTemplates() {
    }

    /** The compiled template {@code report-templates/<name>.jrxml}. */
    static JasperReport report(String name) {
        return COMPILED.computeIfAbsent(name, JasperTemplates::compile);
    }

    /** The shared styles, {@code report-templates/stilar.jrtx}. */
    static JRTemplate styles() {
        JRTemplate loaded = styles;
        if (loaded == null) {
            try (InputStream in = open("stilar.jrtx")) {
                loaded = JRXmlTemplateLoader.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            styles = loaded;
        }
        return loaded;
    }

    private static JasperReport compile(String name) {
        try (InputStream in = open(name + ".jrxml")) {
            return JasperCompileManager.compileReport(in);
        } catch (JRException e) {
            throw new IllegalStateException("report template " + FOLDER + name + ".jrxml does not compile: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = JasperTemplates.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalStateException("no report template " + FOLDER + file + " on the classpath");
        }
        return in;
    }
}
