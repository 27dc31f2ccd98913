package se.uppfoljning.register;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.uppfoljning.extract.ExtractFile;
import se.uppfoljning.extract.FileRegistry;
import se.uppfoljning.extract.Source;

/**
 * Finishes the files of a run: overlapping staged episodes are rejected ({@link EpisodeOverlapCheck},
 * R1); a file with more rejected rows than the allowed share fails as a whole (R4: exactly the
 * threshold passes; overlap rejects count); the others go into the register, and a later delivery of
 * the same scope replaces the rows of the earlier one (SPEC §4).
 *
 * <p>The deltagare files go into episode on the step's own transaction while the event files
 * (kontakter, bedomning, insatser, bistand, af_status) go into their five tables on a second
 * connection, in a transaction of its own, on a second thread; the overlap check runs first on the
 * step's side, beside the event files (it was a step of its own before, 2-3 s at 1,000,000 episodes
 * with the second core idle). Each side is a chain of single statements that keeps one PostgreSQL
 * backend busy, and the machine has a core for each
 * ({@code uppfoljning.ingest.parallel-load}, default true; false does both on the step's
 * transaction, one after the other). When the event files are very many times the episodes (more
 * than forty rows per episode), the largest of them go on the step's side after the episodes, so
 * that both sides end at about the same time
 * ({@link #eventSourcesBesideEpisodes}). Each file's rows and its status still commit together. If the
 * step fails after the event files' transaction committed, those files stay LOADED and a restart
 * loads only the rest, as for any file already loaded (docs/operating.md).
 */
@Component
public class RegisterLoader {
    private static final Logger log = LoggerFactory.getLogger(RegisterLoader.class);

    private final JdbcClient jdbc;
    private final FileRegistry registry;
    private final RegisterMerge merge;
    private final EpisodeOverlapCheck overlaps;
    private final TransactionTemplate ownTransaction;
    private final boolean parallel;

