package se.uppfoljning.extract;

/** One non-blank row of an extract as read: its physical line (header = line 1) and its cells. */
public record RawRecord(int line, String[] cells) {
}
