package se.uppfoljning.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file found in the inbox, with what its name says: the scope (source plus the name without the
 * delivery-date suffix) and the delivery date, or the run's as-of date when the name has none.
 */
public record InboxFile(Source source, Path path, String scope, LocalDate deliveryDate) {
    /** A delivery date at the end of the name: YYYY-MM-DD as SPEC §4 says, or YYYYMMDD. */
    private static final Pattern DATED = Pattern.compile("(.*)_(\\d{4}-\\d{2}-\\d{2}|\\d{8})");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public static InboxFile of(Source source, Path path, LocalDate asOf) {
        String stem = stem(path.getFileName().toString());
        Matcher m = DATED.matcher(stem);
        if (m.matches()) {
            LocalDate date = parse(m.group(2));
            if (date != null) return new InboxFile(source, path, scopeOf(source, m.group(1)), date);
        }
        // no delivery date in the name (or a name that fails, see invalidDeliveryDate): the as-of date
        return new InboxFile(source, path, scopeOf(source, stem), asOf);
    }

    /**
     * The delivery date written at the end of the name when it is no date at all, as in
     * {@code bistand_2026-02-30.csv}: such a file fails, since taking the run's date instead would put
     * it in a scope of its own, where its rows would add to the earlier deliveries' rather than
     * replace them. Eight digits that are no date are taken as part of the name.
     */
    public static Optional<String> invalidDeliveryDate(String fileName) {
        Matcher m = DATED.matcher(stem(fileName));
        if (m.matches() && m.group(2).contains("-") && parse(m.group(2)) == null) return Optional.of(m.group(2));
        return Optional.empty();
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date, date.contains("-") ? ISO : COMPACT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
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
