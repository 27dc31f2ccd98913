package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.uppfoljning.report.JasperTemplates.Origin;

/**
 * The build's compiled templates are used only while they match the jrxml beside them: an edited
 * template, a damaged or foreign .jasper, or none at all, means the jrxml is compiled at run time.
 */
class JasperTemplatesTest {

    @TempDir
    Path dir;

    private final Function<String, InputStream> folder = file -> {
        try {
            return Files.newInputStream(dir.resolve(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    @BeforeEach
    void copyTemplate() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("report-templates/text.jrxml")) {
            Files.write(dir.resolve("text.jrxml"), in.readAllBytes());
        }
    }

    @Test
    void theBuildCompiledEveryTemplateOnTheClasspath() {
        for (String name : List.of("tabell", "lista", "text", "stapeldiagram", "linjediagram", "manadsrapport",
                "tertialrapport", "halvarsrapport", "helarsrapport", "esf-indikatorer")) {
            assertThat(JasperTemplates.load(name, file -> getClass().getClassLoader()
                    .getResourceAsStream(JasperTemplates.FOLDER + file)).origin()).as(name).isEqualTo(Origin.PRECOMPILED);
        }
    }

    @Test
    void aTemplateWithoutACompiledFileIsCompiled() {
        var loaded = JasperTemplates.load("text", folder);
        assertThat(loaded.origin()).isEqualTo(Origin.COMPILED);
        assertThat(loaded.report().getName()).isEqualTo("text");
    }

    @Test
    void aCompiledFileMatchingItsTemplateIsLoaded() throws IOException {
        assertThat(TemplateCompiler.compileAll(dir)).containsExactly(dir.resolve("text.jasper"));
        var loaded = JasperTemplates.load("text", folder);
        assertThat(loaded.origin()).isEqualTo(Origin.PRECOMPILED);
        assertThat(loaded.report().getName()).isEqualTo("text");
    }

    @Test
    void anEditedTemplateIsCompiledAgainAndTheEditIsWhatRenders() throws IOException {
        TemplateCompiler.compileAll(dir);
        Path jrxml = dir.resolve("text.jrxml");
        Files.writeString(jrxml, Files.readString(jrxml).replace("<jasperReport name=\"text\"",
                "<jasperReport name=\"text-edited\""));
        var loaded = JasperTemplates.load("text", folder);
        assertThat(loaded.origin()).isEqualTo(Origin.COMPILED);
        assertThat(loaded.report().getName()).isEqualTo("text-edited");
    }

    @Test
    void aDamagedCompiledFileIsCompiledAgainNotAFailure() throws IOException {
        TemplateCompiler.compileAll(dir);
        Path jasper = dir.resolve("text.jasper");
        byte[] whole = Files.readAllBytes(jasper);
        Files.write(jasper, Arrays.copyOf(whole, whole.length / 2));
        assertThat(JasperTemplates.load("text", folder).origin()).isEqualTo(Origin.COMPILED);

        Files.writeString(jasper, "not a serialised report");
        assertThat(JasperTemplates.load("text", folder).origin()).isEqualTo(Origin.COMPILED);

        Files.delete(jasper);
        assertThat(JasperTemplates.load("text", folder).origin()).isEqualTo(Origin.COMPILED);
    }

    @Test
    void aCompiledFileOfAnotherJasperReportsVersionIsCompiledAgain() throws IOException {
        TemplateCompiler.compileAll(dir);
        Path stamp = dir.resolve("text.jasper.sha256");
        String text = Files.readString(stamp, StandardCharsets.UTF_8);
        assertThat(text).contains("jasperreports=" + JasperTemplates.jasperReportsVersion());
        Files.writeString(stamp, text.replaceAll("jasperreports=\\S+", "jasperreports=6.21.0"));
        assertThat(JasperTemplates.load("text", folder).origin()).isEqualTo(Origin.COMPILED);
    }

    @Test
    void theStampIsTheTemplatesSha256AndTheLibraryVersion() {
        byte[] jrxml = "<jasperReport/>".getBytes(StandardCharsets.UTF_8);
        assertThat(JasperTemplates.stamp(jrxml)).isEqualTo(JasperTemplates.stamp(jrxml.clone()))
                .startsWith("sha256=").doesNotContain("jasperreports=unknown");
        assertThat(JasperTemplates.stamp("<jasperReport />".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(JasperTemplates.stamp(jrxml));
    }
}
