package se.uppfoljning.extract;

/**
 * One row of an extract, reduced to what the checks need: its physical line, the cell of each of the
 * source's columns (by {@link Source#columns()} index, null when the file lacks the column), where
 * those cells stood, and for a CSV row with non-blank cells beyond the header the first of them. The
 * row's other cells are dropped as it is read, so a file of 10,000 columns costs no more memory per
 * row than one of ten.
 */
public record ExtractRow(ExtractFile file, HeaderMapping mapping, int line, String[] values, Beyond beyond)
        implements ExtractItem {

    /** Non-blank cells beyond the header: how many fields the row has, and the first such cell. */
    public record Beyond(int fields, int firstIndex, String firstValue) {
    }

    public static ExtractRow of(ExtractFile file, HeaderMapping mapping, RawRecord record) {
        String[] cells = record.cells();
        Beyond beyond = null;
        int first = -1;
        int last = -1;
        for (int i = mapping.width(); i < cells.length; i++) {
            if (cells[i] != null && !Values.isBlank(cells[i])) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first >= 0) beyond = new Beyond(last + 1, first, cells[first]);
        return new ExtractRow(file, mapping, record.line(), mapping.project(cells), beyond);
    }

    /** The cell of column {@code c} of the source without blanks (also no-break spaces) around it, or "". */
    public String value(int c) {
        String v = values[c];
        return v == null ? "" : Values.trim(v);
    }
}
