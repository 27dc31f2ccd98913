package se.uppfoljning.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a personnummer into the project's {@code person_key} (SPEC §3): the lowercase hex
 * HMAC-SHA256 of the 12 digits under the project secret. A keyed hash, not a plain one, because
 * the few million possible numbers could otherwise be hashed in full and looked up.
 *
 * <p>Thread-safe: {@link Mac} is not, so each call gets its own.
 */
public final class PersonKeyHasher {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;

    public PersonKeyHasher(byte[] secret) {
        if (secret == null || secret.length == 0) throw new IllegalArgumentException("the project secret is empty");
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    /** 64 lowercase hex characters; the same person gives the same key under the same secret. */
    public String keyOf(Personnummer p) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(p.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }
}
