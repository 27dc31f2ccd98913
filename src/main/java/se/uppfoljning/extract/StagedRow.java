package se.uppfoljning.extract;

/** A valid row, already formatted as a line of COPY text for its staging table. */
public record StagedRow(long fileId, Source source, String copyLine) implements CheckedRow {
}
