package se.uppfoljning.database;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds one line of PostgreSQL's COPY text format: tab-separated, \N for NULL, backslash escapes.
 * The export history and the staging's small tables (a chunk's persons, its rejected rows) copy their
 * rows in with it; the staged extract rows themselves go in COPY's binary format ({@link BinaryCopy}).
 */
public final class CopyText {
    private final StringBuilder line = new StringBuilder(256);

    public CopyText add(Object value) {
        if (!line.isEmpty()) line.append('\t');
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof byte[] bytes) {
            line.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof List<?> list) {
            // our codes are plain identifiers, so the array literal needs no quoting
            line.append('{');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) line.append(',');
                line.append(list.get(i));
            }
            line.append('}');
        } else if (value instanceof Map<?, ?> map) {
            escape(json(map));
        } else if (value instanceof String s) {
            escape(s);
        } else if (value instanceof Long || value instanceof Integer) {
            line.append(((Number) value).longValue());
        } else if (value instanceof java.time.LocalDate d && d.getYear() >= 1000 && d.getYear() <= 9999) {
            // ISO as LocalDate.toString() writes it, without its intermediate strings
            line.append(d.getYear()).append('-');
            twoDigits(d.getMonthValue());
            line.append('-');
            twoDigits(d.getDayOfMonth());
        } else {
            escape(value.toString());
        }
        return this;
    }

    /**
     * A list of any text as a text array literal: every element quoted, so that commas, braces,
     * quotes, spaces, the word NULL and the empty string come back as they were (the export's cells
     * come from the extracts and may hold anything).
     */
    public CopyText addQuoted(List<String> cells) {
        if (!line.isEmpty()) line.append('\t');
        // written into the line at once, the array literal's escapes and then COPY's on each character
        // (a literal built first and escaped whole was a second copy of every cell of every row)
        line.append('{');
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(',');
            String c = cells.get(i);
            if (c == null) {
                line.append("NULL");
            } else {
                line.append('"');
                for (int k = 0; k < c.length(); k++) {
                    char ch = c.charAt(k);
                    switch (ch) {
                        // the literal's backslash before a quote or backslash, itself escaped for COPY
                        case '"' -> line.append("\\\\\"");
                        case '\\' -> line.append("\\\\\\\\");
                        case '\t' -> line.append("\\t");
                        case '\n' -> line.append("\\n");
                        case '\r' -> line.append("\\r");
                        default -> line.append(ch);
                    }
                }
                line.append('"');
            }
        }
        line.append('}');
        return this;
    }

    /** Appends the line, without a line break, to a buffer of lines. */
    public void appendTo(StringBuilder lines) {
        lines.append(line);
    }

    private void twoDigits(int v) {
        line.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private void escape(String s) {
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') break;
            i++;
        }
        if (i == s.length()) {
            line.append(s); // the usual case: nothing to escape
            return;
        }
        for (i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(ch);
            }
        }
    }

    /** A map of text as a JSON object (raw_codes: the raw codes an extract row had, by column). */
    static String json(Map<?, ?> map) {
        if (map.isEmpty()) return "{}";
        StringBuilder b = new StringBuilder("{");
        map.forEach((k, v) -> {
            if (b.length() > 1) b.append(',');
            quote(b, k.toString());
            b.append(':');
            quote(b, v.toString());
        });
        return b.append('}').toString();
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        b.append('"');
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
