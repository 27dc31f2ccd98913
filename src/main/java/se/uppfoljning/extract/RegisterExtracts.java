package se.uppfoljning.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first step of an ingest: every file in the inbox is checksummed (the files side by side) and
 * entered in the file registry, in inbox order. Identical content seen before is left alone.
 * Anything a crashed earlier run staged for a still-pending file is cleared, because this fresh run
 * reads those files from their first row.
 */
@Component
public class RegisterExtracts {
    public record Result(List<Long> registered, List<Long> unchanged) {
    }

    private final FileRegistry registry;
    private final JdbcClient jdbc;

    public RegisterExtracts(FileRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    public Result register(String projectId, Path inbox, LocalDate asOf, long executionId) {
        for (ExtractFile stale : registry.pending(projectId)) {
            StagingTables.clear(jdbc, stale);
            jdbc.sql("DELETE FROM reject WHERE file_id = ?").param(stale.fileId()).update();
        }
        List<Long> registered = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        List<InboxFile> files = Inbox.scan(inbox, asOf);
        List<Inspected> inspected = inspect(files);
        for (int i = 0; i < files.size(); i++) {
            InboxFile f = files.get(i);
            if (inspected.get(i).failure() != null) {
                IOException e = inspected.get(i).failure();
                throw new UncheckedIOException("Cannot read " + f.path() + ": " + e.getMessage(), e);
            }
            FileRegistry.Registered r = registry.register(projectId, f, inspected.get(i).inspection(), executionId);
            if (r.registration() == FileRegistry.Registration.UNCHANGED) unchanged.add(r.file().fileId());
            else registered.add(r.file().fileId());
        }
        // a file left pending by an abandoned run but no longer in the inbox is taken along too
        for (ExtractFile p : registry.pending(projectId)) {
            if (!registered.contains(p.fileId())) {
                registry.claim(p.fileId(), executionId);
                registered.add(p.fileId());
            }
        }
        return new Result(registered, unchanged);
    }

    private record Inspected(FileInspector.Inspection inspection, IOException failure) {
    }

    /**
     * Reads the files side by side (a parallel stream: on two cores the calling thread and one more),
     * since hashing the 1.5 GB inbox took 3 s on one core at 1,000,000 episodes; each file's result or failure
     * is kept in inbox order, so that the first unreadable file in that order is the one reported.
     */
    private static List<Inspected> inspect(List<InboxFile> files) {
        return files.parallelStream().map(f -> {
            try {
                return new Inspected(FileInspector.inspect(f.path(), f.xlsx()), null);
            } catch (IOException e) {
                return new Inspected(null, e);
            }
        }).toList();
    }
}
