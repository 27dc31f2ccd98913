package se.uppfoljning.export;

import java.util.List;

/**
 * Values in PostgreSQL's COPY text format, for the history rows an export copies in: \N for NULL,
 * backslash, tab and line breaks escaped, and a list as a text array literal whose every element is
 * quoted (the cells come from the extracts and may hold anything, the empty string included).
 */
final class CopyText {
    private CopyText() {
    }

    static StringBuilder value(StringBuilder line, String s) {
        if (s == null) return line.append("\\N");
        return escaped(line, s);
    }

    static StringBuilder array(StringBuilder line, List<String> cells) {
        StringBuilder literal = new StringBuilder(16 * cells.size() + 2).append('{');
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) literal.append(',');
            String c = cells.get(i);
            if (c == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int k = 0; k < c.length(); k++) {
                char ch = c.charAt(k);
                if (ch == '"' || ch == '\\') literal.append('\\');
                literal.append(ch);
            }
            literal.append('"');
        }
        return escaped(line, literal.append('}'));
    }

    private static StringBuilder escaped(StringBuilder line, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(ch);
            }
        }
        return line;
    }
}
