package se.uppfoljning.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reject file or a log line may show of a value that could be a personnummer. */
class PersonnummerMaskTest {

    @Test
    void twelveDigitsKeepTheFullDate() {
        assertThat(Personnummer.mask("19240101-9183")).isEqualTo("19240101-****");
        assertThat(Personnummer.mask(" 1924 0101 9183 ")).isEqualTo("19240101-****");
    }

    @Test
    void tenOrElevenDigitsKeepTheShortDate() {
        assertThat(Personnummer.mask("240101+9183")).isEqualTo("240101-****");
        assertThat(Personnummer.mask("2401019183")).isEqualTo("240101-****");
        assertThat(Personnummer.mask("240101-91834")).isEqualTo("240101-****"); // a digit too many
    }

    @Test
    void invalidNumbersAreMaskedToo() {
        assertThat(Personnummer.mask("19240101-9184")).isEqualTo("19240101-****"); // wrong check digit
        assertThat(Personnummer.mask("pnr 240101-9183")).isEqualTo("240101-****");
    }

    @Test
    void otherValuesWithFourOrMoreDigitsLoseAllDigits() {
        assertThat(Personnummer.mask("240101-918")).isEqualTo("******-***");
        assertThat(Personnummer.mask("1924010191833")).isEqualTo("*************");
        assertThat(Personnummer.mask("tel 08-123 45")).isEqualTo("tel **-*** **");
    }

    @Test
    void valuesWithFewDigitsStayAsTyped() {
        assertThat(Personnummer.mask("saknas")).isEqualTo("saknas");
        assertThat(Personnummer.mask("x12")).isEqualTo("x12");
        assertThat(Personnummer.mask("")).isEmpty();
        assertThat(Personnummer.mask(null)).isNull();
    }

    @Test
    void numbersInsideAFreeTextAreMaskedAndTheRestIsKept() {
        assertThat(Personnummer.maskWithin("ring 19240101-9183 eller 2401019183 om 08-123 45 67"))
                .isEqualTo("ring 19240101-**** eller 240101-**** om 08-123 45 67");
        assertThat(Personnummer.maskWithin("19240101 - 9183")).isEqualTo("19240101-****");
        assertThat(Personnummer.maskWithin("konto 1192401019183")).isEqualTo("konto 1192401019183"); // 13 digits
        assertThat(Personnummer.maskWithin("Ensamstående, 2 barn")).isEqualTo("Ensamstående, 2 barn");
        assertThat(Personnummer.maskWithin(null)).isNull();
    }
}
