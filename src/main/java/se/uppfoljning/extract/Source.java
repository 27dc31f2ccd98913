package se.uppfoljning.extract;

import static se.uppfoljning.extract.Column.Kind.*;
import static se.uppfoljning.extract.Column.code;
import static se.uppfoljning.extract.Column.codeList;
import static se.uppfoljning.extract.Column.optional;
import static se.uppfoljning.extract.Column.required;
import static se.uppfoljning.extract.Column.requiredCode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The six extract sources of SPEC §4 and their columns, in the order they are staged
 * ({@link StagingRows}). Ingest processes sources in this order.
 */
public enum Source {
    DELTAGARE("deltagare", List.of(
            required("personnummer", PERSONNUMMER),
            required("team", TEAM),
            required("omrade", AREA),
            required("startdatum", DATE),
            optional("slutdatum", DATE),
            code("avslutsanledning", Codes.END_REASON),
            code("sysselsattning_efter", Codes.SYSSELSATTNING),
            code("kon", Codes.GENDER),
            code("remittent", Codes.REFERRER),
            code("utbildningsniva", Codes.EDUCATION),
            code("funktionsnedsattning", Codes.YES_NO),
            optional("arbetslos_sedan", DATE),
            codeList("ersattning_start", Codes.ERSATTNING),
            codeList("ersattning_slut", Codes.ERSATTNING),
            code("samtycke", Codes.YES_NO, "J"),
            code("skyddad", Codes.YES_NO, "N"))),
    KONTAKTER("kontakter", List.of(
            required("personnummer", PERSONNUMMER),
            required("datum", DATE).as("contact_date"),
            requiredCode("typ", Codes.CONTACT_KIND).as("kind"),
            codeList("aktorer", Codes.ACTOR).as("actors"))),
    BEDOMNING("bedomning", List.of(
            required("personnummer", PERSONNUMMER),
            required("datum", DATE).as("assessed_on"),
            required("steg", STEP).as("step"),
            code("typ", Codes.ASSESSMENT_KIND).as("kind"))),
    INSATSER("insatser", List.of(
            required("personnummer", PERSONNUMMER),
            requiredCode("insats", Codes.INSATS).as("insats"),
            requiredCode("anordnare", Codes.PROVIDER).as("provider"),
            required("startdatum", DATE).as("start_date"),
            optional("slutdatum", DATE).as("end_date"),
            optional("timmar_per_vecka", HOURS).as("hours_per_week"))),
    BISTAND("bistand", List.of(
            required("personnummer", PERSONNUMMER),
            required("manad", MONTH).as("month"),
            required("belopp", DECIMAL).as("amount"),
            optional("omrade", TEXT).as("area"),
            optional("hushallstyp", TEXT).as("household_type"))),
    AF_STATUS("af_status", List.of(
            required("personnummer", PERSONNUMMER),
            required("inskrivningsdatum", DATE).as("registered_on"),
            // R8: an empty category counts as registered unemployed
            code("sokandekategori", Codes.JOBSEEKER_CATEGORY, "ARBETSSOKANDE").as("category"),
            optional("avaktualiseringsdatum", DATE).as("deregistered_on"),
            code("avaktualiseringsorsak", Codes.SYSSELSATTNING).as("deregistration_status")));

    private final String id;
    private final List<Column> columns;

    Source(String id, List<Column> columns) {
        this.id = id;
        this.columns = columns;
    }

    /** The name used for the inbox folder, the profile file and in reports. */
    public String id() {
        return id;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Where the column of that extract name is among the source's columns, or -1 when it has none. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        return -1;
    }

    /** The register table that holds the source's rows. */
    public String registerTable() {
        return switch (this) {
            case DELTAGARE -> "episode";
            case KONTAKTER -> "contact";
            case BEDOMNING -> "assessment";
            case INSATSER -> "insats";
            case BISTAND -> "payment";
            case AF_STATUS -> "af_registration";
        };
    }

    /** Whether the source's rows are events of a person (all but the episodes of deltagare). */
    public boolean event() {
        return this != DELTAGARE;
    }

    /** The column whose date ends what {@code startColumn} starts, for END_BEFORE_START. */
    public Optional<String[]> startAndEnd() {
        return switch (this) {
            case DELTAGARE, INSATSER -> Optional.of(new String[] {"startdatum", "slutdatum"});
            case AF_STATUS -> Optional.of(new String[] {"inskrivningsdatum", "avaktualiseringsdatum"});
            default -> Optional.empty();
        };
    }

    public static Optional<Source> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id)).findFirst();
    }
}
