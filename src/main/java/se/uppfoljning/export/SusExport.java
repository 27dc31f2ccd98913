package se.uppfoljning.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.uppfoljning.config.ConfigException;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.identity.PersonnummerCipher;
import se.uppfoljning.report.FormulaGuard;

/**
 * {@code sus-registrering.csv} (SPEC §7): the SUS-style in- and out-registration, one row per
 * episode with consent that changed since the project's previous export, marked NY, ANDRAD or
 * AVSLUTAD. Episodes the previous exports carried that are no longer there go to a removal list
 * without personnummer; rows lacking a required value go to the worklist instead of the file.
 * Column order and code values: docs/exports.md.
 */
@Component
public class SusExport {
    public static final String JOB = "sus-export";
    public static final String FILE = "sus-registrering.csv";
    public static final String WORKLIST = "sus-registrering-att-komplettera.csv";
    public static final String REMOVALS = "sus-registrering-att-makulera.csv";
    public static final List<String> HEADER = List.of("andring", "personnummer", "kon", "fodelsear", "projekt",
            "team", "startdatum", "remittent", "ersattning_start", "utbildningsniva", "slutdatum", "avslutsanledning",
            "sysselsattning_efter", "ersattning_slut");
    public static final int PNR_COLUMN = 1;
    public static final List<String> WORKLIST_HEADER = List.of("episod", "team", "startdatum", "saknas");
    public static final List<String> REMOVALS_HEADER = List.of("episod", "team", "startdatum", "orsak",
            "senaste_export", "fil", "rad");

    public static final String NY = "NY";
    public static final String ANDRAD = "ANDRAD";
    public static final String AVSLUTAD = "AVSLUTAD";
    public static final String BORTTAGEN = "BORTTAGEN";
    private static final List<String> MARKER_ORDER = List.of(NY, ANDRAD, AVSLUTAD);

    // positions in a row's cells (the file's columns without personnummer)
    static final int MARKER = 0;
    static final int TEAM = 4;
    static final int START = 5;
    static final int END = 9;

    private final Participations participations;
    private final ExportHistory history;
    private final PersonnummerCipher cipher;
    private final JdbcClient jdbc;