    public RegisterLoader(JdbcClient jdbc, FileRegistry registry, RegisterMerge merge, EpisodeOverlapCheck overlaps,
                          PlatformTransactionManager tm,
                          @Value("${uppfoljning.ingest.parallel-load:true}") boolean parallel) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.merge = merge;
        this.overlaps = overlaps;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.parallel = parallel;
    }

    /**
     * Memory for the merges' sorts (the episodes by line) and for the indexes a large file's merge
     * builds again, on this transaction only: the server's defaults (work_mem 4 MB,
     * maintenance_work_mem 64 MB) send them to disk. Set with SET LOCAL, so the pooled connection
     * goes back unchanged.
     */
    static final String LOAD_WORK_MEM = "256MB";

    /**
     * One register load at a time on a database, whatever the project: a large file's merge drops
     * episode's foreign key to person and adds it back ({@link RegisterMerge}), which locks episode
     * and person in an order another project's load, inserting persons first, would take the other
     * way round (a deadlock PostgreSQL would end by failing one of the jobs). The lock is the step's
     * transaction's and goes with its commit or rollback, after the event files' transaction has
     * ended; a second load waits for the first.
     */
    private static final String ONE_LOAD_AT_A_TIME = "SELECT pg_advisory_xact_lock(hashtext('uppfoljning.loadRegister'))";

    /**
     * Longer than any report's transaction that reads the register (about a minute at 1,000,000
     * episodes); a load that waits longer fails and can be run again (docs/operating.md).
     */
    static final String SECOND_SIDE_LOCK_TIMEOUT = "10min";

    private enum Action { FAIL, SUPERSEDE, LOAD }

    /** What the load does with a pending file, decided before anything is written. */
    private record Decision(ExtractFile file, Action action, int read, int staged, int rejected, Long newer) {
    }

    /**
     * Loads the project's pending files; returns how many staged episodes were rejected as
     * overlapping (R1).
     */
    public int load(String projectId, BigDecimal maxRejectShare) {
        jdbc.sql(ONE_LOAD_AT_A_TIME).query((rs, n) -> 0).list();
        useLoadMemory();
        // Decided in a transaction of its own, so that no lock taken while deciding outlives it: the
        // second connection attaches the event files' tables as partitions (ACCESS EXCLUSIVE) while the
        // step's transaction is still open, and would wait for a lock the step held on one of them (as
        // when the decisions counted the staged rows of each file's table, before V12).
        List<Decision> decisions = decideAll(projectId, maxRejectShare, file -> true);
        if (decisions.isEmpty()) return 0;
        // The sides are chosen by the rows staged before the overlap check (R1): it rejects few episodes.
        // The event files' decisions stand: the check changes only the deltagare files' counts (an
        // overlapping episode is a rejected row of its file, R4).
        Set<Source> stepSources = EnumSet.of(Source.DELTAGARE);
        if (parallel) stepSources.addAll(eventSourcesBesideEpisodes(rowsToLoad(decisions)));
        List<Decision> secondSide = decisions.stream().filter(d -> !stepSources.contains(d.file().source())).toList();
        List<Decision> eventsBeside = decisions.stream()
                .filter(d -> d.file().source().event() && stepSources.contains(d.file().source())).toList();
        insertPersons(decisions.stream().filter(d -> d.file().source().event()).toList());
        if (!parallel || secondSide.isEmpty()) {
            StepSide stepSide = episodesAfterOverlapCheck(projectId, maxRejectShare, eventsBeside);
            carryOut(stepSide.decisions(), maxRejectShare);
            carryOut(secondSide, maxRejectShare);
            jdbc.sql("ANALYZE person").update();
            analyze(stepSide.decisions());
            analyze(secondSide);
            return stepSide.overlapsRejected();
        }
        // The two transactions must never wait for each other's locks: the step waits for the event
        // files' transaction in Java (below), so if that transaction also waited in PostgreSQL for a
        // lock the step holds, neither would ever go on, and PostgreSQL could not see it to break it.
        // So the step's transaction touches episode, person and stg_deltagare, and the tables of the
        // event sources given to it, only; the other one the other event tables and their staging
        // only (both besides reading reject and extract_file and updating the rows of extract_file
        // of their own files). A source's files are all on one side: they share a table. The decisions
        // were taken in a transaction that has ended (above): attaching a file's table as its
        // partition would wait for any transaction that read it.
        // A third transaction could still close a circle PostgreSQL cannot see: a report of another
        // project that has read a table of the second side, whose old partition that side must drop,
        // and then waits to read a table the step's side has locked for the same reason. The second
        // side waits for such locks at most SECOND_SIDE_LOCK_TIMEOUT, then fails, and the step fails with it.
        // Persons come before the merges and are committed (insertPersons): a large deltagare file's
        // merge drops episode's key to person, which locks person against any insert until the step
        // commits.
        // Episode's key to extract_file, which would lock extract_file the same way, is gone (V8).
        long started = System.nanoTime();
        FutureTask<Long> second = new FutureTask<>(() -> ownTransaction.execute(status -> {
            useLoadMemory();
            jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(SECOND_SIDE_LOCK_TIMEOUT)
                    .query(String.class).single();
            carryOut(secondSide, maxRejectShare);
            analyze(secondSide);
            return System.nanoTime();
        }));
        new Thread(second, "loadRegister-events").start();
        long stepDone;
        StepSide stepSide;
        try {
            // The overlap check first, while the event files load: it reads episode and stg_deltagare and
            // writes reject and stg_deltagare, which the event files' transaction does not touch (its
            // files were decided above).
            stepSide = episodesAfterOverlapCheck(projectId, maxRejectShare, eventsBeside);
            carryOut(stepSide.decisions(), maxRejectShare);
            jdbc.sql("ANALYZE person").update();
            analyze(stepSide.decisions());
            stepDone = System.nanoTime();
        } catch (RuntimeException | Error e) {
            // the step's rollback must not end the advisory lock while the other transaction still runs
            try {
                await(second);
            } catch (RuntimeException | Error other) {
                e.addSuppressed(other);
            }
            throw e;
        }
        long secondDone = await(second);
        log.info("loadRegister: {} file(s) on the step's connection ({}) in {} ms, {} event file(s) on a second"
                        + " connection ({}) in {} ms, both done in {} ms", stepSide.decisions().size(),
                sourceNames(stepSide.decisions()),
                (stepDone - started) / 1_000_000, secondSide.size(), sourceNames(secondSide),
                (secondDone - started) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        return stepSide.overlapsRejected();
    }

    /** What the step's transaction loads, and how many staged episodes the overlap check rejected. */
    private record StepSide(List<Decision> decisions, int overlapsRejected) {
    }

    /**
     * The overlap check (R1), then the deltagare files decided again with its rejects counted, and
     * their persons inserted; the event files given to the step's side follow them. Run again after a
     * failure, the check finds nothing more to reject: what it rejected has left stg_deltagare.
     */
    private StepSide episodesAfterOverlapCheck(String projectId, BigDecimal maxRejectShare, List<Decision> eventsBeside) {
        int rejected = rejectOverlaps(projectId);
        List<Decision> decisions = new ArrayList<>(decideAll(projectId, maxRejectShare, file -> !file.source().event()));
        insertPersons(decisions);
        decisions.addAll(eventsBeside);
        return new StepSide(decisions, rejected);
    }

    /** The project's pending files of a kind, in the registry's order, decided in a transaction of its own. */
    private List<Decision> decideAll(String projectId, BigDecimal maxRejectShare, Predicate<ExtractFile> which) {
        return ownTransaction.execute(status -> {
            List<Decision> decided = new ArrayList<>();
            for (ExtractFile file : registry.pending(projectId)) {
                if (which.test(file)) decided.add(decide(file, maxRejectShare));
            }
            return decided;
        });
    }

    /**
     * R1, committed on its own so that the decisions after it count its rejects; with the load's
     * memory, so that its sort of the staged episodes stays off the disk.
     */
    private int rejectOverlaps(String projectId) {
        return ownTransaction.execute(status -> {
            useLoadMemory();
            return overlaps.rejectOverlaps(projectId);
        });
    }

    /**
     * Loading an episode costs about forty event rows, since an event file's rows are attached as a
     * partition rather than copied (at 1,000,000 episodes: the episodes with bedomning and insatser,
     * 10.4 M rows, 10.6 s on one side; kontakter, bistand and af_status, 14.1 M rows, 2.6 s on the
     * other; so about 0.2 s per million event rows, and 8-9 s for the million episodes).
     */
    static final int EPISODE_ROW_COST = 40;
    /** Smaller event sources stay on the second connection: moving them saves less than a second. */
    static final long MOVE_FROM_ROWS = 50_000;

    /**
     * Which event sources the step's transaction loads after the episodes, so that the two sides
     * take about as long: largest first, each to the side with less work so far (the rows to load,
     * an episode counted as {@value #EPISODE_ROW_COST}), the second connection on a tie. Only a
     * source of at least {@value #MOVE_FROM_ROWS} rows moves, so a project's usual delivery loads
     * as before: the episodes on one side, every event file on the other.
     */
    static Set<Source> eventSourcesBesideEpisodes(Map<Source, Long> rows) {
        long step = rows.getOrDefault(Source.DELTAGARE, 0L) * EPISODE_ROW_COST;
        long second = 0;
        Set<Source> beside = EnumSet.noneOf(Source.class);
        List<Map.Entry<Source, Long>> largestFirst = rows.entrySet().stream()
                .filter(e -> e.getKey() != Source.DELTAGARE)
                .sorted(Map.Entry.<Source, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        for (Map.Entry<Source, Long> e : largestFirst) {
            if (step < second && e.getValue() >= MOVE_FROM_ROWS) {
                beside.add(e.getKey());
                step += e.getValue();
            } else {
                second += e.getValue();
            }
        }
        return beside;
    }

    /** The rows each source's files bring into the register (none for a file that fails or is superseded). */
    private static Map<Source, Long> rowsToLoad(List<Decision> decisions) {
        Map<Source, Long> rows = new EnumMap<>(Source.class);
        for (Decision d : decisions) {
            rows.merge(d.file().source(), d.action() == Action.LOAD ? (long) d.staged() : 0L, Long::sum);
        }
        return rows;
    }

    private static String sourceNames(List<Decision> decisions) {
        return decisions.stream().map(d -> d.file().source().name().toLowerCase(Locale.ROOT)).distinct()
                .collect(Collectors.joining(", "));
    }

    /**
     * Fresh statistics for the tables the decisions' files went into, in the transaction that merged
     * them (ANALYZE counts the transaction's own new rows), so that the two sides' ANALYZEs run at the
     * same time too.
     */
    private void analyze(List<Decision> decisions) {
        decisions.stream().map(d -> d.file().source()).distinct().forEach(merge::analyze);
    }

    private void useLoadMemory() {
        jdbc.sql("SELECT set_config('work_mem', ?, true)").param(LOAD_WORK_MEM).query(String.class).single();
        jdbc.sql("SELECT set_config('maintenance_work_mem', ?, true)").param(LOAD_WORK_MEM).query(String.class).single();
    }

    /**
     * Read only. Deciding every file before any is loaded gives what deciding each in turn gave: a
     * file is superseded only by a LOADED file of its scope with a later delivery date, and the files
     * of a scope (one source) are loaded in delivery-date order, so no file loaded earlier in the same
     * run can be that later file. Which file replaces which is still found as each is loaded.
     */
    private Decision decide(ExtractFile file, BigDecimal maxRejectShare) {
        int staged = merge.countStaged(file);
        int rejected = jdbc.sql("SELECT count(*) FROM reject WHERE file_id = ?").param(file.fileId())
                .query(Integer.class).single();
        int read = staged + rejected;
        if (BigDecimal.valueOf(rejected).compareTo(maxRejectShare.multiply(BigDecimal.valueOf(read))) > 0) {
            return new Decision(file, Action.FAIL, read, staged, rejected, null);
        }
        Optional<Long> newer = jdbc.sql("""
                        SELECT file_id FROM extract_file
                         WHERE project_id = ? AND scope = ? AND status = 'LOADED' AND file_id <> ?
                           AND delivery_date > ?
                         ORDER BY delivery_date DESC, file_id DESC LIMIT 1""")
                .params(file.projectId(), file.scope(), file.fileId(), file.deliveryDate())
                .query(Long.class).optional();
        // an older delivery arriving late: kept in the history, its rows do not replace newer ones
        if (newer.isPresent()) return new Decision(file, Action.SUPERSEDE, read, staged, rejected, newer.get());
        return new Decision(file, Action.LOAD, read, staged, rejected, null);
    }

    /**
     * The persons of every file to be loaded, in a transaction of their own that commits before any
     * file is merged. On the step's transaction they would be lost if the step failed after the
     * event files' transaction committed: those files are LOADED then and never loaded again, and
     * the persons cannot be made from what the event tables keep. Committed first, a person whose
     * file is not loaded after all (the step failed before it) is a row no register table refers to
     * until the restart loads the file.
     */
    private void insertPersons(List<Decision> decisions) {
        ownTransaction.executeWithoutResult(status -> {
            useLoadMemory();
            for (Decision d : decisions) {
                if (d.action() == Action.LOAD) merge.insertPersons(d.file());
            }
        });
    }

    private void carryOut(List<Decision> decisions, BigDecimal maxRejectShare) {
        for (Decision d : decisions) {
            switch (d.action()) {
                case FAIL -> failOverThreshold(d.file(), d.read(), d.rejected(), maxRejectShare);
                case SUPERSEDE -> {
                    merge.dropStaged(d.file());
                    finish(d.file(), "SUPERSEDED", d.newer(), d.read(), d.read() - d.rejected(), d.rejected());
                }
                case LOAD -> load(d.file(), d.read(), d.staged(), d.rejected());
            }
        }
    }

    /** Waits for the event files' transaction to end, and fails as it failed. */
    private static long await(FutureTask<Long> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;     // the other transaction is still running: it must end first
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error r) throw r;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void failOverThreshold(ExtractFile file, int read, int rejected, BigDecimal share) {
        String percent = BigDecimal.valueOf(rejected * 100L).divide(BigDecimal.valueOf(read), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
        String limit = share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
        registry.fail(file, read,
                file.fileName() + ": " + rejected + " av " + read + " rader (" + percent + " %) avvisades, mer än gränsen "
                        + limit + " %. Inget lästes in från filen. Rätta raderna i avvisningsfilen och leverera filen igen.",
                file.fileName() + ": " + rejected + " of " + read + " rows (" + percent + " %) were rejected, more than the"
                        + " limit of " + limit + " %. Nothing was loaded from the file. Fix the rows listed in the reject"
                        + " file and deliver the file again.");
    }

    private void load(ExtractFile file, int read, int staged, int rejected) {
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
        int loaded = merge.merge(file, staged);
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
