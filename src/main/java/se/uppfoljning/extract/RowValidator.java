package se.uppfoljning.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.SourceProfile;
import se.uppfoljning.identity.InvalidPersonnummerException;
import se.uppfoljning.identity.Personnummer;

/**
 * The row rules of SPEC §4 and §11 R2–R6 for one source: every cell is parsed and checked, and a row
 * with defects is rejected once, for the first defect in R3's order and, for the same reason, the
 * leftmost column. Overlapping episodes (R1) need all rows and are checked in SQL afterwards.
 * Not thread-safe (it remembers codes and the last number): each staging lane has its own.
 */
public final class RowValidator {
    private static final Pattern LOOKS_LIKE_PNR = Pattern.compile("\\d{6}\\s*[-+]?\\s*\\d{4}");
    private static final int MAX_VALUE_CHARS = 200;
    /** numeric(12, 2) in the register: larger amounts are no payment but a typing error. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final Source source;
    private final ProjectConfig project;
    private final SourceProfile profile;
    private final YearMonth firstMonth;
    private final YearMonth lastMonth;
    /**
     * Per column, the profile's answer for each raw code seen (raw values repeat on almost every row;
     * the lookup lower-cases every code of the list each time). Bounded: past {@value #MEMO_LIMIT}
     * distinct values a column is looked up without memo.
     */
    private final List<Map<String, Optional<String>>> codeMemo;
    /**
     * Per code-list column, the answer for each whole value seen ("AF|SOC|JC"): a handful of lists
     * fill a column, and splitting and mapping each row's list again took up to a tenth of the
     * staging's CPU time at 1,000,000 episodes (issue 9). Bounded as {@link #codeMemo}.
     */
    private final List<Map<String, Optional<CodeList>>> codeListMemo;
    private final Map<String, Optional<ProjectConfig.Team>> teamMemo = new java.util.HashMap<>();
    private final Map<String, Optional<String>> areaMemo = new java.util.HashMap<>();
    private static final int MEMO_LIMIT = 4_096;
    /**
     * The last valid number and what it was read from: extracts list a person's rows together, so
     * most rows repeat the row before's number, and reading it again was a tenth of the staging's
     * CPU time at 1,000,000 episodes (issue 9). A number read with another delivery date is read
     * again: the century of a 10-digit number, and whether the person is born yet, depend on it.
     */
    private String lastNumberRaw;
    private LocalDate lastNumberDelivery;
    private Personnummer lastNumber;
    private final int teamColumn;
    private final int areaColumn;
    private final int startColumn;
    private final int endColumn;

    public RowValidator(Source source, ProjectConfig project, SourceProfile profile) {
        this.source = source;
        this.project = project;
        this.profile = profile;
        this.firstMonth = YearMonth.from(project.start().minusYears(1));
        this.lastMonth = YearMonth.from(project.end().plusYears(1));
        this.codeMemo = new ArrayList<>();
        this.codeListMemo = new ArrayList<>();
        for (int c = 0; c < source.columns().size(); c++) {
            codeMemo.add(new java.util.HashMap<>());
            codeListMemo.add(new java.util.HashMap<>());
        }
        this.teamColumn = source.columnIndex("team");
        this.areaColumn = source.columnIndex("omrade");
        String[] pair = source.startAndEnd().orElse(null);
        this.startColumn = pair == null ? -1 : source.columnIndex(pair[0]);
        this.endColumn = pair == null ? -1 : source.columnIndex(pair[1]);
    }

    private Optional<String> mapCode(int c, Column column, String raw) {
        Map<String, Optional<String>> memo = codeMemo.get(c);
        Optional<String> ours = memo.get(raw);
        if (ours == null) {
            ours = profile.mapCode(column.name(), raw, column.codes());
            if (memo.size() < MEMO_LIMIT) memo.put(raw, ours);
        }
        return ours;
    }

    /** A code list as the register keeps it, and whether that differs from the raw value (kept then). */
    private record CodeList(List<String> codes, boolean renamed) {
    }

    /** The list's codes mapped one by one; empty when one of them is unknown. */
    private Optional<CodeList> mapCodeList(int c, Column column, String raw) {
        Map<String, Optional<CodeList>> memo = codeListMemo.get(c);
        Optional<CodeList> known = memo.get(raw);
        if (known == null) {
            known = readCodeList(c, column, raw);
            if (memo.size() < MEMO_LIMIT) memo.put(raw, known);
        }
        return known;
    }

    private Optional<CodeList> readCodeList(int c, Column column, String raw) {
        List<String> codes = new ArrayList<>();
        for (String part : raw.split("\\|")) {
            if (part.isBlank()) continue;
            Optional<String> ours = mapCode(c, column, part);
            if (ours.isEmpty()) return Optional.empty();
            codes.add(ours.get());
        }
        return Optional.of(new CodeList(List.copyOf(codes), !String.join("|", codes).equals(raw)));
    }

