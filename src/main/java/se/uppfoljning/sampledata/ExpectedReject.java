package se.uppfoljning.sampledata;

/**
 * A deliberate bad row and what ingest must make of it (SPEC §4, R3, R4).
 *
 * @param file   the file's path below the output folder
 * @param line   physical line, header = line 1
 * @param field  the column the reject names
 * @param value  the value (a personnummer masked as {@code YYYYMMDD-****})
 * @param reason the R3 reason code
 * @param what   what is wrong, in a few words
 */
public record ExpectedReject(String file, int line, String field, String value, String reason, String what) {
}
