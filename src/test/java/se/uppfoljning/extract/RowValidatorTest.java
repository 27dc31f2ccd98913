package se.uppfoljning.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.ProjectConfigLoader;
import se.uppfoljning.config.SourceProfile;
import se.uppfoljning.config.SourceProfileLoader;

/**
 * The validator reads a number once for the rows of a person that follow one another, but a number
 * is only valid for a delivery date: the same cell delivered on another day is read again. A list of
 * codes is mapped once per distinct value; what each row gets is the same as if it were mapped anew.
 */
class RowValidatorTest {
    private static final ProjectConfig PROJECT = ProjectConfigLoader.load(Path.of("jobs/projects/stockholmskraften.yml"));
    private static final SourceProfile NO_ALIASES = new SourceProfile("bistand", Map.of(), Map.of(), Map.of());
    /** Skatteverket's test number, born 2024-05-29. */
    private static final String BORN_29_MAY_2024 = "20240529-2380";

    private final RowValidator validator = new RowValidator(Source.BISTAND, PROJECT, NO_ALIASES);
    private final HeaderMapping mapping;

    RowValidatorTest() throws ExtractFileException {
        mapping = HeaderMapping.resolve("bistand.csv", List.of("personnummer", "manad", "belopp"), Source.BISTAND, NO_ALIASES);
    }

    @Test
    void theRowsOfOnePersonShareTheNumberReadOnce() {
        ExtractFile july = file(1, LocalDate.of(2024, 7, 31));

        Object first = validator.check(row(july, 2, BORN_29_MAY_2024, "2024-06"));
        Object second = validator.check(row(july, 3, BORN_29_MAY_2024, "2024-07"));

        assertThat(first).isInstanceOf(RowValidator.Valid.class);
        assertThat(second).isInstanceOf(RowValidator.Valid.class);
        assertThat(((RowValidator.Valid) second).personnummer()).isSameAs(((RowValidator.Valid) first).personnummer());
        assertThat(((RowValidator.Valid) second).personnummer().birthDate()).isEqualTo(LocalDate.of(2024, 5, 29));
    }

    @Test
    void theSameNumberInAnEarlierDeliveryIsCheckedAgainstThatDelivery() {
        Object valid = validator.check(row(file(1, LocalDate.of(2024, 7, 31)), 2, BORN_29_MAY_2024, "2024-05"));
        // delivered before the person was born: no such person yet
        Object early = validator.check(row(file(2, LocalDate.of(2024, 5, 15)), 2, BORN_29_MAY_2024, "2024-05"));

        assertThat(valid).isInstanceOf(RowValidator.Valid.class);
        assertThat(early).isInstanceOfSatisfying(RejectedRow.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_PNR));
    }

    @Test
    void aRejectedNumberIsNotRememberedAsTheLastPerson() {
        ExtractFile july = file(1, LocalDate.of(2024, 7, 31));

        Object bad = validator.check(row(july, 2, "20240529-2381", "2024-06"));  // wrong check digit
        Object again = validator.check(row(july, 3, "20240529-2381", "2024-07"));
        Object good = validator.check(row(july, 4, BORN_29_MAY_2024, "2024-07"));

        assertThat(bad).isInstanceOf(RejectedRow.class);
        assertThat(again).isInstanceOfSatisfying(RejectedRow.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_PNR));
        assertThat(good).isInstanceOf(RowValidator.Valid.class);
    }

    @Test
    void aCodeListSeenBeforeGivesTheSameCodesAndKeepsItsRawValueWhenRenamed() throws Exception {
        SourceProfile kontakter = SourceProfileLoader.load(Path.of("jobs/sources"), "kontakter");
        RowValidator contacts = new RowValidator(Source.KONTAKTER, PROJECT, kontakter);
        HeaderMapping header = HeaderMapping.resolve("kontakter.csv", List.of("personnummer", "datum", "typ", "aktorer"),
                Source.KONTAKTER, kontakter);
        ExtractFile file = new ExtractFile(1, PROJECT.id(), Source.KONTAKTER, "", "kontakter_2024-10-31.csv", null,
                LocalDate.of(2024, 10, 31), null, "UTF-8");
        List<Object> checked = new ArrayList<>();
        String[] lists = {"AF|SOC|JC", "AF|SOC|Jobbcoach", "AF|SOC|JC", "AF|SOC|Jobbcoach", "AF|XYZ", "AF|XYZ", "SOC"};
        for (int i = 0; i < lists.length; i++) {
            checked.add(contacts.check(ExtractRow.of(file, header,
                    new RawRecord(i + 2, new String[] {BORN_29_MAY_2024, "2024-10-01", "ENSKILT", lists[i]}))));
        }

        for (int i : new int[] {0, 1, 2, 3}) {
            assertThat(((RowValidator.Valid) checked.get(i)).values()[3]).isEqualTo(List.of("AF", "SOC", "JC"));
        }
        assertThat(((RowValidator.Valid) checked.get(0)).rawCodes()).isEmpty();
        assertThat(((RowValidator.Valid) checked.get(2)).rawCodes()).isEmpty();
        assertThat(((RowValidator.Valid) checked.get(1)).rawCodes()).containsExactly(Map.entry("aktorer", "AF|SOC|Jobbcoach"));
        assertThat(((RowValidator.Valid) checked.get(3)).rawCodes()).containsExactly(Map.entry("aktorer", "AF|SOC|Jobbcoach"));
        for (int i : new int[] {4, 5}) {
            assertThat(checked.get(i)).isInstanceOfSatisfying(RejectedRow.class,
                    r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_CODE));
        }
        assertThat(((RowValidator.Valid) checked.get(6)).values()[3]).isEqualTo(List.of("SOC"));
    }

    private static ExtractFile file(long id, LocalDate delivered) {
        return new ExtractFile(id, PROJECT.id(), Source.BISTAND, "", "bistand_" + delivered + ".csv", null, delivered,
                null, "UTF-8");
    }

    private ExtractRow row(ExtractFile file, int line, String number, String month) {
        return ExtractRow.of(file, mapping, new RawRecord(line, new String[] {number, month, "1200"}));
    }
}
