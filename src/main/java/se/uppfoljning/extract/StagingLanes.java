package se.uppfoljning.extract;

import java.io.IOException;
import java.io.InputStream;
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
 * <p>Files go heaviest first to the lane with the least weight so far, a file weighing its rows
 * (estimated, {@link #rows}) times what a row of its source costs; within a lane they keep the
 * registry's order. There are always exactly
 * {@code lanes} lanes, named lane0, lane1, ..., some of them perhaps empty: a restart asks for the
 * same names again and then goes on from each unfinished lane's saved position ({@link InboxReader}),
 * so the names must not depend on which files are still pending by then.
 */
public class StagingLanes implements Partitioner {
    /**
     * A deltagare row costs the staging about four times an event file's: its personnummer is also
     * encrypted, its episode key made and its many coded columns checked (at 1,000,000 episodes, 96 k
     * rows/s against 420-450 k for the event files, lane by lane). Weighed by bytes, the lane with the
     * deltagare file ended 2.7-4.3 s after the other: a deltagare row is long, an event row short.
     */
    static final int DELTAGARE_ROW_WEIGHT = 4;
    /** An XLSX file is zipped XML: a row of a dozen cells takes about this many of its bytes. */
    static final int XLSX_BYTES_PER_ROW = 12;
    /** The rows of a CSV file are estimated from its first bytes: the lines there per byte. */
    static final int SAMPLE_BYTES = 1 << 20;

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
        long[] laneWeight = new long[lanes];
        int[] laneOf = new int[files.size()];
        List<Integer> heaviestFirst = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) heaviestFirst.add(i);
        long[] weights = files.stream().mapToLong(StagingLanes::weight).toArray();
        heaviestFirst.sort(Comparator.comparingLong((Integer i) -> weights[i]).reversed().thenComparing(i -> i));
        for (int i : heaviestFirst) {
            int lightest = 0;
            for (int lane = 1; lane < lanes; lane++) if (laneWeight[lane] < laneWeight[lightest]) lightest = lane;
            laneOf[i] = lightest;
            laneWeight[lightest] += weights[i];
        }
        List<List<Long>> byLane = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) byLane.add(new ArrayList<>());
        for (int i = 0; i < files.size(); i++) byLane.get(laneOf[i]).add(files.get(i).fileId());
        return byLane;
    }

    private static long weight(ExtractFile file) {
        long rows = rows(file);
        return file.source() == Source.DELTAGARE ? rows * DELTAGARE_ROW_WEIGHT : rows;
    }

    /**
     * About how many rows a file holds: the lines of a CSV file's first {@value #SAMPLE_BYTES} bytes
     * scaled to its size (an extract's rows are much alike), an XLSX file's bytes by
     * {@value #XLSX_BYTES_PER_ROW}; 0 for a file that cannot be read (the lane's reader says what
     * is wrong with it).
     */
    static long rows(ExtractFile file) {
        try {
            long size = Files.size(file.path());
            if (file.xlsx()) return size / XLSX_BYTES_PER_ROW;
            byte[] sample = new byte[(int) Math.min(size, SAMPLE_BYTES)];
            try (InputStream in = Files.newInputStream(file.path())) {
                int read = in.readNBytes(sample, 0, sample.length);
                if (read == 0) return 0;
                long lines = 0;
                for (int i = 0; i < read; i++) if (sample[i] == '\n') lines++;
                return Math.max(1, Math.round((double) lines * size / read));
            }
        } catch (IOException e) {
            return 0;
        }
    }
}
