package se.uppfoljning.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Shares a run's pending files among the lanes that stage them side by side, each lane on a
 * connection of its own. One COPY keeps one PostgreSQL backend busy only part of the time (it waits
 * for the lane's thread to read and check the next rows, and the thread waits for it), so two lanes
 * use the machine's second core: at 1,000,000 episodes, one lane kept the JVM and the backend busy
 * 120 CPU-seconds in 98 s of wall time.
 *
 * <p>Files go largest first to the lane with the least weight so far (bytes, a deltagare file's
 * counted as more); within a lane they keep the registry's order. There are always exactly
 * {@code lanes} lanes, named lane0, lane1, ..., some of them perhaps empty: a restart asks for the
 * same names again and then goes on from each unfinished lane's saved position ({@link InboxReader}),
 * so the names must not depend on which files are still pending by then.
 */
public class StagingLanes implements Partitioner {
    /** An XLSX file is zipped XML: its bytes hold about five times the rows of a CSV file's. */
    static final int XLSX_WEIGHT = 5;
    /**
     * A deltagare byte costs the staging about 1.6 times an event file's: each row's personnummer is
     * also encrypted, and its many coded columns checked (at 1,000,000 episodes, 8.9 MB/s against
     * 14.2 MB/s for bistand and insatser, lane by lane). Weighed by bytes alone, the lane with the
     * deltagare file ended 7 s after the other.
     */
    static final int DELTAGARE_WEIGHT_PERCENT = 160;

    private final FileRegistry registry;
    private final String projectId;

    public StagingLanes(FileRegistry registry, String projectId) {
        this.registry = registry;
        this.projectId = projectId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int lanes) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        List<List<Long>> byLane = share(registry.pending(projectId), lanes);
        for (int i = 0; i < byLane.size(); i++) contexts.put("lane" + i, InboxReader.startOf(byLane.get(i)));
        return contexts;
    }

    /** The file ids of each lane, in the order given. */
    static List<List<Long>> share(List<ExtractFile> files, int lanes) {
        if (lanes < 1) throw new IllegalArgumentException("at least one staging lane, not " + lanes);
        long[] weight = new long[lanes];
        int[] laneOf = new int[files.size()];
        List<Integer> largestFirst = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) largestFirst.add(i);
        long[] sizes = files.stream().mapToLong(StagingLanes::weight).toArray();
        largestFirst.sort(Comparator.comparingLong((Integer i) -> sizes[i]).reversed().thenComparing(i -> i));
        for (int i : largestFirst) {
            int lightest = 0;
            for (int lane = 1; lane < lanes; lane++) if (weight[lane] < weight[lightest]) lightest = lane;
            laneOf[i] = lightest;
            weight[lightest] += sizes[i];
        }
        List<List<Long>> byLane = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) byLane.add(new ArrayList<>());
        for (int i = 0; i < files.size(); i++) byLane.get(laneOf[i]).add(files.get(i).fileId());
        return byLane;
    }

    private static long weight(ExtractFile file) {
        long bytes;
        try {
            bytes = Files.size(file.path());
        } catch (IOException e) {
            bytes = 0; // the lane's reader says what is wrong with it
        }
        if (file.xlsx()) bytes *= XLSX_WEIGHT;
        return file.source() == Source.DELTAGARE ? bytes * DELTAGARE_WEIGHT_PERCENT / 100 : bytes;
    }
}
