package se.uppfoljning.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.uppfoljning.config.ConfigException;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.identity.PersonnummerCipher;
import se.uppfoljning.report.FormulaGuard;

/**
 * {@code esf-deltagare-<YYYY-MM>.csv} (SPEC §7): the monthly ESF participant file, one START row per
 * episode with consent that started in the month and one SLUT row per such episode that ended in it.
 * Every delivery of a month is kept (rows and hashes). When a month already delivered has changed
 * (a late or corrected extract), it is delivered again as {@code esf-deltagare-<YYYY-MM>-rattelse-<n>.csv}
 * with {@code rattelse = J} on its new and changed rows, and every later month already delivered is
 * re-issued the same way. Column order and codes: docs/exports.md.
 */
@Component
public class EsfExport {
    private static final Logger log = LoggerFactory.getLogger(EsfExport.class);
    public static final String JOB = "esf-export";
    public static final List<String> HEADER = List.of("personnummer", "projekt", "team", "handelse", "startdatum",
            "slutdatum", "kon", "fodelsear", "utbildningsniva", "funktionsnedsattning", "avslutsanledning", "rattelse");
    public static final int PNR_COLUMN = 0;
    public static final List<String> WORKLIST_HEADER = List.of("episod", "team", "handelse", "datum", "saknas");
    public static final String START = "START";
    public static final String SLUT = "SLUT";

    /**
     * One month as the register has it now, against its latest delivery: its worklist and anonymous
     * participations, and whether its rows differ from what was delivered (never, when not delivered).
     */
    record Month(String month, ExportRun last, int worklist, int anonymous, boolean changed) {
    }

    private final Participations participations;
    private final ExportHistory history;
    private final PersonnummerCipher cipher;
    private final InTransaction transaction;

    public EsfExport(Participations participations, ExportHistory history, PersonnummerCipher cipher,
                     InTransaction transaction) {
        this.participations = participations;
        this.history = history;
        this.cipher = cipher;
        this.transaction = transaction;
    }

    public static String fileName(String month, int version) {
        return "esf-deltagare-" + month + (version == 1 ? "" : "-rattelse-" + (version - 1)) + ".csv";
    }

    public static String worklistName(String month) {
        return "esf-deltagare-" + month + "-att-komplettera.csv";
    }

    /** The month, which must be over at the as-of date; the as-of date may not go back before the last export's. */
    public YearMonth check(ProjectConfig project, String period, LocalDate asOf) {
        YearMonth month;
        try {
            if (period == null || !period.matches("\\d{4}-\\d{2}")) throw new DateTimeParseException("", "", 0);
            month = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new ConfigException("esf-export takes a month: --period YYYY-MM (got " + period + ").");
        }
        if (month.atEndOfMonth().isAfter(asOf)) {
            throw new ConfigException("The month " + month + " is not over at the as-of date " + asOf
                    + ": export it with --as-of " + month.atEndOfMonth().plusDays(1) + " or later.");
        }
        if (month.atEndOfMonth().isBefore(project.start())) {
            throw new ConfigException("The month " + month + " is before the project's start " + project.start() + ".");
        }
        history.latestAsOf(project.id(), ExportRun.ESF).filter(last -> last.isAfter(asOf)).ifPresent(last -> {
            throw new ConfigException("The last esf-export of " + project.id() + " was as of " + last
                    + "; use --as-of " + last + " or later.");
        });
        return month;
    }

    /**
     * Every month is read twice at most, with a cursor and one participation at a time: once to
     * refresh its worklist and compare it with its latest delivery (each row's delivered hash joined in
     * SQL), and once more, in file order, when it is written. Nothing is held per episode.
     */
    public ExportResult export(ProjectConfig project, YearMonth requested, LocalDate asOf, long outcomeRun,
                               Long executionId, Path out) throws Exception {
        return transaction.call(() -> exportInTransaction(project, requested, asOf, outcomeRun, executionId, out));
    }

