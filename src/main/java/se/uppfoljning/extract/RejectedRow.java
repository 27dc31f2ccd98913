package se.uppfoljning.extract;

/** A row that goes to the reject file: where, which field, the (masked) value and why. */
public record RejectedRow(long fileId, int line, String field, String value, RejectReason reason,
                          String messageSv, String messageEn) implements CheckedRow {
}
