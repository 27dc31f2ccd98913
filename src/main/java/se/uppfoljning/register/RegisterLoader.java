package se.uppfoljning.register;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.uppfoljning.extract.ExtractFile;
import se.uppfoljning.extract.FileRegistry;
import se.uppfoljning.extract.Source;

/**
 * Finishes the files of a run: a file with more rejected rows than the allowed share fails as a
 * whole (R4: exactly the threshold passes; overlap rejects count); the others go into the register,
 * and a later delivery of the same scope replaces the rows of the earlier one (SPEC §4).
 */
@Component
public class RegisterLoader {
    private final JdbcClient jdbc;
    private final FileRegistry registry;
    private final RegisterMerge merge;

    public RegisterLoader(JdbcClient jdbc, FileRegistry registry, RegisterMerge merge) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.merge = merge;
    }

    /**
     * Memory for the merges' sorts (a file's rows by person_key) and for the indexes a large file's
     * merge builds again, on this transaction only: the server's defaults (work_mem 4 MB,
     * maintenance_work_mem 64 MB) send them to disk. Set with SET LOCAL, so the pooled connection
     * goes back unchanged.
     */
    static final String LOAD_WORK_MEM = "256MB";

    /**
     * One register load at a time on a database, whatever the project: a large file's merge drops
     * episode's foreign keys and adds them back ({@link RegisterMerge}), which locks episode, person
     * and extract_file in an order another project's load, inserting persons first, would take
     * the other way round (a deadlock PostgreSQL would end by failing one of the jobs). The lock is
     * the transaction's and goes with its commit or rollback; a second load waits for the first.
     */
    private static final String ONE_LOAD_AT_A_TIME = "SELECT pg_advisory_xact_lock(hashtext('uppfoljning.loadRegister'))";

    public void load(String projectId, BigDecimal maxRejectShare) {
        jdbc.sql(ONE_LOAD_AT_A_TIME).query((rs, n) -> 0).list();
        jdbc.sql("SELECT set_config('work_mem', ?, true)").param(LOAD_WORK_MEM).query(String.class).single();
        jdbc.sql("SELECT set_config('maintenance_work_mem', ?, true)").param(LOAD_WORK_MEM).query(String.class).single();
        Set<Source> merged = EnumSet.noneOf(Source.class);
        for (ExtractFile file : registry.pending(projectId)) {
            merged.add(file.source());
            int staged = merge.countStaged(file.source(), file.fileId());
            int rejected = jdbc.sql("SELECT count(*) FROM reject WHERE file_id = ?").param(file.fileId())
                    .query(Integer.class).single();
            int read = staged + rejected;
            if (BigDecimal.valueOf(rejected).compareTo(maxRejectShare.multiply(BigDecimal.valueOf(read))) > 0) {
                failOverThreshold(file, read, rejected, maxRejectShare);
            } else {
                loadOrSupersede(file, read, staged, rejected);
            }
        }
        if (!merged.isEmpty()) jdbc.sql("ANALYZE person").update();
        merged.forEach(merge::analyze);
    }

    private void failOverThreshold(ExtractFile file, int read, int rejected, BigDecimal share) {
        String percent = BigDecimal.valueOf(rejected * 100L).divide(BigDecimal.valueOf(read), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
        String limit = share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
        registry.fail(file.fileId(), read,
                file.fileName() + ": " + rejected + " av " + read + " rader (" + percent + " %) avvisades, mer än gränsen "
                        + limit + " %. Inget lästes in från filen. Rätta raderna i avvisningsfilen och leverera filen igen.",
                file.fileName() + ": " + rejected + " of " + read + " rows (" + percent + " %) were rejected, more than the"
                        + " limit of " + limit + " %. Nothing was loaded from the file. Fix the rows listed in the reject"
                        + " file and deliver the file again.");
    }

    private void loadOrSupersede(ExtractFile file, int read, int staged, int rejected) {
        Optional<Long> newer = jdbc.sql("""
                        SELECT file_id FROM extract_file
                         WHERE project_id = ? AND scope = ? AND status = 'LOADED' AND file_id <> ?
                           AND delivery_date > ?
                         ORDER BY delivery_date DESC, file_id DESC LIMIT 1""")
                .params(file.projectId(), file.scope(), file.fileId(), file.deliveryDate())
                .query(Long.class).optional();
        if (newer.isPresent()) {
            // an older delivery arriving late: kept in the history, its rows do not replace newer ones
            merge.dropStaged(file.source(), file.fileId());
            finish(file, "SUPERSEDED", newer.get(), read, read - rejected, rejected);
            return;
        }
        List<Long> replaced = jdbc.sql("""
                        SELECT file_id FROM extract_file
                         WHERE project_id = ? AND scope = ? AND status = 'LOADED' AND file_id <> ?""")
                .params(file.projectId(), file.scope(), file.fileId())
                .query(Long.class).list();
        for (long old : replaced) {
            merge.removeFromRegister(file.source(), old);
            jdbc.sql("UPDATE extract_file SET status = 'SUPERSEDED', superseded_by = ? WHERE file_id = ?")
                    .params(file.fileId(), old).update();
        }
        int loaded = merge.merge(file.source(), file.fileId(), staged);
        finish(file, "LOADED", null, read, loaded, rejected);
        if (read == 0 && !replaced.isEmpty()) noteEmptyReplacement(file, replaced);
    }

    /**
     * A delivery without rows is valid (nothing happened this period) but replaces the rows of the
     * earlier delivery of its scope; the file's line in the run summary says so, in case a failed
     * export was sent by mistake.
     */
    private void noteEmptyReplacement(ExtractFile file, List<Long> replaced) {
        String earlier = jdbc.sql("SELECT string_agg(file_name, ', ' ORDER BY file_id) FROM extract_file WHERE file_id IN (:ids)")
                .param("ids", replaced).query(String.class).single();
        jdbc.sql("UPDATE extract_file SET message_sv = ?, message_en = ? WHERE file_id = ?")
                .params(file.fileName() + " har inga rader och ersätter därför " + earlier + ", vars rader inte längre räknas."
                                + " Var det inte meningen: leverera rätt fil igen.",
                        file.fileName() + " has no rows, so it replaces " + earlier + ", whose rows no longer count."
                                + " If that was not meant, deliver the right file again.",
                        file.fileId())
                .update();
    }

    private void finish(ExtractFile file, String status, Long supersededBy, int read, int loaded, int rejected) {
        jdbc.sql("""
                        UPDATE extract_file SET status = ?, superseded_by = ?, rows_read = ?, rows_loaded = ?,
                               rows_rejected = ?, finished_at = now()
                         WHERE file_id = ?""")
                .params(status, supersededBy, read, loaded, rejected, file.fileId()).update();
    }
}