    private ExportResult exportInTransaction(ProjectConfig project, YearMonth requested, LocalDate asOf,
                                             long outcomeRun, Long executionId, Path out) throws Exception {
        Map<String, ExportRun> delivered = history.latestPerPeriod(project.id(), ExportRun.ESF);
        TreeSet<String> months = new TreeSet<>(delivered.keySet());
        months.add(requested.toString());

        Path folder = ExportFolders.registration(out, project.id());
        Map<String, Month> now = new HashMap<>();
        String firstChanged = null;
        long t0 = System.nanoTime();
        for (String m : months) {
            Month month = scan(project, YearMonth.parse(m), delivered.get(m), outcomeRun, folder);
            now.put(m, month);
            if (firstChanged == null && month.changed()) firstChanged = m;
        }

        List<String> summary = new ArrayList<>();
        String head = JOB + " " + project.id() + " " + requested + " per " + asOf;
        List<Long> ids = new ArrayList<>();
        long t1 = System.nanoTime();
        for (String m : months) {
            ExportRun last = delivered.get(m);
            boolean isNew = last == null && m.equals(requested.toString());
            boolean redo = last != null && firstChanged != null && m.compareTo(firstChanged) >= 0;
            if (!isNew && !redo) continue;
            String reason = isNew ? "NEW" : now.get(m).changed() ? "CORRECTION" : "REISSUE";
            ids.add(write(project, now.get(m), reason, asOf, outcomeRun, executionId, folder, summary));
        }
        log.info("{} {}: {} months compared in {} ms, {} written in {} ms", JOB, project.id(), months.size(),
                (t1 - t0) / 1_000_000, ids.size(), (System.nanoTime() - t1) / 1_000_000);
        if (ids.isEmpty()) {
            summary.add(0, head + ": månaden är redan exporterad (export " + delivered.get(requested.toString()).exportId()
                    + ") och ingen exporterad månad har ändrats; ingen fil skrevs.");
        } else {
            summary.add(0, head + ":");
        }
        Month asked = now.get(requested.toString());
        summary.add("  " + requested + ": att komplettera (inte med i filen): " + asked.worklist()
                + (asked.worklist() == 0 ? "" : " -> " + folder.resolve(worklistName(requested.toString()))));
        summary.add("  " + requested + ": anonyma deltaganden (räknas, listas inte): " + asked.anonymous());
        return new ExportResult(!ids.isEmpty(), ids, summary);
    }

    /**
     * The month's START and SLUT rows with each one's hash in the month's latest delivery: columns
     * {@link Participations#COLUMNS}, then event, its date and the delivered hash (null: not delivered).
     * Parameters: the delivery's export id (null for none), the run, the month's first and last day
     * ({@link #monthParameters}). The month's episodes are picked before the join with the register
     * (a start or an end in the month), else every episode of the run was joined and then dropped.
     */
    private static String monthRows(String order) {
        return """
                SELECT %s, ev.event, ev.day, r.row_hash
                  FROM %s
                 CROSS JOIN LATERAL (VALUES (0, 'START', f.start_date), (1, 'SLUT', f.end_date)) ev (rank, event, day)
                  LEFT JOIN export_row r ON r.export_id = CAST(? AS bigint) AND r.part = 'file'
                                        AND r.episode_key = f.episode_key AND r.event = ev.event
                 WHERE f.run_id = ? AND ev.day BETWEEN ? AND ?
                   AND (f.start_date BETWEEN ? AND ? OR f.end_date BETWEEN ? AND ?)
                 ORDER BY %s""".formatted(Participations.COLUMNS, Participations.FROM, order);
    }

    private static Object[] monthParameters(ExportRun last, long outcomeRun, YearMonth m) {
        LocalDate from = m.atDay(1);
        LocalDate to = m.atEndOfMonth();
        return new Object[] {last == null ? null : last.exportId(), outcomeRun, from, to, from, to, from, to};
    }

    /** The worklist's order: starts, then ends, each in the participations' order. */
    private static final String WORKLIST_ORDER = "ev.rank, " + Participations.ORDER;
    /**
     * The file's order: starts, then ends, each by its date, team and episode key, compared as Java
     * compares the cells (code point order, the team as {@link FormulaGuard} writes it).
     */
    private static final String FILE_ORDER = "ev.rank, ev.day, "
            + "CASE WHEN left(f.team, 1) IN ('=', '+', '-', '@', chr(9), chr(13))"
            + " AND f.team !~ '^[+-]?[0-9][0-9 .,]*$' THEN '''' || f.team ELSE f.team END COLLATE \"C\", "
            + "f.episode_key COLLATE \"C\"";

    /** Refreshes the month's worklist, counts its anonymous participations and compares it with its last delivery. */
    private Month scan(ProjectConfig project, YearMonth m, ExportRun last, long outcomeRun, Path folder)
            throws Exception {
        int[] anonymous = {0};
        int[] complete = {0};
        boolean[] differs = {false};
        int worklist;
        try (ExportCsv.FileWriter list = ExportCsv.open(folder.resolve(worklistName(m.toString())), WORKLIST_HEADER)) {
            participations.query(monthRows(WORKLIST_ORDER), (p, rs) -> {
                if (!p.registrable()) {
                    anonymous[0]++;
                    return;
                }
                String event = rs.getString(Participations.NEXT_COLUMN);
                List<String> missing = missing(p, event);
                if (!missing.isEmpty()) {
                    LocalDate date = event.equals(START) ? p.start() : p.end();
                    list.row(List.of(p.episodeKey(), p.team(), event, date.toString(), String.join(", ", missing)));
                    return;
                }
                complete[0]++;
                String delivered = rs.getString(Participations.NEXT_COLUMN + 2);
                if (last != null && !differs[0]) {
                    differs[0] = !ExportRow.hashOf(content(project, p, event), p.personKey()).equals(delivered);
                }
            }, monthParameters(last, outcomeRun, m));
            worklist = list.rows();
            list.refresh();
        }
        boolean changed = last != null && (differs[0] || complete[0] != last.rowCount());
        return new Month(m.toString(), last, worklist, anonymous[0], changed);
    }