    /** The project's name of an area of the team (of any team when {@code teamId} is null), memoised per pair. */
    private Optional<String> area(String teamId, String area) {
        String key = teamId == null ? "\u0000" + area : teamId + "\u0000" + area;
        Optional<String> known = areaMemo.get(key);
        if (known == null) {
            known = teamId != null
                    ? project.team(teamId).flatMap(t -> t.area(area))
                    : project.teams().stream().map(t -> t.area(area)).flatMap(Optional::stream).findFirst();
            if (areaMemo.size() < MEMO_LIMIT) areaMemo.put(key, known);
        }
        return known;
    }

    private Optional<ProjectConfig.Team> team(String raw) {
        Optional<ProjectConfig.Team> team = teamMemo.get(raw);
        if (team == null) {
            team = project.team(raw);
            if (teamMemo.size() < MEMO_LIMIT) teamMemo.put(raw, team);
        }
        return team;
    }

    /** A row that passed: the personnummer, the typed value of each column and the raw codes kept. */
    public record Valid(ExtractRow row, Personnummer personnummer, Object[] values, Map<String, String> rawCodes) {
    }

    /** Either a {@link Valid} row or a {@link RejectedRow}. */
    public Object check(ExtractRow row) {
        Check check = new Check(row);
        List<Column> columns = source.columns();
        for (int c = 0; c < columns.size(); c++) check.cell(c, columns.get(c));
        check.crossChecks();
        check.extraCells();
        if (check.worst != null) return check.worst.toReject(row);
        return new Valid(row, check.personnummer, check.values, check.rawCodes);
    }

    private record Defect(RejectReason reason, int position, String field, String value, String sv, String en) {
        boolean before(Defect other) {
            if (reason != other.reason) return reason.ordinal() < other.reason.ordinal();
            return position < other.position;
        }

        RejectedRow toReject(ExtractRow row) {
            return new RejectedRow(row.file().fileId(), row.line(), field, value, reason, sv, en);
        }
    }

    /** The state of checking one row. */
    private final class Check {
        final ExtractRow row;
        final LocalDate delivery;
        final Object[] values = new Object[source.columns().size()];
        final Map<String, String> rawCodes = new LinkedHashMap<>();
        Personnummer personnummer;
        Defect worst;

        Check(ExtractRow row) {
            this.row = row;
            this.delivery = row.file().deliveryDate();
        }

        void defect(int c, RejectReason reason, String raw, Object... args) {
            Column column = source.columns().get(c);
            Object[] withField = new Object[args.length + 1];
            withField[0] = column.name();
            System.arraycopy(args, 0, withField, 1, args.length);
            Defect d = new Defect(reason, row.mapping().position(c), column.name(), safeValue(column, raw),
                    reason.messageSv(withField), reason.messageEn(withField));
            if (worst == null || d.before(worst)) worst = d;
        }

        void cell(int c, Column column) {
            String raw = Values.unwrapExcelText(row.value(c));
            if (raw.isEmpty()) {
                if (column.required()) defect(c, RejectReason.MISSING_VALUE, raw);
                // an empty code list is the empty list (no actors, no benefit), as the register keeps it
                else values[c] = column.kind() == Column.Kind.CODE_LIST ? List.of() : column.whenEmpty();
                return;
            }
            switch (column.kind()) {
                case PERSONNUMMER -> personnummer(c, raw);
                case TEXT -> values[c] = Personnummer.maskWithin(raw); // free text is no place for a number
                case TEAM -> team(c, raw);
                case AREA -> values[c] = raw; // checked against its team in crossChecks (R2)
                case DATE -> date(c, raw);
                case MONTH -> month(c, raw);
                case DECIMAL -> number(c, raw, MAX_AMOUNT.negate(), MAX_AMOUNT);
                case HOURS -> number(c, raw, BigDecimal.ZERO, BigDecimal.valueOf(168));
                case STEP -> step(c, raw);
                case CODE -> code(c, column, raw);
                case CODE_LIST -> codeList(c, column, raw);
            }
        }

        void personnummer(int c, String raw) {
            if (raw.equals(lastNumberRaw) && delivery.equals(lastNumberDelivery)) {
                personnummer = lastNumber;
                return;
            }
            try {
                personnummer = Personnummer.parse(raw, delivery);
                lastNumberRaw = raw;
                lastNumberDelivery = delivery;
                lastNumber = personnummer;
            } catch (InvalidPersonnummerException e) {
                Column column = source.columns().get(c);
                Defect d = new Defect(RejectReason.INVALID_PNR, row.mapping().position(c), column.name(),
                        safeValue(column, raw), RejectReason.INVALID_PNR.messageSv(column.name(), e.reasonSv()),
                        RejectReason.INVALID_PNR.messageEn(column.name(), e.getMessage()));
                if (worst == null || d.before(worst)) worst = d;
            }
        }

        void team(int c, String raw) {
            Optional<ProjectConfig.Team> team = RowValidator.this.team(raw);
            if (team.isEmpty()) defect(c, RejectReason.UNKNOWN_TEAM_OR_AREA, raw);
            else values[c] = team.get().id();
        }

