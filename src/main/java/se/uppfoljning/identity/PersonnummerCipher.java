package se.uppfoljning.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the 12 digits for storage (SPEC §3: the number is stored only encrypted) with
 * AES-256-GCM. A blob is {@code IV (12 bytes) || ciphertext || tag (16 bytes)}; the IV is random
 * for every call, because reusing an IV under one GCM key gives away the plaintexts.
 *
 * <p>Thread-safe: {@link Cipher} is not, so each thread keeps its own, initialised afresh (key and
 * a new random IV) for every call.
 */
public final class PersonnummerCipher {
    public static final int KEY_LENGTH = 32;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /** Looking a Cipher up per call cost more than encrypting 12 bytes; each thread keeps one, initialised per call. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonnummerCipher::newCipher);

    public PersonnummerCipher(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an AES-256 key must be " + KEY_LENGTH + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] encrypt(Personnummer p) {
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, p.value().getBytes(StandardCharsets.US_ASCII), 0);
        byte[] blob = Arrays.copyOf(iv, IV_LENGTH + sealed.length);
        System.arraycopy(sealed, 0, blob, IV_LENGTH, sealed.length);
        return blob;
    }

    /** The 12 digits; fails when the blob was not made by {@link #encrypt} under this key or was altered. */
    public String decrypt(byte[] blob) {
        if (blob == null || blob.length < IV_LENGTH + TAG_BITS / 8) {
            throw new IllegalArgumentException("too short to be an encrypted personnummer");
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, Arrays.copyOf(blob, IV_LENGTH), blob, IV_LENGTH);
        return new String(plain, StandardCharsets.US_ASCII);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private byte[] run(int mode, byte[] iv, byte[] input, int offset) {
        try {
            Cipher cipher = ciphers.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(input, offset, input.length - offset);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("not encrypted under this key, or altered since", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }
}