    private long write(ProjectConfig project, Month month, String reason, LocalDate asOf, long outcomeRun,
                       Long executionId, Path folder, List<String> summary) throws Exception {
        ExportRun last = month.last();
        int version = last == null ? 1 : last.version() + 1;
        String name = fileName(month.month(), version);
        YearMonth m = YearMonth.parse(month.month());
        long id = history.start(new ExportRun(0, ExportRun.ESF, project.id(), month.month(), version, reason, asOf,
                outcomeRun, executionId, name, HEADER, PNR_COLUMN, "0".repeat(64), 0, month.worklist(),
                month.anonymous()));
        ExportHistory.RowWriter kept = history.rowWriter(id, ExportHistory.FILE);
        int[] starts = {0};
        int[] ends = {0};
        int[] flagged = {0};
        int[] matched = {0};
        String sha;
        int rows;
        try (ExportCsv.FileWriter file = ExportCsv.open(folder.resolve(name), HEADER)) {
            participations.query(monthRows(FILE_ORDER), (p, rs) -> {
                String event = rs.getString(Participations.NEXT_COLUMN);
                if (!p.registrable() || !missing(p, event).isEmpty()) return;
                List<String> content = content(project, p, event);
                String hash = ExportRow.hashOf(content, p.personKey());
                String delivered = rs.getString(Participations.NEXT_COLUMN + 2);
                if (delivered != null) matched[0]++;
                boolean corrected = last != null && !hash.equals(delivered);
                if (corrected) flagged[0]++;
                if (event.equals(START)) starts[0]++;
                else ends[0]++;
                List<String> cells = new ArrayList<>(content.size() + 1);
                cells.addAll(content);
                cells.add(corrected ? "J" : "N");
                file.row(cells, PNR_COLUMN, cipher.decrypt(p.pnrEncrypted()));
                kept.add(new ExportRow(p.episodeKey(), event, p.personKey(), null, hash, corrected ? "J" : "N", cells));
            }, monthParameters(last, outcomeRun, m));
            kept.flush();
            rows = file.rows();
            sha = file.finish();
            history.finish(id, sha, rows);
            file.commit();
        }
        ExportAudit.written(JOB, project.id(), id, name, rows, sha);

        int gone = last == null ? 0 : last.rowCount() - matched[0];
        String what = switch (reason) {
            case "NEW" -> "första leveransen";
            case "CORRECTION" -> "RÄTTELSE, ersätter leverans " + last.version() + " (export " + last.exportId() + ")";
            default -> "omsänd efter rättelse av en tidigare månad, ersätter export " + last.exportId();
        };
        summary.add("  " + month.month() + ": export " + id + " -> " + folder.resolve(name) + " (" + what + ")");
        summary.add("    sha256 " + sha);
        summary.add("    rader: START " + starts[0] + ", SLUT " + ends[0]
                + (last == null ? "" : "; rattelse J " + flagged[0] + ", borttagna sedan förra leveransen " + gone));
        return id;
    }

    /** The row's content in file order, without personnummer and without the rattelse flag. */
    static List<String> content(ProjectConfig project, Participation p, String event) {
        boolean start = event.equals(START);
        List<String> c = new ArrayList<>(10);
        c.add(project.id());
        c.add(p.team());
        c.add(event);
        c.add(p.start().toString());
        c.add(start ? "" : p.end().toString());
        c.add(p.gender());
        c.add(String.valueOf(p.birthYear()));
        c.add(start ? p.education() : "");
        c.add(start ? (p.disability() ? "J" : "N") : "");
        c.add(start ? "" : p.endReason());
        return c.stream().map(FormulaGuard::neutralise).toList();
    }

    /**
     * Required: kön in every row; at START the ESF+ entry data utbildningsnivå and
     * funktionsnedsättning (EECO09–EECO12); at SLUT avslutsanledning.
     */
    static List<String> missing(Participation p, String event) {
        List<String> m = new ArrayList<>();
        if (p.gender() == null) m.add("kön");
        if (event.equals(START)) {
            if (p.education() == null) m.add("utbildningsnivå");
            if (p.disability() == null) m.add("funktionsnedsättning");
        } else if (p.endReason() == null) {
            m.add("avslutsanledning");
        }
        return m;
    }
}
