package se.uppfoljning.extract;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import se.uppfoljning.identity.EpisodeKey;
import se.uppfoljning.identity.PersonKeyHasher;
import se.uppfoljning.identity.PersonnummerCipher;

/**
 * Turns a valid row into its staging line. Here the personnummer becomes the person key; the number
 * itself is kept only encrypted, only in the team register and only with consent (SPEC §3).
 */
public final class StagingRows {
    private final PersonKeyHasher keys;
    private final PersonnummerCipher cipher;

    public StagingRows(PersonKeyHasher keys, PersonnummerCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    /**
     * The staging table's columns, in COPY order: stg_deltagare's are the extract's own, an event
     * file's table has the register's ({@link StagingTables}).
     */
    public static List<String> columns(Source source) {
        var names = new java.util.ArrayList<>(List.of("file_id", "line", "person_key"));
        // an event row's person goes to stg_person, once per chunk (StagingWriter)
        if (source == Source.DELTAGARE) names.addAll(List.of("birth_date", "legal_gender", "pnr_encrypted", "episode_key"));
        for (Column c : source.columns()) {
            if (c.kind() != Column.Kind.PERSONNUMMER) names.add(source.event() ? c.registerColumn() : c.name());
        }
        names.add("raw_codes");
        return names;
    }

    /** Where a deltagare row's start date, end reason, consent and protection are among its checked values. */
    private static final int START = Source.DELTAGARE.columnIndex("startdatum");
    private static final int END_REASON = Source.DELTAGARE.columnIndex("avslutsanledning");
    private static final int CONSENT = Source.DELTAGARE.columnIndex("samtycke");
    private static final int PROTECTED_IDENTITY = Source.DELTAGARE.columnIndex("skyddad");

    /** How many values a staged row of each source has: {@link #columns}, counted once. */
    private static final Map<Source, Integer> WIDTHS = new EnumMap<>(Source.class);

    static {
        for (Source s : Source.values()) WIDTHS.put(s, columns(s).size());
    }

    public StagedRow stage(RowValidator.Valid valid) {
        ExtractRow row = valid.row();
        Source source = row.file().source();
        StagedRow.Person person = new StagedRow.Person(keys.keyOf(valid.personnummer()),
                valid.personnummer().birthDate(), valid.personnummer().legalGender());
        List<Column> columns = source.columns();
        Object[] values = new Object[WIDTHS.get(source)];
        int i = 0;
        values[i++] = row.file().fileId();
        values[i++] = row.line();
        values[i++] = person.key();
        if (source == Source.DELTAGARE) {
            values[i++] = person.birthDate();
            values[i++] = person.legalGender();
            values[i++] = anonymous(valid.values()) ? null : cipher.encrypt(valid.personnummer());
            values[i++] = EpisodeKey.of(row.file().projectId(), person.key(), (LocalDate) valid.values()[START],
                    "FELREG".equals(valid.values()[END_REASON]));
        }
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).kind() != Column.Kind.PERSONNUMMER) values[i++] = valid.values()[c];
        }
        values[i] = valid.rawCodes().isEmpty() ? null : valid.rawCodes();
        return new StagedRow(row.file(), values, person);
    }

    /** No consent (samtycke N) or a protected identity (skyddad J): the number is not stored. */
    private static boolean anonymous(Object[] values) {
        return "N".equals(values[CONSENT]) || "J".equals(values[PROTECTED_IDENTITY]);
    }
}
