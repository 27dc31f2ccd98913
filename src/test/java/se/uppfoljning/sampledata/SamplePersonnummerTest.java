package se.uppfoljning.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePersonnummerTest {

    private static final LocalDate DELIVERY = LocalDate.of(2026, 10, 31);

    @Test
    void everyNumberOfSkatteverketsListIsValid() {
        List<String> list = TestNumberPool.readList();
        assertThat(list).hasSizeGreaterThan(40_000).allMatch(SamplePersonnummer::isValid);
        assertThat(list).noneMatch(SamplePersonnummer::isSamordningsnummer);
    }

    @Test
    void aSamordningsnummerAddsSixtyToTheDayAndHasItsOwnCheckDigit() {
        String number = TestNumberPool.readList().stream().filter(n -> n.startsWith("1985")).findFirst().orElseThrow();
        String samordning = SamplePersonnummer.toSamordningsnummer(number);

        assertThat(samordning.substring(0, 6)).isEqualTo(number.substring(0, 6));
        assertThat(Integer.parseInt(samordning.substring(6, 8))).isEqualTo(Integer.parseInt(number.substring(6, 8)) + 60);
        assertThat(SamplePersonnummer.isValid(samordning)).isTrue();
        assertThat(SamplePersonnummer.isSamordningsnummer(samordning)).isTrue();
        assertThat(SamplePersonnummer.birthDate(samordning)).isEqualTo(SamplePersonnummer.birthDate(number));
        assertThat(SamplePersonnummer.isMale(samordning)).isEqualTo(SamplePersonnummer.isMale(number));
    }

    @Test
    void aChangedLastDigitFailsTheCheck() {
        String number = TestNumberPool.readList().get(20_000);
        assertThat(SamplePersonnummer.isValid(SamplePersonnummer.withWrongCheckDigit(number))).isFalse();
    }

    @Test
    void everyWrittenFormNormalisesToTheTwelveDigits() {
        for (String number : List.of("198503122384", "200811302391", "196402292387")) {
            for (SamplePersonnummer.Style style : SamplePersonnummer.Style.values()) {
                assertThat(SamplePersonnummer.normalise(SamplePersonnummer.format(number, style), DELIVERY)).as(style.name())
                        .contains(number);
            }
        }
        assertThat(SamplePersonnummer.normalise("261031-1234", DELIVERY)).contains("202610311234");
        assertThat(SamplePersonnummer.normalise("261101-1234", DELIVERY)).contains("192611011234");
        assertThat(SamplePersonnummer.normalise("261031+1234", DELIVERY)).contains("192610311234");
    }
}
