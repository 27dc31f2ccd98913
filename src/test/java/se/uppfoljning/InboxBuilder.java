package se.uppfoljning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small extract files into an inbox folder (one sub-folder per source) for a test. */
public final class InboxBuilder {
    private final Path inbox;

    public InboxBuilder(Path inbox) {
        this.inbox = inbox;
        // extracts hold personnummer by design: the privacy check skips marked folders
        TestRun.markInput(inbox);
    }

    public Path root() {
        return inbox;
    }

    /** Writes {@code <source>/<fileName>} in UTF-8 with the given lines joined by \n. */
    public Path csv(String source, String fileName, String... lines) {
        return write(source, fileName, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    public Path write(String source, String fileName, String content, Charset charset) {
        return bytes(source, fileName, content.getBytes(charset));
    }

    public Path bytes(String source, String fileName, byte[] content) {
        try {
            Path dir = inbox.resolve(source);
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String source, String fileName) {
        try {
            Files.deleteIfExists(inbox.resolve(source).resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
