package se.uppfoljning.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks for personnummer in what a test run leaves behind: log files (from an offset, line by line),
 * every file under the output folders, and messages. Skipped: folders marked as test input (a
 * {@value #INPUT_MARKER} file, written by the InboxBuilder: extracts hold numbers by design) and the
 * two registration files, which hold personnummer by design (SPEC §7). A ZIP file (XLSX) is read
 * entry by entry, since its text is compressed.
 */
public final class PrivacyScan {
    public static final String INPUT_MARKER = se.uppfoljning.TestRun.INPUT_MARKER;
    private static final Pattern REGISTRATION_FILE = Pattern.compile("sus-registrering.*\\.csv|esf-deltagare-.*\\.csv");
    private static final long MAX_ENTRY_BYTES = 64L << 20;
    private static final Pattern STAMP = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})");

    /** A number found, where (file and line, or the message's origin) and as written, masked. */
    public record Leak(String where, String masked) {
    }

    private final PersonnummerScanner scanner;
    private final List<Leak> leaks = new ArrayList<>();
    private long logLines;
    private long files;
    private long bytes;
    private long messages;
    private long skippedInputs;

    public PrivacyScan(PersonnummerScanner scanner) {
        this.scanner = scanner;
    }

    /** Every line of a log file from byte {@code offset} on. */
    public PrivacyScan log(Path file, long offset) {
        return lines(file, offset, null);
    }

    /**
     * The lines of a log file written since {@code since}: lines starting with a timestamp
     * ({@code yyyy-MM-dd HH:mm:ss}) from then on, and the lines without one that follow them (stack
     * traces). Robust to the daily roll-over, which renames the file in the middle of a run.
     */
    public PrivacyScan logSince(Path file, LocalDateTime since) {
        return lines(file, 0, since);
    }

    private PrivacyScan lines(Path file, long offset, LocalDateTime since) {
        if (!Files.isRegularFile(file)) return this;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(offset, Files.size(file)));
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int lineNo = 0;
            boolean inRun = since == null;
            for (String line : text.split("\n", -1)) {
                lineNo++;
                if (since != null) {
                    Matcher m = STAMP.matcher(line);
                    if (m.lookingAt()) inRun = !LocalDateTime.parse(m.group(1) + "T" + m.group(2)).isBefore(since);
                }
                if (line.isEmpty() || !inRun) continue;
                logLines++;
                check(file + ":" + lineNo, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Every file under {@code root}, except test inputs and the registration files. */
    public PrivacyScan outputs(Path root) {
        if (!Files.isDirectory(root)) return this;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (Files.exists(dir.resolve(INPUT_MARKER))) {
                        skippedInputs++;
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && !REGISTRATION_FILE.matcher(file.getFileName().toString()).matches()) {
                        file(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void file(Path file) throws IOException {
        files++;
        bytes += Files.size(file);
        if (isZip(file)) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    byte[] content = zip.readNBytes((int) MAX_ENTRY_BYTES);
                    check(file + "!" + entry.getName(), new String(content, StandardCharsets.UTF_8));
                }
            }
            return;
        }
        // ISO-8859-1 keeps every byte as one char: digits are found in any text encoding but UTF-16
        byte[] content = Files.readAllBytes(file);
        check(file.toString(), new String(content, StandardCharsets.ISO_8859_1));
        if (content.length > 1 && (content[0] == (byte) 0xFF || content[0] == (byte) 0xFE)) {
            check(file.toString(), new String(content, StandardCharsets.UTF_16));
        }
    }

    private static boolean isZip(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".xlsx") || name.endsWith(".zip") || name.endsWith(".docx"))) return false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }

    public PrivacyScan message(String where, String message) {
        messages++;
        check(where, message);
        return this;
    }

    private void check(String where, String text) {
        for (PersonnummerScanner.Finding f : scanner.scan(text)) leaks.add(new Leak(where, f.masked()));
    }

    public List<Leak> leaks() {
        return List.copyOf(leaks);
    }

    public String summary() {
        return String.format(Locale.ROOT,
                "Privacy check over %,d test personnummer: %,d log lines, %,d output files (%,d bytes), %,d exception"
                        + " messages scanned (%,d test-input folders skipped); %d personnummer found",
                scanner.size(), logLines, files, bytes, messages, skippedInputs, leaks.size());
    }

    public long logLines() {
        return logLines;
    }

    public long files() {
        return files;
    }

    public long messages() {
        return messages;
    }
}
