package se.uppfoljning.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.uppfoljning.config.ConfigException;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.database.ForeignKeys;
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
    private static final Logger log = LoggerFactory.getLogger(SusExport.class);
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
    private final JdbcTemplate template;
    private final InTransaction transaction;

    public SusExport(Participations participations, ExportHistory history, PersonnummerCipher cipher, JdbcClient jdbc,
                     JdbcTemplate template, InTransaction transaction) {
        this.participations = participations;
        this.history = history;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
    }

    /** Refuses an as-of date before the last export's: a delta backwards in time would undo registrations. */
    public void check(ProjectConfig project, LocalDate asOf) {
        history.latestAsOf(project.id(), ExportRun.SUS).filter(last -> last.isAfter(asOf)).ifPresent(last -> {
            throw new ConfigException("The last sus-export of " + project.id() + " was as of " + last
                    + "; an export as of the earlier date " + asOf + " would undo what it registered. Use --as-of "
                    + last + " or later.");
        });
    }

    /**
     * The delta is computed without holding the project's episodes: the participations are read with
     * a cursor beside each one's registered state (joined in SQL), on a second connection a few
     * batches ahead of this one ({@link ReadAhead}). NY rows, which come first in the
     * file, are written to it and to the history as they come (the first export is all NY); ANDRAD and
     * AVSLUTAD rows wait in a temporary table of the transaction and follow, in that order (each in the
     * participations' order). The removals are selected in SQL.
     */
    public ExportResult export(ProjectConfig project, LocalDate asOf, long outcomeRun, Long executionId, Path out)
            throws Exception {
        return transaction.call(() -> exportInTransaction(project, asOf, outcomeRun, executionId, out));
    }

    private ExportResult exportInTransaction(ProjectConfig project, LocalDate asOf, long outcomeRun, Long executionId,
                                             Path out) throws Exception {
        Path folder = ExportFolders.registration(out, project.id());
        long t0 = System.nanoTime();
        jdbc.sql("DROP TABLE IF EXISTS pg_temp.sus_delta, pg_temp.sus_removed").update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE sus_delta (position integer, episode_id bigint, episode_key text,
                    person_key char(64) COLLATE "C", row_hash char(64), marker text, cells text[])
                ON COMMIT DROP""").update();
        boolean first = !history.susRegistered(project.id());
        // a first export's rows are all new, one per participation at most: the history's key may be
        // checked once after them instead of row by row (its read-ahead then must not read export_row)
        ForeignKeys rowKey = first ? history.dropRowKeyForFirstExport(jdbc.sql(
                        "SELECT count(*) FROM episode WHERE project_id = ?").param(project.id()).query(Long.class).single())
                : ForeignKeys.none();
        // the export's id is taken at its first row (or its first removal), so that an export that
        // writes nothing takes none
        Export export = new Export(new ExportRun(0, ExportRun.SUS, project.id(), null, 1, first ? "NEW" : "DELTA",
                asOf, outcomeRun, executionId, FILE, HEADER, PNR_COLUMN, "0".repeat(64), 0, 0, 0));

        // registered episodes that are no longer registrable (the removal list), in SQL, before this
        // export's own rows join the registered state
        jdbc.sql("""
                CREATE TEMPORARY TABLE sus_removed (ord bigint, episode_key text, person_key char(64) COLLATE "C",
                    cells text[])
                ON COMMIT DROP""").update();
        jdbc.sql("""
                        INSERT INTO sus_removed (ord, episode_key, person_key, cells)
                        WITH state AS (%s)
                        SELECT row_number() OVER (ORDER BY s.cells[%d] COLLATE "C", s.cells[%d] COLLATE "C",
                                                           s.episode_key COLLATE "C") AS ord,
                               s.episode_key, s.person_key,
                               ARRAY[s.episode_key, s.cells[%d], s.cells[%d],
                                     CASE
                                       WHEN EXISTS (SELECT 1 FROM episode WHERE project_id = ? AND person_key = decode(s.person_key, 'hex')
                                                       AND protected_identity) THEN 'skyddad identitet'
                                       WHEN EXISTS (SELECT 1 FROM episode WHERE project_id = ? AND episode_key = s.episode_key
                                                       AND NOT consent) THEN 'samtycke saknas'
                                       WHEN EXISTS (SELECT 1 FROM episode WHERE project_id = ? AND person_key = decode(s.person_key, 'hex')
                                                       AND start_date = CAST(s.cells[%d] AS date) AND void)
                                            THEN 'felregistrerad (FELREG)'
                                       ELSE 'finns inte längre i leveranserna'
                                     END,
                                     CAST(s.export_id AS text), s.file_name, CAST(s.position + 1 AS text)] AS cells
                          FROM state s
                         WHERE s.marker <> ?
                           AND NOT EXISTS (SELECT 1 FROM %s
                                            WHERE f.run_id = ? AND f.episode_key = s.episode_key
                                              AND NOT f.anonymous AND e.pnr_encrypted IS NOT NULL
                                              AND NOT EXISTS (SELECT 1 FROM episode p
                                                               WHERE p.project_id = e.project_id
                                                                 AND p.person_key = e.person_key
                                                                 AND p.protected_identity))"""
                        .formatted(ExportHistory.SUS_STATE, START + 1, TEAM + 1, TEAM + 1, START + 1, START + 1,
                                Participations.FROM))
                .params(project.id(), project.id(), project.id(), project.id(), BORTTAGEN, outcomeRun).update();
        int removed = jdbc.sql("SELECT count(*) FROM sus_removed").query(Integer.class).single();
        long t1 = System.nanoTime();

        // the participations beside their registered state; NY rows to the file and the history,
        // the other changed rows to sus_delta (positions counted per marker), incomplete ones to the worklist
        Map<String, Integer> markers = new LinkedHashMap<>();
        MARKER_ORDER.forEach(m -> markers.put(m, 0));
        int[] anonymous = {0};
        int worklistRows;
        // the history's COPY is ended before each batch of changed rows goes in on the same connection
        RowBatch delta = new RowBatch(template, """
                INSERT INTO sus_delta (position, episode_id, episode_key, person_key, row_hash, marker, cells)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", export::flush);
        String sha;
        int changed;
        long t2;
        long t3;
        try (ExportCsv.FileWriter file = ExportCsv.open(folder.resolve(FILE), HEADER)) {
            try (ExportCsv.FileWriter worklist = ExportCsv.open(folder.resolve(WORKLIST), WORKLIST_HEADER)) {
                // read ahead on a second connection: the query, this loop and the history's COPY at once
                // a first export has no registered state to read (and export_row may be locked by this
                // transaction, see above)
                String query = first
                        ? """
                          SELECT %s, e.episode_id, CAST(NULL AS char(64)), CAST(NULL AS text), CAST(NULL AS text)
                            FROM %s
                           WHERE f.run_id = ?
                           ORDER BY %s""".formatted(Participations.COLUMNS, Participations.FROM, Participations.ORDER)
                        : """
                          WITH state AS (%s)
                          SELECT %s, e.episode_id, s.row_hash, s.marker, s.cells[%d]
                            FROM %s LEFT JOIN state s ON s.episode_key = f.episode_key
                           WHERE f.run_id = ?
                           ORDER BY %s""".formatted(ExportHistory.SUS_STATE, Participations.COLUMNS, END + 1,
                                Participations.FROM, Participations.ORDER);
                Object[] parameters = first ? new Object[] {outcomeRun} : new Object[] {project.id(), outcomeRun};
                try {
                    participations.queryAhead(query, 4,
                            (p, previous) -> {
                                if (!p.registrable()) {
                                    anonymous[0]++;
                                    return;
                                }
                                List<String> missing = missing(p);
                                if (!missing.isEmpty()) {
                                    worklist.row(List.of(p.episodeKey(), p.team(), p.start().toString(),
                                            String.join(", ", missing)));
                                    return;
                                }
                                long episodeId = ((Number) previous[0]).longValue();
                                String previousHash = (String) previous[1];
                                String previousMarker = (String) previous[2];
                                String previousEnd = (String) previous[3];
                                List<String> content = content(project, p);
                                String hash = ExportRow.hashOf(content, p.personKey());
                                String marker = marker(previousHash, previousMarker, previousEnd, hash, content);
                                if (marker == null) return;
                                List<String> cells = new ArrayList<>(content.size() + 1);
                                cells.add(marker);
                                cells.addAll(content);
                                int position = markers.merge(marker, 1, Integer::sum);
                                if (marker.equals(NY)) {
                                    file.row(cells, PNR_COLUMN, cipher.decrypt(p.pnrEncrypted()));
                                    export.rows().add(new ExportRow(p.episodeKey(), null, p.personKey(), null, hash,
                                            marker, cells));
                                } else {
                                    delta.add(position, episodeId, p.episodeKey(), p.personKey(), hash, marker, cells);
                                }
                            }, parameters);
                } catch (Exception e) {
                    export.cancel(); // an open COPY would keep the transaction from rolling back
                    throw e;
                }
                delta.flush();
                export.flush();
                // a first export's rows are all in (it has no changed or removed ones), also when
                // there were none and nothing is written below
                rowKey.restore();
                worklistRows = worklist.rows();
                worklist.refresh();
            }
            changed = markers.values().stream().mapToInt(Integer::intValue).sum();
            t2 = System.nanoTime();

            if (changed == 0 && removed == 0) {
                log.info("{} {}: removals {} ms, delta {} ms, nothing to write", JOB, project.id(), ms(t0, t1),
                        ms(t1, t2));
                List<String> summary = new ArrayList<>();
                summary.add(JOB + " " + project.id() + " per " + asOf + ": inga ändringar sedan förra exporten"
                        + history.latest(project.id(), ExportRun.SUS, null).map(x -> " (export " + x.exportId() + ")")
                        .orElse("") + "; ingen fil skrevs.");
                tail(summary, worklistRows, anonymous[0], folder);
                return new ExportResult(false, List.of(), summary);
            }

            // ANDRAD, then AVSLUTAD, after the NY rows
            int ny = markers.get(NY);
            int andrad = markers.get(ANDRAD);
            participations.rows("""
                            SELECT d.cells, e.pnr_encrypted FROM sus_delta d JOIN episode e ON e.episode_id = d.episode_id
                             ORDER BY d.marker = ?, d.position""",
                    rs -> file.row(Participations.list(rs.getArray(1)), PNR_COLUMN, cipher.decrypt(rs.getBytes(2))),
                    AVSLUTAD);
            sha = file.finish();
            t3 = System.nanoTime();
            long id = export.id();
            history.insertSelected(id, ExportHistory.FILE, """
                    SELECT CASE WHEN marker = ? THEN CAST(? AS integer) ELSE CAST(? AS integer) END + position,
                           episode_key, CAST(NULL AS text), person_key, row_hash, marker, cells
                      FROM sus_delta""", AVSLUTAD, ny + andrad, ny);
            history.insertSelected(id, ExportHistory.REMOVED, """
                    SELECT CAST(ord AS integer), episode_key, CAST(NULL AS text), person_key, CAST(NULL AS char(64)),
                           CAST(? AS text), cells
                      FROM sus_removed""", BORTTAGEN);
            history.finish(id, sha, changed, worklistRows, anonymous[0]);
            file.commit();
        }
        long t4 = System.nanoTime();
        long id = export.id();
        ExportAudit.written(JOB, project.id(), id, FILE, changed, sha);
        try (ExportCsv.FileWriter list = ExportCsv.open(folder.resolve(REMOVALS), REMOVALS_HEADER)) {
            history.forEachRow(id, ExportHistory.REMOVED, r -> list.row(r.cells()));
            list.refresh();
        }
        log.info("{} {}: removals {} ms, delta {} ms, rest of the file {} ms, history {} ms, removal list {} ms", JOB,
                project.id(), ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, System.nanoTime()));

        String head = JOB + " " + project.id() + " per " + asOf;
        List<String> summary = new ArrayList<>();
        summary.add(head + ": export " + id + " -> " + folder.resolve(FILE));
        summary.add("  sha256 " + sha);
        summary.add("  rader: NY " + markers.get(NY) + ", ANDRAD " + markers.get(ANDRAD) + ", AVSLUTAD "
                + markers.get(AVSLUTAD) + " (totalt " + changed + ")");
        if (removed > 0) {
            summary.add("  borttagna sedan tidigare export: " + removed + " -> " + REMOVALS
                    + " (makulera dem i mottagarsystemet)");
        }
        tail(summary, worklistRows, anonymous[0], folder);
        return new ExportResult(true, List.of(id), summary);
    }

    /** The export being recorded: started in the history when its id is first needed. */
    private final class Export {
        private final ExportRun run;
        private long id;
        private ExportHistory.RowWriter rows;

        Export(ExportRun run) {
            this.run = run;
        }

        long id() {
            if (id == 0) id = history.start(run);
            return id;
        }

        /**
         * The file part's rows, from position 1, with one COPY open while the participations come
         * (they are read on another connection); a flush ends it before any other statement.
         */
        ExportHistory.RowWriter rows() {
            if (rows == null) rows = history.streamingRowWriter(id(), ExportHistory.FILE);
            return rows;
        }

        void flush() {
            if (rows != null) rows.flush();
        }

        void cancel() {
            if (rows != null) rows.cancel();
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static void tail(List<String> summary, int worklist, int anonymous, Path folder) {
        summary.add("  att komplettera (inte med i filen): " + worklist
                + (worklist > 0 ? " -> " + folder.resolve(WORKLIST) : ""));
        summary.add("  anonyma deltaganden (räknas, listas inte): " + anonymous);
    }

    /**
     * NY when the receiver has not got the episode (or it was taken out again); AVSLUTAD when it was
     * sent running and now has an end; ANDRAD for any other change; null when unchanged.
     *
     * @param previousHash   the row hash of the episode's latest registered state; null when never registered
     * @param previousMarker that state's marker (BORTTAGEN: taken out again)
     * @param previousEnd    that state's slutdatum cell (empty while it ran)
     * @param content        the row's content now, without the marker
     */
    static String marker(String previousHash, String previousMarker, String previousEnd, String hash,
                         List<String> content) {
        if (previousMarker == null || previousMarker.equals(BORTTAGEN)) return NY;
        if (hash.equals(previousHash)) return null;
        boolean wasEnded = previousEnd != null && !previousEnd.isEmpty();
        boolean isEnded = !content.get(END - 1).isEmpty();
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
