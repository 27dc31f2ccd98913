package se.uppfoljning.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file found in the inbox, with what its name says: the scope (source plus the name without the
 * delivery-date suffix) and the delivery date, or the run's as-of date when the name has none.
 */
public record InboxFile(Source source, Path path, String scope, LocalDate deliveryDate) {
    private static final Pattern DATED = Pattern.compile("(.*)_(\\d{4}-\\d{2}-\\d{2})");

    public static InboxFile of(Source source, Path path, LocalDate asOf) {
        String name = path.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        Matcher m = DATED.matcher(stem);
        if (m.matches()) {
            try {
                return new InboxFile(source, path, scopeOf(source, m.group(1)), LocalDate.parse(m.group(2)));
            } catch (DateTimeParseException e) {
                // not a real date: the whole stem is the scope and the as-of date the delivery date
            }
        }
        return new InboxFile(source, path, scopeOf(source, stem), asOf);
    }

    private static String scopeOf(Source source, String stem) {
        return source.id() + "/" + stem.toLowerCase(Locale.ROOT);
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public boolean xlsx() {
        return fileName().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
