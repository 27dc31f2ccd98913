package se.uppfoljning.extract;

import java.time.LocalDate;

/**
 * A valid row as the values of its file's staging table's columns, in {@link StagingRows#columns}
 * order, and its person (for an event row not among the values: StagingWriter stages each chunk's
 * persons once).
 */
public record StagedRow(ExtractFile file, Object[] values, Person person) implements CheckedRow {

    /**
     * Who the row is about: the person key (its 32 bytes, {@link se.uppfoljning.identity.PersonKeyHasher}),
     * and what the number says of birth date and legal gender.
     */
    public record Person(byte[] key, LocalDate birthDate, String legalGender) {
    }

    @Override
    public long fileId() {
        return file.fileId();
    }
}
