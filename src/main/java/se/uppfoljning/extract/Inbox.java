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
import java.util.Set;
import java.util.stream.Stream;

/** The inbox folder: one sub-folder per source, holding .csv and .xlsx extracts. */
public final class Inbox {
    private Inbox() {
    }

    /** Kinds of file an agency may deliver that are not read: they fail with a message, not in silence. */
    static final Set<String> UNSUPPORTED = Set.of("xls", "xlsm", "xlsb", "ods", "txt", "tsv", "zip");

    /**
     * Every extract in the inbox, in processing order: by source, then delivery date, then name. A
     * source's folder is found whatever the case of its name ("Bistand/" is bistand's folder).
     */
    public static List<InboxFile> scan(Path inbox, LocalDate asOf) {
        List<InboxFile> files = new ArrayList<>();
        for (Source source : Source.values()) {
            for (Path folder : folders(inbox, source)) {
                try (Stream<Path> list = Files.list(folder)) {
                    list.filter(Files::isRegularFile)
                            .filter(Inbox::isExtract)
                            .forEach(p -> files.add(InboxFile.of(source, p, asOf)));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + folder, e);
                }
            }
        }
        files.sort(Comparator.comparing((InboxFile f) -> f.source().ordinal())
                .thenComparing(InboxFile::deliveryDate)
                .thenComparing(InboxFile::fileName));
        return files;
    }

    private static List<Path> folders(Path inbox, Source source) {
        if (!Files.isDirectory(inbox)) return List.of();
        try (Stream<Path> list = Files.list(inbox)) {
            return list.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().equalsIgnoreCase(source.id()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + inbox, e);
        }
    }

    private static boolean isExtract(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        // Excel's lock files (~$name.xlsx), LibreOffice's (.~lock.name#) and hidden files are not deliveries
        if (name.startsWith("~$") || name.startsWith(".")) return false;
        String ext = extension(name);
        return ext.equals("csv") || ext.equals("xlsx") || UNSUPPORTED.contains(ext);
    }

    /** The file name's extension in lower case, without the dot ("" when none). */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
