package se.uppfoljning.export;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    public ExportRecreator(ExportHistory history, PersonnummerCipher cipher, JdbcClient jdbc) {
        this.history = history;
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    /**
     * @param kind the kind the command that asks is for (SUS, ESF or FINSAM)
     */
    public Recreated recreate(String projectId, String kind, long exportId, Path out) throws Exception {
        ExportRun run = history.run(exportId).filter(r -> r.projectId().equals(projectId))
                .orElseThrow(() -> new ConfigException("Project " + projectId + " has no export " + exportId + "."));
        if (!run.kind().equals(kind)) {
            throw new ConfigException("Export " + exportId + " is a " + run.kind() + " export: re-create it with "
                    + job(run.kind()) + " --recreate " + exportId + ".");
        }
        List<ExportRow> rows = history.rows(exportId, ExportHistory.FILE);
        Map<String, byte[]> numbers = run.pnrColumn() == null ? Map.of() : numbers(projectId, rows);
        long unavailable = rows.stream().filter(r -> run.pnrColumn() != null && !numbers.containsKey(r.personKey()))
                .count();
        if (unavailable > 0) {
            throw new ConfigException("Export " + exportId + " cannot be re-created: the register no longer holds the"
                    + " personnummer of " + unavailable + " of its " + rows.size() + " rows (consent withdrawn,"
                    + " protected identity, or removed by a corrected delivery).");
        }
        byte[] bytes = ExportCsv.render(run.header(), run.pnrColumn(), rows,
                r -> cipher.decrypt(numbers.get(r.personKey())));
        String sha = PrivateFiles.sha256(bytes);
        if (!sha.equals(run.sha256())) {
            throw new IllegalStateException("The re-created export " + exportId + " differs from the original (sha256 "
                    + sha + ", recorded " + run.sha256() + "); nothing was written.");
        }
        Path folder = ExportFolders.recreated(out, projectId, exportId);
        Path file = folder.resolve(run.fileName());
        PrivateFiles.write(file, bytes);
        ExportAudit.recreated(job(run.kind()), projectId, exportId, run.fileName(), rows.size(), sha);
        List<ExportRow> removed = history.rows(exportId, ExportHistory.REMOVED);
        if (!removed.isEmpty()) PrivateFiles.write(folder.resolve(SusExport.REMOVALS), SusExport.removals(removed));
        return new Recreated(file, sha, rows.size());
    }

    /** The stored number of each row's person, from any episode of the project, unless the person is protected. */
    private Map<String, byte[]> numbers(String projectId, List<ExportRow> rows) {
        String[] keys = rows.stream().map(ExportRow::personKey).distinct().toArray(String[]::new);
        Map<String, byte[]> numbers = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (person_key) person_key, pnr_encrypted FROM episode
                         WHERE project_id = ? AND person_key = ANY (CAST(? AS char(64)[]))
                           AND pnr_encrypted IS NOT NULL AND NOT anonymous
                           AND person_key NOT IN (SELECT person_key FROM episode
                                                   WHERE project_id = ? AND protected_identity)
                         ORDER BY person_key, episode_id""")
                .params(projectId, keys, projectId)
                .query(rs -> {
                    numbers.put(rs.getString(1), rs.getBytes(2));
                });
        return numbers;
    }

    public static String job(String kind) {
        return switch (kind) {
            case ExportRun.SUS -> SusExport.JOB;
            case ExportRun.ESF -> EsfExport.JOB;
            default -> FinsamExport.JOB;
        };
    }
}
