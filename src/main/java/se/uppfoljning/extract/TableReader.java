package se.uppfoljning.extract;

import java.io.Closeable;
import java.util.List;

/** Reads an extract row by row, streaming: the header first, then records until null. */
public interface TableReader extends Closeable {

    List<String> header();

    /** The next non-blank record, or null at the end of the file. */
    RawRecord next() throws ExtractFileException;

    static boolean blank(String[] cells) {
        for (String c : cells) {
            if (c != null && !Values.isBlank(c)) return false;
        }
        return true;
    }
}
