package se.uppfoljning.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

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
    public static final String JOB = "esf-export";
    public static final List<String> HEADER = List.of("personnummer", "projekt", "team", "handelse", "startdatum",
            "slutdatum", "kon", "fodelsear", "utbildningsniva", "funktionsnedsattning", "avslutsanledning", "rattelse");
    public static final int PNR_COLUMN = 0;
    public static final List<String> WORKLIST_HEADER = List.of("episod", "team", "handelse", "datum", "saknas");
    public static final String START = "START";
    public static final String SLUT = "SLUT";

    /** One month's rows as the register has them now: complete rows for the file, the rest for the worklist. */
    record Month(String month, List<ExportRow> rows, List<List<String>> worklist, int anonymous) {
    }

    private final Participations participations;
    private final ExportHistory history;
    private final PersonnummerCipher cipher;

    public EsfExport(Participations participations, ExportHistory history, PersonnummerCipher cipher) {
        this.participations = participations;
        this.history = history;
        this.cipher = cipher;
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

    public ExportResult export(ProjectConfig project, YearMonth requested, LocalDate asOf, long outcomeRun,
                               Long executionId, Path out) throws Exception {
        List<Participation> all = participations.of(outcomeRun);
        Map<String, ExportRun> delivered = history.latestPerPeriod(project.id(), ExportRun.ESF);
        TreeSet<String> months = new TreeSet<>(delivered.keySet());
        months.add(requested.toString());

        Map<String, Month> now = new HashMap<>();
        Map<String, Map<String, String>> before = new HashMap<>();
        String firstChanged = null;
        for (String m : months) {
            now.put(m, month(project, YearMonth.parse(m), all));
            ExportRun last = delivered.get(m);
            if (last == null) continue;
            Map<String, String> hashes = new HashMap<>();
            for (ExportRow r : history.rows(last.exportId(), ExportHistory.FILE)) hashes.put(identity(r), r.hash());
            before.put(m, hashes);
            if (firstChanged == null && !hashes.equals(hashes(now.get(m).rows()))) firstChanged = m;
        }

        Path folder = ExportFolders.registration(out, project.id());
        for (String m : months) {
            Month month = now.get(m);
            PrivateFiles.refresh(folder.resolve(worklistName(m)),
                    month.worklist().isEmpty() ? null : ExportCsv.render(WORKLIST_HEADER, month.worklist()));
        }

        List<String> summary = new ArrayList<>();
        String head = JOB + " " + project.id() + " " + requested + " per " + asOf;
        List<Long> ids = new ArrayList<>();
        for (String m : months) {
            ExportRun last = delivered.get(m);
            boolean isNew = last == null && m.equals(requested.toString());
            boolean redo = last != null && firstChanged != null && m.compareTo(firstChanged) >= 0;
            if (!isNew && !redo) continue;
            Map<String, String> previous = before.getOrDefault(m, Map.of());
            String reason = isNew ? "NEW" : previous.equals(hashes(now.get(m).rows())) ? "REISSUE" : "CORRECTION";
            ids.add(write(project, now.get(m), last, previous, reason, asOf, outcomeRun, executionId, folder, summary));
        }
        if (ids.isEmpty()) {
            summary.add(0, head + ": månaden är redan exporterad (export " + delivered.get(requested.toString()).exportId()
                    + ") och ingen exporterad månad har ändrats; ingen fil skrevs.");
        } else {
            summary.add(0, head + ":");
        }
        Month asked = now.get(requested.toString());
        summary.add("  " + requested + ": att komplettera (inte med i filen): " + asked.worklist().size()
                + (asked.worklist().isEmpty() ? "" : " -> " + folder.resolve(worklistName(requested.toString()))));
        summary.add("  " + requested + ": anonyma deltaganden (räknas, listas inte): " + asked.anonymous());
        return new ExportResult(!ids.isEmpty(), ids, summary);
    }

    private long write(ProjectConfig project, Month month, ExportRun last, Map<String, String> previous, String reason,
                       LocalDate asOf, long outcomeRun, Long executionId, Path folder, List<String> summary)
            throws Exception {
        int version = last == null ? 1 : last.version() + 1;
        List<ExportRow> rows = new ArrayList<>();
        int flagged = 0;
        for (ExportRow r : month.rows()) {
            boolean corrected = last != null && !r.hash().equals(previous.get(identity(r)));
            if (corrected) flagged++;
            List<String> cells = new ArrayList<>(r.cells());
            cells.add(corrected ? "J" : "N");
            rows.add(new ExportRow(r.episodeKey(), r.event(), r.personKey(), r.pnrEncrypted(), r.hash(),
                    corrected ? "J" : "N", List.copyOf(cells)));
        }
        java.util.Set<String> present = hashes(month.rows()).keySet();
        long gone = previous.keySet().stream().filter(k -> !present.contains(k)).count();
        String name = fileName(month.month(), version);
        byte[] bytes = ExportCsv.render(HEADER, PNR_COLUMN, rows, r -> cipher.decrypt(r.pnrEncrypted()));
        String sha = PrivateFiles.sha256(bytes);
        long id = history.record(new ExportRun(0, ExportRun.ESF, project.id(), month.month(), version, reason, asOf,
                outcomeRun, executionId, name, HEADER, PNR_COLUMN, sha, rows.size(), month.worklist().size(),
                month.anonymous()), rows, List.of());
        PrivateFiles.write(folder.resolve(name), bytes);
        ExportAudit.written(JOB, project.id(), id, name, rows.size(), sha);

        String what = switch (reason) {
            case "NEW" -> "första leveransen";
            case "CORRECTION" -> "RÄTTELSE, ersätter leverans " + last.version() + " (export " + last.exportId() + ")";
            default -> "omsänd efter rättelse av en tidigare månad, ersätter export " + last.exportId();
        };
        summary.add("  " + month.month() + ": export " + id + " -> " + folder.resolve(name) + " (" + what + ")");
        summary.add("    sha256 " + sha);
        summary.add("    rader: START " + rows.stream().filter(r -> r.event().equals(START)).count() + ", SLUT "
                + rows.stream().filter(r -> r.event().equals(SLUT)).count()
                + (last == null ? "" : "; rattelse J " + flagged + ", borttagna sedan förra leveransen " + gone));
        return id;
    }

    /** The month's START and SLUT rows, in date order (starts first). */
    Month month(ProjectConfig project, YearMonth m, List<Participation> all) {
        List<ExportRow> rows = new ArrayList<>();
        List<List<String>> worklist = new ArrayList<>();
        int anonymous = 0;
        for (String event : List.of(START, SLUT)) {
            for (Participation p : all) {
                LocalDate date = event.equals(START) ? p.start() : p.end();
                if (date == null || !YearMonth.from(date).equals(m)) continue;
                if (!p.registrable()) {
                    anonymous++;
                    continue;
                }
                List<String> missing = missing(p, event);
                if (!missing.isEmpty()) {
                    worklist.add(List.of(p.episodeKey(), p.team(), event, date.toString(), String.join(", ", missing)));
                    continue;
                }
                List<String> content = content(project, p, event);
                rows.add(new ExportRow(p.episodeKey(), event, p.personKey(), p.pnrEncrypted(),
                        ExportRow.hashOf(content, p.personKey()), null, content));
            }
        }
        if (rows.size() > 1) {
            rows.sort((a, b) -> {
                int byEvent = a.event().compareTo(b.event()) * -1; // START before SLUT
                if (byEvent != 0) return byEvent;
                String da = a.event().equals(START) ? a.cells().get(3) : a.cells().get(4);
                String db = b.event().equals(START) ? b.cells().get(3) : b.cells().get(4);
                int byDate = da.compareTo(db);
                if (byDate != 0) return byDate;
                int byTeam = a.cells().get(1).compareTo(b.cells().get(1));
                return byTeam != 0 ? byTeam : a.episodeKey().compareTo(b.episodeKey());
            });
        }
        return new Month(m.toString(), rows, worklist, anonymous);
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

    private static Map<String, String> hashes(List<ExportRow> rows) {
        Map<String, String> h = new HashMap<>();
        for (ExportRow r : rows) h.put(identity(r), r.hash());
        return h;
    }

    private static String identity(ExportRow r) {
        return Objects.requireNonNull(r.episodeKey()) + "/" + r.event();
    }
}
