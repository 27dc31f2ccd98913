package se.uppfoljning;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Every {@code @TempDir} of the run under {@code target/test-output/run-…/<test class>/}, kept after
 * the test (junit-platform.properties), so the privacy check can read every output the run wrote.
 */
public class TargetTempDirFactory implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
        Path dir = TestRun.OUTPUT.resolve(context.getTestClass().map(Class::getSimpleName).orElse("other"));
        Files.createDirectories(dir);
        String prefix = context.getTestMethod().map(m -> m.getName()).orElse("class");
        return Files.createTempDirectory(dir, prefix + "-");
    }
}
