package se.uppfoljning.extract;

/** A valid row, already formatted as a line of COPY text for its file's staging table. */
public record StagedRow(ExtractFile file, String copyLine) implements CheckedRow {
    @Override
    public long fileId() {
        return file.fileId();
    }
}
