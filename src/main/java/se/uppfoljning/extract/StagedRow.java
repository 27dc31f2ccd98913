package se.uppfoljning.extract;

import java.time.LocalDate;

/**
 * A valid row, already formatted as a line of COPY text for its file's staging table, and its person
 * (for an event row not in the line: StagingWriter stages each chunk's persons once).
 */
public record StagedRow(ExtractFile file, String copyLine, Person person) implements CheckedRow {

    /** Who the row is about: the person key, and what the number says of birth date and legal gender. */
    public record Person(String key, LocalDate birthDate, String legalGender) {
    }

    @Override
    public long fileId() {
        return file.fileId();
    }
}
