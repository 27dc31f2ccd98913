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
 * <p>Thread-safe: {@link Mac} is not, so each thread keeps its own, initialised once (looking up
 * and initialising a Mac for every row cost more than the hash itself).
 */
public final class PersonKeyHasher {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public PersonKeyHasher(byte[] secret) {
        if (secret == null || secret.length == 0) throw new IllegalArgumentException("the project secret is empty");
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /** 64 lowercase hex characters; the same person gives the same key under the same secret. */
    public String keyOf(Personnummer p) {
        // doFinal resets the Mac, so the next call starts clean
        return HexFormat.of().formatHex(macs.get().doFinal(p.value().getBytes(StandardCharsets.US_ASCII)));
    }
}
