package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a run's files are shared among the staging lanes: by their rows, every file in exactly one lane. */
class StagingLanesTest {
    @TempDir
    Path dir;
    long nextId = 1;

    @Test
    void theHeaviestFilesGoToTheLightestLaneAndEachLaneKeepsTheRegistrysOrder() throws IOException {
        ExtractFile deltagare = csv(Source.DELTAGARE, 100, 20);
        ExtractFile kontakter = csv(Source.KONTAKTER, 300, 20);
        ExtractFile insatser = csv(Source.INSATSER, 800, 20);
        ExtractFile bistand = csv(Source.BISTAND, 1_100, 20);
        ExtractFile afStatus = csv(Source.AF_STATUS, 50, 20);

        List<List<Long>> lanes = StagingLanes.share(List.of(deltagare, kontakter, insatser, bistand, afStatus), 2);

        // bistand (1,100) first, insatser (800) and deltagare (100 rows weigh 400) beside it, kontakter
        // to bistand's lane, af_status to the lighter one: 1,400 and 1,250, each in registry order
        assertThat(lanes).containsExactly(
                List.of(kontakter.fileId(), bistand.fileId()),
                List.of(deltagare.fileId(), insatser.fileId(), afStatus.fileId()));
    }

    /**
     * The volume, a thousandth of it, with each source's bytes per row: by bytes, bistand and
     * bedomning (778 MB) against insatser, deltagare, kontakter and af_status (788 MB, the deltagare
     * bytes weighed 1.6 times) looked even, yet the second lane ended 2.7-4.6 s after the first. By
     * rows, a deltagare row weighing four: 14.1 and 14.4 thousand.
     */
    @Test
    void aDeltagareRowWeighsFourEventRowsWhateverItsBytes() throws IOException {
        ExtractFile deltagare = csv(Source.DELTAGARE, 1_000, 135);
        ExtractFile kontakter = csv(Source.KONTAKTER, 1_969, 46);
        ExtractFile bedomning = csv(Source.BEDOMNING, 1_669, 33);
        ExtractFile insatser = csv(Source.INSATSER, 8_718, 52);
        ExtractFile bistand = csv(Source.BISTAND, 11_710, 62);
        ExtractFile afStatus = csv(Source.AF_STATUS, 438, 55);

        List<List<Long>> lanes =
                StagingLanes.share(List.of(deltagare, kontakter, bedomning, insatser, bistand, afStatus), 2);

        assertThat(lanes).containsExactly(
                List.of(kontakter.fileId(), bistand.fileId(), afStatus.fileId()),
                List.of(deltagare.fileId(), bedomning.fileId(), insatser.fileId()));
    }

    @Test
    void aLargeFilesRowsAreEstimatedFromItsFirstMegabyteAndASmallFilesCounted() throws IOException {
        ExtractFile large = csv(Source.BISTAND, 60_000, 50);  // 3 MB
        ExtractFile small = csv(Source.BISTAND, 1_234, 50);
        ExtractFile oneLine = csv(Source.BISTAND, 1, 50);

        assertThat(StagingLanes.rows(large)).isBetween(59_900L, 60_100L);
        assertThat(StagingLanes.rows(small)).isEqualTo(1_234);
        assertThat(StagingLanes.rows(oneLine)).isEqualTo(1);
    }

    @Test
    void thereAreAlwaysAsManyLanesAsAskedForSoThatARestartFindsTheSameNames() throws IOException {
        ExtractFile only = csv(Source.INSATSER, 100, 20);

        assertThat(StagingLanes.share(List.of(only), 3)).containsExactly(List.of(only.fileId()), List.of(), List.of());
        assertThat(StagingLanes.share(List.of(), 2)).containsExactly(List.of(), List.of());
        assertThatThrownBy(() -> StagingLanes.share(List.of(only), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anXlsxFilesRowsAreGuessedFromItsZippedBytesAndAMissingFileWeighsNothing() throws IOException {
        ExtractFile workbook = file(Source.DELTAGARE, "deltagare_2026-10-31.xlsx", "XLSX", new byte[3_000]);
        ExtractFile text = csv(Source.BISTAND, 600, 10);
        ExtractFile missing = new ExtractFile(nextId++, "p", Source.KONTAKTER, "", "kontakter_2026-10-31.csv",
                dir.resolve("gone.csv"), null, null, "UTF-8");

        List<List<Long>> lanes = StagingLanes.share(List.of(workbook, text, missing), 2);

        // 3,000 zipped bytes are about 250 rows, which weigh 1,000 as deltagare: the workbook is the
        // heaviest file and gets a lane of its own
        assertThat(StagingLanes.rows(workbook)).isEqualTo(250);
        assertThat(StagingLanes.rows(missing)).isZero();
        assertThat(lanes).containsExactly(List.of(workbook.fileId()), List.of(text.fileId(), missing.fileId()));
    }

    @Test
    void everyFileIsInExactlyOneLaneAndTheLanesEndUpEven() throws IOException {
        List<ExtractFile> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) files.add(csv(Source.INSATSER, 100 * (i + 1), 10));

        List<List<Long>> lanes = StagingLanes.share(files, 3);

        assertThat(lanes.stream().flatMap(List::stream).sorted().toList())
                .isEqualTo(files.stream().map(ExtractFile::fileId).toList());
        long[] rows = lanes.stream().mapToLong(ids -> ids.stream().mapToLong(id -> 100 * id).sum()).toArray();
        long total = 100L * 12 * 13 / 2;
        for (long r : rows) assertThat(r).isBetween(total / 3 - 100, total / 3 + 100);
    }

    /** A CSV file of that many lines, each that many bytes with its line feed. */
    private ExtractFile csv(Source source, int rows, int bytesPerRow) throws IOException {
        byte[] bytes = new byte[rows * bytesPerRow];
        java.util.Arrays.fill(bytes, (byte) 'x');
        for (int r = 1; r <= rows; r++) bytes[r * bytesPerRow - 1] = '\n';
        return file(source, source.id() + "_" + nextId + "_2026-10-31.csv", "UTF-8", bytes);
    }

    private ExtractFile file(Source source, String name, String encoding, byte[] content) throws IOException {
        Path path = dir.resolve(nextId + "-" + name);
        Files.write(path, content);
        return new ExtractFile(nextId++, "p", source, "", name, path, null, null, encoding);
    }
}
