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
 * The six extract sources of SPEC §4 and their columns, in the order the staging tables hold them.
 * Ingest processes sources in this order.
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
            required("datum", DATE),
            requiredCode("typ", Codes.CONTACT_KIND),
            codeList("aktorer", Codes.ACTOR))),
    BEDOMNING("bedomning", List.of(
            required("personnummer", PERSONNUMMER),
            required("datum", DATE),
            required("steg", STEP),
            code("typ", Codes.ASSESSMENT_KIND))),
    INSATSER("insatser", List.of(
            required("personnummer", PERSONNUMMER),
            requiredCode("insats", Codes.INSATS),
            requiredCode("anordnare", Codes.PROVIDER),
            required("startdatum", DATE),
            optional("slutdatum", DATE),
            optional("timmar_per_vecka", HOURS))),
    BISTAND("bistand", List.of(
            required("personnummer", PERSONNUMMER),
            required("manad", MONTH),
            required("belopp", DECIMAL),
            optional("omrade", TEXT),
            optional("hushallstyp", TEXT))),
    AF_STATUS("af_status", List.of(
            required("personnummer", PERSONNUMMER),
            required("inskrivningsdatum", DATE),
            // R8: an empty category counts as registered unemployed
            code("sokandekategori", Codes.JOBSEEKER_CATEGORY, "ARBETSSOKANDE"),
            optional("avaktualiseringsdatum", DATE),
            code("avaktualiseringsorsak", Codes.SYSSELSATTNING)));

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

    public String stagingTable() {
        return "stg_" + id;
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
