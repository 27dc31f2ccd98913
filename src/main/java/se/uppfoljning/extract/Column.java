package se.uppfoljning.extract;

import java.util.List;

/**
 * One column of an extract as SPEC §4 defines it: its name (also the staging column), its kind,
 * whether a value is required, the value an empty cell takes, and for coded columns our code list.
 */
public record Column(String name, Kind kind, boolean required, String whenEmpty, List<String> codes) {

    public enum Kind { PERSONNUMMER, TEXT, TEAM, AREA, DATE, MONTH, DECIMAL, STEP, HOURS, CODE, CODE_LIST }

    static Column required(String name, Kind kind) {
        return new Column(name, kind, true, null, List.of());
    }

    static Column optional(String name, Kind kind) {
        return new Column(name, kind, false, null, List.of());
    }

    static Column requiredCode(String name, List<String> codes) {
        return new Column(name, Kind.CODE, true, null, codes);
    }

    static Column code(String name, List<String> codes) {
        return new Column(name, Kind.CODE, false, null, codes);
    }

    static Column code(String name, List<String> codes, String whenEmpty) {
        return new Column(name, Kind.CODE, false, whenEmpty, codes);
    }

    static Column codeList(String name, List<String> codes) {
        return new Column(name, Kind.CODE_LIST, false, null, codes);
    }

    public boolean coded() {
        return kind == Kind.CODE || kind == Kind.CODE_LIST;
    }
}
