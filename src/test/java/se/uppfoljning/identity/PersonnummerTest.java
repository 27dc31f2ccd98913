package se.uppfoljning.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.uppfoljning.identity.InvalidPersonnummerException.Reason;

/**
 * Every number here is one of Skatteverket's test personnummer
 * (/work/shared/data/skatteverket-testpersonnummer.txt), or one derived from it in a way that is
 * stated where it happens. They belong to nobody.
 */
class PersonnummerTest {
    /** The delivery date of an imagined extract. */
    static final LocalDate DELIVERY = LocalDate.of(2025, 6, 1);

    static final String WOMAN_1924 = "192401019183";
    static final String MAN_2024 = "202401012394";
    static final String BORN_1925 = "192501019216";
    static final String BORN_1890 = "189001019802";
    static final String LEAP_DAY_2000 = "200002292399";
    static final String BORN_30_APRIL_1890 = "189004309812";
    static final String TURNS_30_ON_2025_06_10 = "199506102392";

    static Personnummer parse(String raw) throws InvalidPersonnummerException {
        return Personnummer.parse(raw, DELIVERY);
    }

    static Reason reasonFor(String raw, LocalDate referenceDate) {
        return catchThrowableOfType(InvalidPersonnummerException.class,
                () -> Personnummer.parse(raw, referenceDate)).reason();
    }

    /** The samordningsnummer made from a test number: day + 60 and the check digit recomputed. */
    static String coordinationNumberOf(String twelveDigits) {
        int day = Integer.parseInt(twelveDigits.substring(6, 8)) + 60;
        String withoutCheck = twelveDigits.substring(0, 6) + day + twelveDigits.substring(8, 11);
        return withoutCheck + luhnCheckDigit(withoutCheck.substring(2));
    }

    static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    @Nested
    class AcceptedForms {
        @ParameterizedTest
        @ValueSource(strings = {"19240101-9183", "192401019183", "19240101+9183", "240101+9183"})
        void aPersonOver100(String raw) throws Exception {
            assertThat(parse(raw).value()).isEqualTo(WOMAN_1924);
        }

        @ParameterizedTest
        @ValueSource(strings = {"20240101-2394", "202401012394", "240101-2394", "2401012394"})
        void aChild(String raw) throws Exception {
            assertThat(parse(raw).value()).isEqualTo(MAN_2024);
        }

        @ParameterizedTest
        @ValueSource(strings = {"  19240101-9183 ", "\t19240101-9183\n", "19240101 9183", "1924 01 01 - 91 83",
                "240101 + 9183", "\u00a019240101-9183\u00a0"})
        void blanksAnywhereAreIgnored(String raw) throws Exception {
            assertThat(parse(raw).value()).isEqualTo(WOMAN_1924);
        }

        @Test
        void theSameNumberInAnyFormIsEqual() throws Exception {
            assertThat(parse("240101+9183")).isEqualTo(parse("19240101-9183"))
                    .hasSameHashCodeAs(parse("192401019183"))
                    .isNotEqualTo(parse(MAN_2024));
        }
    }

    @Nested
    class Rejected {
        @ParameterizedTest
        @ValueSource(strings = {"1924010191833", "19240101-918", "24010191", "2401019183x", "19240101--9183",
                "240101/9183", "19240101-91-83", "ÅÄÖ"})
        void wrongLengthOrFormat(String raw) {
            assertThat(reasonFor(raw, DELIVERY)).isEqualTo(Reason.FORMAT);
        }

        @Test
        void nothingToParse() {
            assertThat(reasonFor(null, DELIVERY)).isEqualTo(Reason.MISSING);
            assertThat(reasonFor("   ", DELIVERY)).isEqualTo(Reason.MISSING);
        }

        @Test
        void wrongCheckDigit() {
            // WOMAN_1924 with its last digit changed
            assertThat(reasonFor("19240101-9184", DELIVERY)).isEqualTo(Reason.CHECK_DIGIT);
        }

        @Test
        void thirtyFirstOfApril() {
            // BORN_30_APRIL_1890 with its day changed; the date is checked before the check digit,
            // so no number with a valid check digit had to be made up for this.
            assertThat(reasonFor("18900431-9812", DELIVERY)).isEqualTo(Reason.NO_SUCH_DATE);
        }

