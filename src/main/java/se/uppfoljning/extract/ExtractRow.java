package se.uppfoljning.extract;

/** One row of an extract with the mapping that says which cell is which column. */
public record ExtractRow(ExtractFile file, HeaderMapping mapping, RawRecord record) implements ExtractItem {

    /** The cell without blanks (also no-break spaces) around it of column {@code c} of the source, or "" when absent. */
    public String value(int c) {
        String v = mapping.value(record.cells(), c);
        return v == null ? "" : Values.trim(v);
    }

    public int line() {
        return record.line();
    }
}
