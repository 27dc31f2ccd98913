package se.uppfoljning.extract;

import java.util.List;

/**
 * One column of an extract as SPEC §4 defines it: its name (also the column of stg_deltagare), its
 * kind, whether a value is required, the value an empty cell takes, for coded columns our code list,
 * and for the event sources the register column its values go into ({@link StagingTables}).
 */
public record Column(String name, Kind kind, boolean required, String whenEmpty, List<String> codes,
                     String registerColumn) {

    public enum Kind { PERSONNUMMER, TEXT, TEAM, AREA, DATE, MONTH, DECIMAL, STEP, HOURS, CODE, CODE_LIST }

    static Column required(String name, Kind kind) {
        return new Column(name, kind, true, null, List.of(), null);
    }

    static Column optional(String name, Kind kind) {
        return new Column(name, kind, false, null, List.of(), null);
    }

    static Column requiredCode(String name, List<String> codes) {
        return new Column(name, Kind.CODE, true, null, codes, null);
    }

    static Column code(String name, List<String> codes) {
        return new Column(name, Kind.CODE, false, null, codes, null);
    }

    static Column code(String name, List<String> codes, String whenEmpty) {
        return new Column(name, Kind.CODE, false, whenEmpty, codes, null);
    }

    static Column codeList(String name, List<String> codes) {
        return new Column(name, Kind.CODE_LIST, false, null, codes, null);
    }

    /** The same column, going into the register column of that name. */
    Column as(String registerColumn) {
        return new Column(name, kind, required, whenEmpty, codes, registerColumn);
    }

    public boolean coded() {
        return kind == Kind.CODE || kind == Kind.CODE_LIST;
    }
}