    public SusExport(Participations participations, ExportHistory history, PersonnummerCipher cipher, JdbcClient jdbc) {
        this.participations = participations;
        this.history = history;
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    /** Refuses an as-of date before the last export's: a delta backwards in time would undo registrations. */
    public void check(ProjectConfig project, LocalDate asOf) {
        history.latestAsOf(project.id(), ExportRun.SUS).filter(last -> last.isAfter(asOf)).ifPresent(last -> {
            throw new ConfigException("The last sus-export of " + project.id() + " was as of " + last
                    + "; an export as of the earlier date " + asOf + " would undo what it registered. Use --as-of "
                    + last + " or later.");
        });
    }

    public ExportResult export(ProjectConfig project, LocalDate asOf, long outcomeRun, Long executionId, Path out)
            throws Exception {
        List<Participation> all = participations.of(outcomeRun);
        int anonymous = 0;
        Set<String> present = new HashSet<>();
        Map<String, ExportRow> complete = new LinkedHashMap<>();
        List<List<String>> worklist = new ArrayList<>();
        for (Participation p : all) {
            if (!p.registrable()) {
                anonymous++;
                continue;
            }
            present.add(p.episodeKey());
            List<String> missing = missing(p);
            if (!missing.isEmpty()) {
                worklist.add(List.of(p.episodeKey(), p.team(), p.start().toString(), String.join(", ", missing)));
                continue;
            }
            List<String> content = content(project, p);
            complete.put(p.episodeKey(), new ExportRow(p.episodeKey(), null, p.personKey(), p.pnrEncrypted(),
                    ExportRow.hashOf(content, p.personKey()), null, content));
        }

        Map<String, ExportHistory.Registered> state = history.susState(project.id());
        List<ExportRow> changed = new ArrayList<>();
        for (ExportRow row : complete.values()) {
            String marker = marker(state.get(row.episodeKey()), row);
            if (marker == null) continue;
            List<String> cells = new ArrayList<>(row.cells().size() + 1);
            cells.add(marker);
            cells.addAll(row.cells());
            changed.add(new ExportRow(row.episodeKey(), null, row.personKey(), row.pnrEncrypted(), row.hash(), marker,
                    List.copyOf(cells)));
        }
        changed.sort(Comparator.comparingInt(r -> MARKER_ORDER.indexOf(r.marker())));
        List<ExportRow> removed = new ArrayList<>();
        for (ExportHistory.Registered r : state.values()) {
            if (r.marker().equals(BORTTAGEN) || present.contains(r.episodeKey())) continue;
            removed.add(new ExportRow(r.episodeKey(), null, r.personKey(), null, null, BORTTAGEN, List.of(
                    r.episodeKey(), r.cells().get(TEAM), r.cells().get(START), removalReason(project.id(), r),
                    String.valueOf(r.exportId()), r.fileName(), String.valueOf(r.position() + 1))));
        }
        // as the file: by start date, team and episode key
        removed.sort(Comparator.comparing((ExportRow r) -> r.cells().get(2)).thenComparing(r -> r.cells().get(1))
                .thenComparing(ExportRow::episodeKey));

        Path folder = ExportFolders.registration(out, project.id());
        PrivateFiles.refresh(folder.resolve(WORKLIST),
                worklist.isEmpty() ? null : ExportCsv.render(WORKLIST_HEADER, worklist));
        List<String> summary = new ArrayList<>();
        String head = JOB + " " + project.id() + " per " + asOf;
        if (changed.isEmpty() && removed.isEmpty()) {
            summary.add(head + ": inga ändringar sedan förra exporten"
                    + history.latest(project.id(), ExportRun.SUS, null).map(x -> " (export " + x.exportId() + ")").orElse("")
                    + "; ingen fil skrevs.");
            tail(summary, worklist.size(), anonymous, folder);
            return new ExportResult(false, List.of(), summary);
        }

        byte[] bytes = ExportCsv.render(HEADER, PNR_COLUMN, changed, r -> cipher.decrypt(r.pnrEncrypted()));
        String sha = PrivateFiles.sha256(bytes);
        boolean first = state.isEmpty();
        long id = history.record(new ExportRun(0, ExportRun.SUS, project.id(), null, 1, first ? "NEW" : "DELTA", asOf,
                outcomeRun, executionId, FILE, HEADER, PNR_COLUMN, sha, changed.size(), worklist.size(), anonymous),
                changed, removed);
        PrivateFiles.write(folder.resolve(FILE), bytes);
        ExportAudit.written(JOB, project.id(), id, FILE, changed.size(), sha);
        PrivateFiles.refresh(folder.resolve(REMOVALS), removed.isEmpty() ? null : removals(removed));

        summary.add(head + ": export " + id + " -> " + folder.resolve(FILE));
        summary.add("  sha256 " + sha);
        summary.add("  rader: NY " + count(changed, NY) + ", ANDRAD " + count(changed, ANDRAD) + ", AVSLUTAD "
                + count(changed, AVSLUTAD) + " (totalt " + changed.size() + ")");
        if (!removed.isEmpty()) {
            summary.add("  borttagna sedan tidigare export: " + removed.size() + " -> " + REMOVALS
                    + " (makulera dem i mottagarsystemet)");
        }
        tail(summary, worklist.size(), anonymous, folder);
        return new ExportResult(true, List.of(id), summary);
    }

    /** The removal list of an export, as written and as re-created. */
    static byte[] removals(List<ExportRow> removed) {
        return ExportCsv.render(REMOVALS_HEADER, removed.stream().map(ExportRow::cells).toList());
    }

    private static void tail(List<String> summary, int worklist, int anonymous, Path folder) {
        summary.add("  att komplettera (inte med i filen): " + worklist
                + (worklist > 0 ? " -> " + folder.resolve(WORKLIST) : ""));
        summary.add("  anonyma deltaganden (räknas, listas inte): " + anonymous);
    }

    /**
     * NY when the receiver has not got the episode (or it was taken out again); AVSLUTAD when it was
     * sent running and now has an end; ANDRAD for any other change; null when unchanged.
     */
    static String marker(ExportHistory.Registered previous, ExportRow now) {
        if (previous == null || previous.marker().equals(BORTTAGEN)) return NY;
        if (previous.hash().equals(now.hash())) return null;
        boolean wasEnded = !previous.cells().get(END).isEmpty();
        boolean isEnded = !now.cells().get(END - 1).isEmpty();
        return !wasEnded && isEnded ? AVSLUTAD : ANDRAD;
    }

    /** The row's content in file order after the marker, without personnummer. */
    static List<String> content(ProjectConfig project, Participation p) {
        List<String> c = new ArrayList<>(12);
        c.add(p.gender());
        c.add(String.valueOf(p.birthYear()));
        c.add(project.id());
        c.add(p.team());
        c.add(p.start().toString());
        c.add(nz(p.referrer()));
        c.add(String.join("|", p.supportStart()));
        c.add(nz(p.education()));
        c.add(p.ended() ? p.end().toString() : "");
        c.add(p.ended() ? nz(p.endReason()) : "");
        c.add(p.ended() ? nz(p.exitStatus()) : "");
        c.add(p.ended() ? String.join("|", p.supportEnd()) : "");
        return c.stream().map(FormulaGuard::neutralise).toList();
    }

    /**
     * The required values a row lacks, named in Swedish. Always: kön, remittent, ersättning vid start,
     * utbildningsnivå. For an ended episode also avslutsanledning, sysselsättning efter (EXIT_STATUS;
     * OKAND, no evidence, counts as missing) and ersättning vid avslut. A code the team itself gave,
     * OKAND included, is a value.
     */
    static List<String> missing(Participation p) {
        List<String> m = new ArrayList<>();
        if (p.gender() == null) m.add("kön");
        if (p.referrer() == null) m.add("remittent");
        if (p.supportStart().isEmpty()) m.add("ersättning vid start");
        if (p.education() == null) m.add("utbildningsnivå");
        if (p.ended()) {
            if (p.endReason() == null) m.add("avslutsanledning");
            if (p.exitStatus() == null || p.exitStatus().equals("OKAND")) m.add("sysselsättning efter");
            if (p.supportEnd().isEmpty()) m.add("ersättning vid avslut");
        }
        return m;
    }

    /** Why an episode the receiver has is no longer to be registered, in Swedish (docs/exports.md). */
    private String removalReason(String projectId, ExportHistory.Registered r) {
        return jdbc.sql("""
                        SELECT CASE
                                 WHEN EXISTS (SELECT 1 FROM episode WHERE project_id = :p AND person_key = :pk
                                                 AND protected_identity) THEN 'skyddad identitet'
                                 WHEN EXISTS (SELECT 1 FROM episode WHERE project_id = :p AND episode_key = :k
                                                 AND NOT consent) THEN 'samtycke saknas'
                                 WHEN EXISTS (SELECT 1 FROM episode WHERE project_id = :p AND person_key = :pk
                                                 AND start_date = CAST(:start AS date) AND void)
                                      THEN 'felregistrerad (FELREG)'
                                 ELSE 'finns inte längre i leveranserna'
                               END""")
                .param("p", projectId).param("pk", r.personKey()).param("k", r.episodeKey())
                .param("start", r.cells().get(START))
                .query(String.class).single();
    }

    private static long count(List<ExportRow> rows, String marker) {
        return rows.stream().filter(r -> r.marker().equals(marker)).count();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