        @Test
        void twentyNinthOfFebruaryExistsOnlyInLeapYears() throws Exception {
            assertThat(parse(LEAP_DAY_2000).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
            assertThat(parse("000229-2399").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
            // The same ten digits with '+' mean 1900, which was not a leap year.
            assertThat(reasonFor("000229+2399", DELIVERY)).isEqualTo(Reason.NO_SUCH_DATE);
        }

        @Test
        void dayFieldsBetweenTheTwoRangesAreNoDates() {
            assertThat(reasonFor("19240100-9183", DELIVERY)).isEqualTo(Reason.NO_SUCH_DATE);
            assertThat(reasonFor("19240132-9183", DELIVERY)).isEqualTo(Reason.NO_SUCH_DATE);
            assertThat(reasonFor("19240160-9183", DELIVERY)).isEqualTo(Reason.NO_SUCH_DATE);
            assertThat(reasonFor("19240192-9183", DELIVERY)).isEqualTo(Reason.NO_SUCH_DATE);
        }

        @Test
        void bornAfterTheDeliveryDate() {
            assertThat(reasonFor("20240101-2394", LocalDate.of(2023, 12, 31)))
                    .isEqualTo(Reason.BORN_AFTER_REFERENCE_DATE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"19240101-9184", "18900431-9812", "1924010191833", "000229+2399", "20240101-2394"})
        void messagesNeverContainTheNumber(String raw) {
            InvalidPersonnummerException e = catchThrowableOfType(InvalidPersonnummerException.class,
                    () -> Personnummer.parse(raw, LocalDate.of(2023, 12, 31)));
            assertThat(e.getMessage()).doesNotContainPattern("\\d");
            assertThat(e.toString()).doesNotContainPattern("\\d");
            assertThat(e.reasonSv()).doesNotContainPattern("\\d");
        }

        @Test
        void reasonsReadInSwedishToo() {
            InvalidPersonnummerException e = catchThrowableOfType(InvalidPersonnummerException.class,
                    () -> parse("19240101-9184"));
            assertThat(e.getMessage()).isEqualTo("wrong check digit");
            assertThat(e.reasonSv()).isEqualTo("fel kontrollsiffra");
        }
    }

    @Nested
    class Century {
        @Test
        void tenDigitsMeanUnder100AtTheDeliveryDate() throws Exception {
            assertThat(parse("2401012394").birthDate()).isEqualTo(LocalDate.of(2024, 1, 1));
            // Delivered before BORN_1925 turned 100: still 99, so no '+' is needed.
            assertThat(Personnummer.parse("2501019216", LocalDate.of(2024, 12, 31)).value()).isEqualTo(BORN_1925);
        }

        @Test
        void plusMeans100OrOver() throws Exception {
            assertThat(parse("250101+9216").value()).isEqualTo(BORN_1925);
            assertThat(parse("900101+9802").value()).isEqualTo(BORN_1890);
        }

        @Test
        void theHundredthBirthdayIsWhereTheCenturyTurns() throws Exception {
            assertThat(Personnummer.parse("2401019183", LocalDate.of(2023, 12, 31)).value()).isEqualTo(WOMAN_1924);
            assertThat(Personnummer.parse("240101+9183", LocalDate.of(2024, 1, 1)).value()).isEqualTo(WOMAN_1924);
        }
    }

    @Nested
    class CoordinationNumbers {
        @Test
        void dayPlus60() throws Exception {
            String samordningsnummer = coordinationNumberOf(LEAP_DAY_2000);
            Personnummer p = parse(samordningsnummer);

            assertThat(p.coordinationNumber()).isTrue();
            assertThat(p.value()).isEqualTo(samordningsnummer).startsWith("20000289");
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
            assertThat(p.masked()).isEqualTo("20000289-****");
            assertThat(parse(samordningsnummer.substring(2))).isEqualTo(p);
        }

        @Test
        void anOrdinaryNumberIsNone() throws Exception {
            assertThat(parse(WOMAN_1924).coordinationNumber()).isFalse();
        }
    }

    @Test
    void legalGenderFromTheThirdOfTheLastFourDigits() throws Exception {
        assertThat(parse(WOMAN_1924).legalGender()).isEqualTo("K"); // ...9183: 8 is even
        assertThat(parse(MAN_2024).legalGender()).isEqualTo("M"); // ...2394: 9 is odd
    }

    @Nested
    class Age {
        @Test
        void turns30OnTheBirthday() throws Exception {
            Personnummer p = parse(TURNS_30_ON_2025_06_10);
            assertThat(p.ageAt(LocalDate.of(2025, 6, 9))).isEqualTo(29);
            assertThat(p.ageAt(LocalDate.of(2025, 6, 10))).isEqualTo(30);
        }

        @Test
        void bornOnLeapDayIsAYearOlderOnFirstMarchInCommonYears() throws Exception {
            Personnummer p = parse(LEAP_DAY_2000);
            assertThat(p.ageAt(LocalDate.of(2001, 2, 28))).isZero();
            assertThat(p.ageAt(LocalDate.of(2001, 3, 1))).isEqualTo(1);
            assertThat(p.ageAt(LocalDate.of(2004, 2, 28))).isEqualTo(3);
            assertThat(p.ageAt(LocalDate.of(2004, 2, 29))).isEqualTo(4);
        }

        @Test
        void over100() throws Exception {
            assertThat(parse("240101+9183").ageAt(DELIVERY)).isEqualTo(101);
        }
    }

    @Nested
    class NeverShown {
        @Test
        void maskedKeepsTheDateOnly() throws Exception {
            assertThat(parse("240101+9183").masked()).isEqualTo("19240101-****");
        }

        @Test
        void toStringAndConcatenationAreMasked() throws Exception {
            Personnummer p = parse(WOMAN_1924);
            assertThat(p.toString()).isEqualTo("19240101-****");
            assertThat("rejected " + p).doesNotContain("9183");
            assertThat(String.format("%s", p)).doesNotContain("9183");
        }
    }
}
