package se.uppfoljning.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.uppfoljning.config.ConfigException;
import se.uppfoljning.identity.PersonnummerCipher;

/**
 * Writes an earlier export again, byte for byte, from the history: the rows as they were written,
 * with each personnummer decrypted from the register through the row's person_key. The result is
 * checked against the SHA-256 recorded when the export was made and written only when they agree,
 * into out/&lt;project&gt;/registrering/aterskapad/&lt;export-id&gt;/.
 *
 * <p>A number the register no longer holds (the person withdrew consent, has protected identity,
 * or was removed by a corrected delivery) is not brought back: such an export cannot be re-created.
 */
@Component
public class ExportRecreator {
    /** Where the file went and its SHA-256 (equal to the original's). */
    public record Recreated(Path file, String sha256, int rows) {
    }

    private final ExportHistory history;
    private final PersonnummerCipher cipher;
    private final JdbcClient jdbc;
    private final Participations participations;
    private final InTransaction transaction;

    public ExportRecreator(ExportHistory history, PersonnummerCipher cipher, JdbcClient jdbc,
                           Participations participations, InTransaction transaction) {
        this.history = history;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.participations = participations;
        this.transaction = transaction;
    }

    /**
     * @param kind the kind the command that asks is for (SUS, ESF or FINSAM)
     */
    public Recreated recreate(String projectId, String kind, long exportId, Path out) throws Exception {
        return transaction.call(() -> recreateInTransaction(projectId, kind, exportId, out));
    }

    /** The rows are read with a cursor and written as they come, each with its person's number joined in SQL. */
    private Recreated recreateInTransaction(String projectId, String kind, long exportId, Path out) throws Exception {
        ExportRun run = history.run(exportId).filter(r -> r.projectId().equals(projectId))
                .orElseThrow(() -> new ConfigException("Project " + projectId + " has no export " + exportId + "."));
        if (!run.kind().equals(kind)) {
            throw new ConfigException("Export " + exportId + " is a " + run.kind() + " export: re-create it with "
                    + job(run.kind()) + " --recreate " + exportId + ".");
        }
        if (run.pnrColumn() != null) {
            int[] counts = jdbc.sql("""
                            SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (
                                       SELECT 1 FROM episode e
                                        WHERE e.project_id = ? AND e.person_key = decode(r.person_key, 'hex')
                                          AND e.pnr_encrypted IS NOT NULL AND NOT e.anonymous)
                                     OR EXISTS (SELECT 1 FROM episode p
                                                 WHERE p.project_id = ? AND p.person_key = decode(r.person_key, 'hex')
                                                   AND p.protected_identity))
                              FROM export_row r WHERE r.export_id = ? AND r.part = ?""")
                    .params(projectId, projectId, exportId, ExportHistory.FILE)
                    .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
            if (counts[1] > 0) {
                throw new ConfigException("Export " + exportId + " cannot be re-created: the register no longer holds"
                        + " the personnummer of " + counts[1] + " of its " + counts[0] + " rows (consent withdrawn,"
                        + " protected identity, or removed by a corrected delivery).");
            }
        }
        Path folder = ExportFolders.recreated(out, projectId, exportId);
        Path file = folder.resolve(run.fileName());
        int rows;
        String sha;
        try (ExportCsv.FileWriter writer = ExportCsv.open(file, run.header())) {
            // the number of the person's first episode in the project that holds one
            participations.rows("""
                            SELECT r.cells, n.pnr_encrypted FROM export_row r
                              LEFT JOIN LATERAL (SELECT e.pnr_encrypted FROM episode e
                                                  WHERE e.project_id = ? AND e.person_key = decode(r.person_key, 'hex')
                                                    AND e.pnr_encrypted IS NOT NULL AND NOT e.anonymous
                                                  ORDER BY e.episode_id LIMIT 1) n ON r.person_key IS NOT NULL
                             WHERE r.export_id = ? AND r.part = ?
                             ORDER BY r.position""",
                    rs -> writer.row(Participations.list(rs.getArray(1)), run.pnrColumn(),
                            run.pnrColumn() == null ? null : cipher.decrypt(rs.getBytes(2))),
                    projectId, exportId, ExportHistory.FILE);
            rows = writer.rows();
            sha = writer.finish();
            if (!sha.equals(run.sha256())) {
                writer.close();
                deleteIfEmpty(folder);
                throw new IllegalStateException("The re-created export " + exportId + " differs from the original"
                        + " (sha256 " + sha + ", recorded " + run.sha256() + "); nothing was written.");
            }
            writer.commit();
        }
        ExportAudit.recreated(job(run.kind()), projectId, exportId, run.fileName(), rows, sha);
        try (ExportCsv.FileWriter removals = ExportCsv.open(folder.resolve(SusExport.REMOVALS),
                SusExport.REMOVALS_HEADER)) {
            history.forEachRow(exportId, ExportHistory.REMOVED, r -> removals.row(r.cells()));
            if (removals.rows() > 0) removals.commit();
        }
        return new Recreated(file, sha, rows);
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // it held an earlier re-creation: leave it
        }
    }

    public static String job(String kind) {
        return switch (kind) {
            case ExportRun.SUS -> SusExport.JOB;
            case ExportRun.ESF -> EsfExport.JOB;
            default -> FinsamExport.JOB;
        };
    }
}
