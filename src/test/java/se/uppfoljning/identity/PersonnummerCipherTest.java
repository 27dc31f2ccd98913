package se.uppfoljning.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PersonnummerCipherTest {
    final byte[] key = randomKey();
    final PersonnummerCipher cipher = new PersonnummerCipher(key);
    final Personnummer person = parse("19240101-9183");

    @Test
    void decryptGivesBackTheTwelveDigits() {
        assertThat(cipher.decrypt(cipher.encrypt(person))).isEqualTo("192401019183");
        assertThat(new PersonnummerCipher(key.clone()).decrypt(cipher.encrypt(person))).isEqualTo("192401019183");
    }

    @Test
    void everyEncryptionLooksDifferent() {
        byte[] first = cipher.encrypt(person);
        byte[] second = cipher.encrypt(person);

        assertThat(first).hasSize(12 + 12 + 16).isNotEqualTo(second);
    }

    @Test
    void anotherKeyOrAnAlteredBlobIsRefused() {
        byte[] blob = cipher.encrypt(person);
        assertThatIllegalArgumentException().isThrownBy(() -> new PersonnummerCipher(randomKey()).decrypt(blob));

        blob[blob.length - 1] ^= 1;
        assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt(blob));
        assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt(new byte[10]));
    }

    @Test
    void theKeyMustBe32Bytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PersonnummerCipher(new byte[16]));
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static Personnummer parse(String raw) {
        try {
            return Personnummer.parse(raw, LocalDate.of(2025, 6, 1));
        } catch (InvalidPersonnummerException e) {
            throw new AssertionError(e);
        }
    }
}
