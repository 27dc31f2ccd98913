package se.uppfoljning.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import se.uppfoljning.extract.Source;

/** How loadRegister shares the files between its two transactions ({@link RegisterLoader#eventSourcesBesideEpisodes}). */
class LoadSidesTest {

    @Test
    void aProjectsUsualDeliveryLoadsItsEventFilesOnTheSecondConnection() {
        Map<Source, Long> rows = Map.of(Source.DELTAGARE, 1_000L, Source.KONTAKTER, 9_000L, Source.BEDOMNING, 2_000L,
                Source.INSATSER, 8_000L, Source.BISTAND, 12_000L, Source.AF_STATUS, 3_000L);

        assertThat(RegisterLoader.eventSourcesBesideEpisodes(rows)).isEmpty();
    }

    @Test
    void theBenchmarksNationalInboxLoadsItsEventFilesOnTheSecondConnection() {
        // the 1,000,000-episode benchmark inbox: 40 M for the episodes against 24.5 M event rows
        Map<Source, Long> rows = Map.of(Source.DELTAGARE, 1_000_000L, Source.KONTAKTER, 1_968_846L,
                Source.BEDOMNING, 1_668_659L, Source.INSATSER, 8_717_923L, Source.BISTAND, 11_710_135L,
                Source.AF_STATUS, 438_327L);

        assertThat(RegisterLoader.eventSourcesBesideEpisodes(rows)).isEmpty();
    }

    @Test
    void eventFilesFarLargerThanTheEpisodesAreSharedSoThatBothSidesEndTogether() {
        Map<Source, Long> rows = Map.of(Source.DELTAGARE, 100_000L, Source.KONTAKTER, 1_000_000L,
                Source.BEDOMNING, 500_000L, Source.INSATSER, 8_000_000L, Source.BISTAND, 12_000_000L,
                Source.AF_STATUS, 400_000L);

        // step: 4 M (episodes) + 8 M + 0.5 M + 0.4 M = 12.9 M; second: 12 M + 1 M = 13 M
        assertThat(RegisterLoader.eventSourcesBesideEpisodes(rows)).containsExactlyInAnyOrder(Source.INSATSER,
                Source.BEDOMNING, Source.AF_STATUS);
    }

    @Test
    void episodesThatOutweighTheEventFilesKeepTheStepToThemselves() {
        Map<Source, Long> rows = Map.of(Source.DELTAGARE, 50_000L, Source.INSATSER, 900_000L, Source.BISTAND, 800_000L);

        assertThat(RegisterLoader.eventSourcesBesideEpisodes(rows)).isEmpty();
    }

    @Test
    void withoutEpisodesTheLargeEventFilesAreSharedToo() {
        Map<Source, Long> rows = Map.of(Source.INSATSER, 900_000L, Source.BISTAND, 800_000L, Source.KONTAKTER, 100_000L);

        // the largest goes to the second connection on the tie at zero, the next two to the step: 900,000 each
        assertThat(RegisterLoader.eventSourcesBesideEpisodes(rows)).containsExactlyInAnyOrder(Source.BISTAND,
                Source.KONTAKTER);
    }
}
