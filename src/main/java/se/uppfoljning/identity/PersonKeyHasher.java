package se.uppfoljning.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a personnummer into the project's {@code person_key} (SPEC §3): the HMAC-SHA256 of the 12
 * digits under the project secret, its 32 bytes as the register keeps them (V14; the export history
 * keeps the 64 lowercase hex digits, made in SQL). A keyed hash, not a plain one, because
 * the few million possible numbers could otherwise be hashed in full and looked up.
 *
 * <p>Thread-safe: {@link Mac} is not, so each thread keeps its own, initialised once (looking up
 * and initialising a Mac for every row cost more than the hash itself). Each thread also keeps
 * the last number's key: extracts list a person's rows together (every event file of the
 * benchmark does, and the agencies' exports are sorted by personnummer), so most rows need no
 * hash at all (the HMAC and its hex were 7 % of stageRows' samples at 1,000,000 episodes).
 */
public final class PersonKeyHasher {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;
    private final ThreadLocal<PerThread> perThread = ThreadLocal.withInitial(() -> new PerThread(newMac()));

    private static final class PerThread {
        final Mac mac;
        String lastNumber;
        byte[] lastKey;

        PerThread(Mac mac) {
            this.mac = mac;
        }
    }

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

    /**
     * 32 bytes; the same person gives the same key under the same secret. The array is shared with
     * the rows of the same person that follow: callers do not change it.
     */
    public byte[] keyOf(Personnummer p) {
        PerThread t = perThread.get();
        String number = p.value();
        if (number.equals(t.lastNumber)) return t.lastKey;
        // doFinal resets the Mac, so the next call starts clean
        byte[] key = t.mac.doFinal(number.getBytes(StandardCharsets.US_ASCII));
        t.lastNumber = number;
        t.lastKey = key;
        return key;
    }
}