        void date(int c, String raw) {
            LocalDate d = Values.date(raw);
            if (d == null) {
                defect(c, RejectReason.INVALID_DATE, raw);
                return;
            }
            if (d.isAfter(delivery)) defect(c, RejectReason.DATE_AFTER_DELIVERY, raw, delivery);
            values[c] = d;
        }

        void month(int c, String raw) {
            YearMonth m = Values.month(raw);
            if (m == null) {
                defect(c, RejectReason.INVALID_DATE, raw);
                return;
            }
            if (m.atDay(1).isAfter(delivery)) defect(c, RejectReason.DATE_AFTER_DELIVERY, raw, delivery);
            if (m.isBefore(firstMonth) || m.isAfter(lastMonth)) defect(c, RejectReason.MONTH_OUT_OF_RANGE, raw);
            values[c] = m.atDay(1);
        }

        void number(int c, String raw, BigDecimal min, BigDecimal max) {
            BigDecimal n = Values.decimal(raw);
            if (n == null) {
                defect(c, RejectReason.NOT_A_NUMBER, raw);
                return;
            }
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                defect(c, RejectReason.OUT_OF_RANGE, raw, min.toPlainString() + "–" + max.toPlainString());
            }
            values[c] = n;
        }

        void step(int c, String raw) {
            BigDecimal n = Values.decimal(raw);
            if (n == null || n.stripTrailingZeros().scale() > 0) {
                defect(c, RejectReason.NOT_A_NUMBER, raw);
                return;
            }
            if (n.compareTo(BigDecimal.ONE) < 0 || n.compareTo(BigDecimal.valueOf(7)) > 0) {
                defect(c, RejectReason.OUT_OF_RANGE, raw, "1–7");
            }
            values[c] = n.intValue();
        }

        void code(int c, Column column, String raw) {
            Optional<String> ours = mapCode(c, column, raw);
            if (ours.isEmpty()) {
                defect(c, RejectReason.UNKNOWN_CODE, raw);
                return;
            }
            if (!ours.get().equals(raw)) rawCodes.put(column.name(), raw);
            values[c] = ours.get();
        }

        void codeList(int c, Column column, String raw) {
            Optional<CodeList> list = mapCodeList(c, column, raw);
            if (list.isEmpty()) {
                defect(c, RejectReason.UNKNOWN_CODE, raw);
                return;
            }
            if (list.get().renamed()) rawCodes.put(column.name(), raw);
            values[c] = list.get().codes(); // immutable, so rows may share it
        }

        void crossChecks() {
            if (startColumn >= 0) {
                if (values[startColumn] instanceof LocalDate s && values[endColumn] instanceof LocalDate e && e.isBefore(s)) {
                    defect(endColumn, RejectReason.END_BEFORE_START, row.value(endColumn), source.columns().get(endColumn).name());
                }
            }
            if (source == Source.DELTAGARE) areaOfTeam();
        }

        /** R2: the area must be one of its team's areas (of any team when the team is unknown). */
        void areaOfTeam() {
            if (!(values[areaColumn] instanceof String area)) return;
            String teamId = values[teamColumn] instanceof String t ? t : null;
            Optional<String> known = RowValidator.this.area(teamId, area);
            if (known.isEmpty()) defect(areaColumn, RejectReason.UNKNOWN_TEAM_OR_AREA, area);
            else values[areaColumn] = known.get();
        }

        /**
         * A row with more non-blank cells than the header has columns is misaligned, most often by a
         * semicolon inside an unquoted value: every value after it may sit in the wrong column. It is
         * rejected as OUT_OF_RANGE at the first cell beyond the header. Blank cells there are fine, and
         * so is anything in a workbook, where cells cannot shift: there they are unnamed columns.
         */
        void extraCells() {
            ExtractRow.Beyond beyond = row.beyond();
            if (row.file().xlsx() || beyond == null) return;
            int width = row.mapping().width();
            String field = "(kolumn " + (beyond.firstIndex() + 1) + ")";
            Defect d = new Defect(RejectReason.OUT_OF_RANGE, beyond.firstIndex(), field, safeText(Values.trim(beyond.firstValue())),
                    "Raden har " + beyond.fields() + " fält men rubrikraden " + width + ", troligen för att ett värde innehåller"
                            + " semikolon (;). Sätt det värdet inom citattecken (\") eller ta bort semikolonet.",
                    "The row has " + beyond.fields() + " fields but the header " + width + ", probably because a value contains"
                            + " a semicolon (;). Put that value in quotes (\") or remove the semicolon.");
            if (worst == null || d.before(worst)) worst = d;
        }
    }

    /** A value as it may appear in a reject file: never a personnummer, never a megabyte. */
    static String safeValue(Column column, String raw) {
        if (column.kind() == Column.Kind.PERSONNUMMER) return shorten(Personnummer.mask(raw));
        return safeText(raw);
    }

    private static String safeText(String raw) {
        return shorten(LOOKS_LIKE_PNR.matcher(raw).find() ? Personnummer.mask(raw) : raw);
    }

    private static String shorten(String v) {
        return v.length() > MAX_VALUE_CHARS ? v.substring(0, MAX_VALUE_CHARS) + "…" : v;
    }
}
