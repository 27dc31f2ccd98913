package se.uppfoljning.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The inbox folder: one sub-folder per source, holding .csv and .xlsx extracts. */
public final class Inbox {
    private Inbox() {
    }

    /** Every extract in the inbox, in processing order: by source, then delivery date, then name. */
    public static List<InboxFile> scan(Path inbox, LocalDate asOf) {
        List<InboxFile> files = new ArrayList<>();
        for (Source source : Source.values()) {
            Path folder = inbox.resolve(source.id());
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(Files::isRegularFile)
                        .filter(Inbox::isExtract)
                        .forEach(p -> files.add(InboxFile.of(source, p, asOf)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + folder, e);
            }
        }
        files.sort(Comparator.comparing((InboxFile f) -> f.source().ordinal())
                .thenComparing(InboxFile::deliveryDate)
                .thenComparing(InboxFile::fileName));
        return files;
    }

    private static boolean isExtract(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        // Excel's lock files (~$name.xlsx) and hidden files are not deliveries
        if (name.startsWith("~$") || name.startsWith(".")) return false;
        return name.endsWith(".csv") || name.endsWith(".xlsx");
    }
}
