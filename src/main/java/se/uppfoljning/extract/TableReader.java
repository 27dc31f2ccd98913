package se.uppfoljning.extract;

import java.io.Closeable;
import java.util.List;

/** Reads an extract row by row, streaming: the header first, then records until null. */
public interface TableReader extends Closeable {

    List<String> header();

    /** The next non-blank record, or null at the end of the file. */
    RawRecord next() throws ExtractFileException;

    /**
     * Whether a row repeats the header, as when two exports are pasted into one file: it is no row.
     * Named cells must match (ignoring case and blanks); cells beyond the header must be blank.
     */
    static boolean repeatsHeader(List<String> header, String[] cells) {
        // cells first: for every real row the first cell already differs, so this is cheap per row
        for (int i = 0; i < Math.max(header.size(), cells.length); i++) {
            String h = i < header.size() ? Values.trim(header.get(i)) : "";
            String c = i < cells.length && cells[i] != null ? Values.trim(cells[i]) : "";
            if (!h.equalsIgnoreCase(c)) return false;
        }
        int named = 0;
        for (String h : header) if (!Values.isBlank(h)) named++;
        return named >= 2;
    }

    static boolean blank(String[] cells) {
        for (String c : cells) {
            if (c != null && !Values.isBlank(c)) return false;
        }
        return true;
    }
}
