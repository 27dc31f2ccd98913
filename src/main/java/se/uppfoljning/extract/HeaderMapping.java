package se.uppfoljning.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import se.uppfoljning.config.SourceProfile;

/**
 * Which cell of a row holds which of the source's columns. Names match case-insensitively, by our
 * name or an alias of the source profile; columns we do not know are ignored.
 */
public final class HeaderMapping {
    /** A header cell that is really a value: a personnummer or a date. */
    private static final java.util.regex.Pattern DATA = java.util.regex.Pattern.compile("\\d{6}\\s*[-+]?\\s*\\d{4}|\\d{4}-\\d{2}");
    private final int[] cellOf; // per Source column: the cell index in the file, or -1 when absent
    private final int width;

    private HeaderMapping(int[] cellOf, int width) {
        this.cellOf = cellOf;
        this.width = width;
    }

    public static HeaderMapping resolve(String fileName, List<String> header, Source source, SourceProfile profile)
            throws ExtractFileException {
        List<String> names = new ArrayList<>();
        for (String h : header) names.add(Values.trim(h).toLowerCase(Locale.ROOT));
        List<Column> columns = source.columns();
        int[] cellOf = new int[columns.size()];
        Arrays.fill(cellOf, -1);
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            List<String> accepted = new ArrayList<>();
            accepted.add(column.name());
            accepted.addAll(profile.aliases().getOrDefault(column.name(), List.of()));
            for (int i = 0; i < names.size(); i++) {
                if (!accepted.contains(names.get(i))) continue;
                if (cellOf[c] >= 0) throw new ExtractFileException(
                        fileName + ": kolumnen " + column.name() + " finns två gånger i rubrikraden (kolumn "
                                + (cellOf[c] + 1) + " och " + (i + 1) + "). Ta bort den ena och leverera filen igen.",
                        fileName + ": column " + column.name() + " appears twice in the header (columns "
                                + (cellOf[c] + 1) + " and " + (i + 1) + "). Remove one and deliver the file again.");
                cellOf[c] = i;
            }
            if (cellOf[c] < 0 && column.required()) missing.add(column.name());
        }
        if (!missing.isEmpty()) throw missingColumns(fileName, header, source, missing);
        return new HeaderMapping(cellOf, header.size());
    }

    private static ExtractFileException missingColumns(String fileName, List<String> header, Source source,
                                                       List<String> missing) {
        String joined = String.join(", ", missing);
        String hintSv = "";
        String hintEn = "";
        long named = header.stream().filter(h -> !Values.isBlank(h)).count();
        if (header.size() == 1 && (header.get(0).contains(",") || header.get(0).contains("\t"))) {
            String sep = header.get(0).contains("\t") ? "tabb" : "komma";
            hintSv = " Filen verkar vara avgränsad med " + sep + "; extrakt ska vara semikolonavgränsade (;).";
            hintEn = " The file seems to be separated by " + (sep.equals("tabb") ? "tabs" : "commas")
                    + "; extracts must be separated by semicolons (;).";
        } else if (header.stream().anyMatch(h -> DATA.matcher(h).find())) {
            hintSv = " Första raden ser ut som data (ett personnummer eller datum), inte som en rubrikrad med kolumnnamn.";
            hintEn = " The first line looks like data (a personnummer or a date), not like a header of column names.";
        } else if (named == 1) {
            hintSv = " Rubrikraden har bara ett namn: kanske en rubrik ovanför tabellen. Kolumnnamnen ska stå på första raden;"
                    + " ta bort raderna ovanför dem.";
            hintEn = " The header has only one name: perhaps a title above the table. The column names must be in the first"
                    + " row; remove the rows above them.";
        }
        return new ExtractFileException(
                fileName + ": obligatorisk kolumn saknas i rubrikraden (rad 1): " + joined + "." + hintSv
                        + " Lägg till kolumnen, eller dess namn som alias i jobs/sources/" + source.id()
                        + ".yml, och leverera filen igen. Inget lästes in från filen.",
                fileName + ": required column missing from the header (line 1): " + joined + "." + hintEn
                        + " Add the column, or its name as an alias in jobs/sources/" + source.id()
                        + ".yml, and deliver the file again. Nothing was loaded from the file.");
    }

    /** The cells of the source's columns, in {@link Source#columns()} order; null where absent. */
    public String[] project(String[] cells) {
        String[] out = new String[cellOf.length];
        for (int c = 0; c < cellOf.length; c++) {
            int i = cellOf[c];
            out[c] = i < 0 || i >= cells.length ? null : cells[i];
        }
        return out;
    }

    /** How many cells the header row has, named or not. */
    public int width() {
        return width;
    }

    /** Where column {@code c} stands in the file, so a row's defects can be ranked leftmost first. */
    public int position(int c) {
        return cellOf[c] < 0 ? Integer.MAX_VALUE : cellOf[c];
    }
}
