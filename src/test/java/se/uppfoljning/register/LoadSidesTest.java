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
    void aNationalInboxSharesItsLargestEventFilesSoThatBothSidesEndTogether() {
        // the 1,000,000-episode benchmark inbox
        Map<Source, Long> rows = Map.of(Source.DELTAGARE, 1_000_000L, Source.KONTAKTER, 1_968_846L,
                Source.BEDOMNING, 1_668_659L, Source.INSATSER, 8_717_923L, Source.BISTAND, 11_710_135L,
                Source.AF_STATUS, 438_327L);

        // step: 4 M (episodes) + 8.7 M + 1.7 M = 14.4 M; second: 11.7 M + 2.0 M + 0.4 M = 14.1 M
        assertThat(RegisterLoader.eventSourcesBesideEpisodes(rows)).containsExactlyInAnyOrder(Source.INSATSER,
                Source.BEDOMNING);
    }

    @Test
    void episodesThatOutweighTheEventFilesKeepTheStepToThemselves() {
        Map<Source, Long> rows = Map.of(Source.DELTAGARE, 500_000L, Source.INSATSER, 900_000L, Source.BISTAND, 800_000L);

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
