package se.uppfoljning.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PersonKeyHasherTest {
    static final LocalDate DELIVERY = LocalDate.of(2025, 6, 1);
    final PersonKeyHasher hasher = new PersonKeyHasher("project secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void theKeyIsTheHmacSha256OfTheTwelveDigits() throws Exception {
        // Same as: echo -n 192401019183 | openssl dgst -sha256 -hmac "project secret"
        assertThat(hex(hasher.keyOf(Personnummer.parse("240101+9183", DELIVERY))))
                .isEqualTo("7ca86522196d7c6306b81c622ad69c4776acd5a4bb24ce477b6946b3256d28d0")
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theSamePersonGetsTheSameKeyFromEveryForm() throws Exception {
        assertThat(hex(hasher.keyOf(Personnummer.parse("240101+9183", DELIVERY))))
                .isEqualTo(hex(hasher.keyOf(Personnummer.parse("19240101-9183", DELIVERY))));
    }

    @Test
    void keysDifferByPersonAndBySecret() throws Exception {
        Personnummer p = Personnummer.parse("192401019183", DELIVERY);
        PersonKeyHasher otherProject = new PersonKeyHasher("another secret".getBytes(StandardCharsets.UTF_8));

        assertThat(hex(hasher.keyOf(p))).isNotEqualTo(hex(otherProject.keyOf(p)))
                .isNotEqualTo(hex(hasher.keyOf(Personnummer.parse("202401012394", DELIVERY))));
    }

    @Test
    void aRepeatedNumberGetsTheSameKeyAsAFreshHash() throws Exception {
        Personnummer a = Personnummer.parse("192401019183", DELIVERY);
        Personnummer b = Personnummer.parse("202401012394", DELIVERY);
        String keyA = hex(new PersonKeyHasher("project secret".getBytes(StandardCharsets.UTF_8)).keyOf(a));
        String keyB = hex(new PersonKeyHasher("project secret".getBytes(StandardCharsets.UTF_8)).keyOf(b));

        for (Personnummer p : new Personnummer[] {a, a, b, b, a, b, a}) {
            assertThat(hex(hasher.keyOf(p))).isEqualTo(p == a ? keyA : keyB);
        }
        assertThat(hex(hasher.keyOf(Personnummer.parse("19240101-9183", DELIVERY)))).isEqualTo(keyA);
    }

    /** The key as the 64 lowercase hex digits `openssl dgst` prints and the export history keeps. */
    private static String hex(byte[] key) {
        return HexFormat.of().formatHex(key);
    }
}
